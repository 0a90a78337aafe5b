package io.streamhub.replay.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The timer wheel")
class TimerWheelTest {

  static final long T0 = 1_000_000;
  final TimerWheel wheel = new TimerWheel(5, T0);
  final List<String> ran = new ArrayList<>();

  @Test
  @DisplayName("runs an action on the first tick at or after its due time, never before")
  void runsWhenDue() {
    wheel.schedule(T0, 12, () -> ran.add("a"));
    wheel.advance(T0 + 11);
    assertThat(ran).isEmpty();
    wheel.advance(T0 + 15);
    assertThat(ran).containsExactly("a");
    assertThat(wheel.size()).isZero();
  }

  @Test
  @DisplayName("runs actions in due order, including ones far beyond one turn of the wheel")
  void dueOrderAndLongDelays() {
    wheel.schedule(T0, 10_000, () -> ran.add("late"));
    wheel.schedule(T0, 30, () -> ran.add("second"));
    wheel.schedule(T0, 10, () -> ran.add("first"));
    wheel.advance(T0 + 5_200);
    assertThat(ran).containsExactly("first", "second");
    wheel.advance(T0 + 10_000);
    assertThat(ran).containsExactly("first", "second", "late");
  }

  @Test
  @DisplayName("a cancelled action never runs, and an action may schedule the next one")
  void cancelAndReschedule() {
    long id = wheel.schedule(T0, 10, () -> ran.add("cancelled"));
    wheel.cancel(id);
    wheel.schedule(T0, 10, () -> {
      ran.add("one");
      wheel.schedule(T0 + 10, 0, () -> ran.add("two"));
    });
    wheel.advance(T0 + 10);
    wheel.advance(T0 + 15);
    assertThat(ran).containsExactly("one", "two");
  }
}
