package io.streamhub.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {

  @Test
  @DisplayName("Flags override defaults and subscribers are spread evenly over rooms")
  void parsesFlags() {
    BenchOptions o = BenchOptions.parse(new String[] {"--url", "ws://127.0.0.1:8081/ws", "--url",
        "ws://127.0.0.1:8082/ws", "--subscribers", "10", "--rooms", "3", "--rate", "50"});
    assertThat(o.urls()).hasSize(2);
    assertThat(o.subscribersPerRoom(0) + o.subscribersPerRoom(1) + o.subscribersPerRoom(2)).isEqualTo(10);
    assertThat(o.subscribersPerRoom(0)).isEqualTo(4);
    assertThat(o.rate()).isEqualTo(50);
    assertThat(o.durationS()).isEqualTo(20);
  }

  @Test
  @DisplayName("Bad flags are named")
  void namesBadFlags() {
    assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--rate", "-1"})).hasMessageContaining("--rate");
    assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--url", "http://x"})).hasMessageContaining("ws://");
    assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--bogus", "1"})).hasMessageContaining("--bogus");
  }
}
