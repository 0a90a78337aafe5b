package io.streamhub.tools;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LatencyHistogramTest {

  @Test
  @DisplayName("Percentiles of 1..1000 µs are exact at 1 µs resolution")
  void finePercentiles() {
    LatencyHistogram h = new LatencyHistogram();
    for (int us = 1; us <= 1000; us++) {
      h.recordMicros(us);
    }
    assertThat(h.percentileMicros(50)).isEqualTo(501);
    assertThat(h.percentileMicros(99)).isEqualTo(991);
    assertThat(h.maxMicros()).isEqualTo(1000);
    assertThat(h.meanMicros()).isEqualTo(500.5);
  }

  @Test
  @DisplayName("Slow samples land in 100 µs buckets and a percentile never reads below the true value")
  void coarsePercentilesRoundUp() {
    LatencyHistogram h = new LatencyHistogram();
    for (int i = 0; i < 99; i++) {
      h.recordMicros(100);
    }
    h.recordMicros(25_050);
    assertThat(h.percentileMicros(99)).isEqualTo(101);
    assertThat(h.percentileMicros(100)).isEqualTo(25_050);
    assertThat(h.count()).isEqualTo(100);
  }

  @Test
  @DisplayName("Negative and huge samples are clamped rather than lost")
  void clamps() {
    LatencyHistogram h = new LatencyHistogram();
    h.recordMicros(-5);
    h.recordMicros(Long.MAX_VALUE);
    assertThat(h.count()).isEqualTo(2);
    assertThat(h.maxMicros()).isEqualTo(60_000_000);
  }
}
