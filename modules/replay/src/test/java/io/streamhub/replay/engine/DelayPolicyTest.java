package io.streamhub.replay.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamhub.contracts.config.DelayConfig;
import java.util.stream.LongStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Row delays")
class DelayPolicyTest {

  final DelayConfig delay = new DelayConfig(500, 2500);

  @Test
  @DisplayName("stay within [min_ms, max_ms] and cover the range")
  void withinBounds() {
    long[] drawn = LongStream.range(1, 5_000).map(seq -> DelayPolicy.delayMs(delay, 0, seq, 1)).toArray();
    assertThat(LongStream.of(drawn).boxed().toList()).allMatch(d -> d >= 500 && d <= 2500);
    assertThat(LongStream.of(drawn).min().orElseThrow()).isLessThan(600);
    assertThat(LongStream.of(drawn).max().orElseThrow()).isGreaterThan(2400);
  }

  @Test
  @DisplayName("with a seed are the same for the same row on every run, and differ between seeds")
  void seeded() {
    long[] a = LongStream.range(1, 100).map(seq -> DelayPolicy.delayMs(delay, 42, seq, 1)).toArray();
    long[] b = LongStream.range(1, 100).map(seq -> DelayPolicy.delayMs(delay, 42, seq, 1)).toArray();
    long[] c = LongStream.range(1, 100).map(seq -> DelayPolicy.delayMs(delay, 43, seq, 1)).toArray();
    assertThat(a).isEqualTo(b).isNotEqualTo(c);
    assertThat(LongStream.of(a).boxed().toList()).allMatch(d -> d >= 500 && d <= 2500);
  }

  @Test
  @DisplayName("are divided by the speed factor")
  void speed() {
    DelayConfig fixed = new DelayConfig(1000, 1000);
    assertThat(DelayPolicy.delayMs(fixed, 0, 1, 4)).isEqualTo(250);
    assertThat(DelayPolicy.delayMs(fixed, 0, 1, 0.5)).isEqualTo(2000);
  }
}
