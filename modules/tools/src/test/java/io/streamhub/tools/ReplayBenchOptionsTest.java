package io.streamhub.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ReplayBenchOptionsTest {

  @Test
  @DisplayName("Without flags the replay bench targets the local node with 10000 machine-monitor streams")
  void defaults() {
    ReplayBenchOptions o = ReplayBenchOptions.parse(new String[0]);
    assertThat(o.url()).isEqualTo(URI.create("ws://127.0.0.1:8080/ws"));
    assertThat(o.streams()).isEqualTo(10_000);
    assertThat(o.connections()).isEqualTo(50);
    assertThat(o.dataset()).isEqualTo("machine-monitor");
    assertThat(o.durationS()).isEqualTo(30);
    assertThat(o.joinRate()).isEqualTo(2000);
    assertThat(o.help()).isFalse();
  }

  @Test
  @DisplayName("Each flag overrides its default")
  void eachFlag() {
    ReplayBenchOptions o = ReplayBenchOptions.parse(new String[] {"--url", "ws://10.0.0.5:9090/ws", "--streams",
        "1000", "--connections", "7", "--dataset", "transactions", "--duration-s", "10", "--join-rate", "500"});
    assertThat(o.url()).isEqualTo(URI.create("ws://10.0.0.5:9090/ws"));
    assertThat(o.streams()).isEqualTo(1000);
    assertThat(o.connections()).isEqualTo(7);
    assertThat(o.dataset()).isEqualTo("transactions");
    assertThat(o.durationS()).isEqualTo(10);
    assertThat(o.joinRate()).isEqualTo(500);
  }

  @Test
  @DisplayName("The metrics URL is /metrics over HTTP on the WebSocket URL's host and port")
  void metricsUrl() {
    ReplayBenchOptions o = ReplayBenchOptions.parse(new String[] {"--url", "ws://node-2:8081/ws"});
    assertThat(o.metricsUrl()).isEqualTo(URI.create("http://node-2:8081/metrics"));
    assertThat(o.wsPath()).isEqualTo("/ws");
    assertThat(ReplayBenchOptions.parse(new String[] {"--url", "ws://node-2:8081"}).wsPath()).isEqualTo("/ws");
  }

  @Test
  @DisplayName("--help asks for the usage text")
  void help() {
    assertThat(ReplayBenchOptions.parse(new String[] {"--streams", "5", "--help"}).help()).isTrue();
    assertThat(ReplayBenchOptions.USAGE).contains("--join-rate", "--duration-s", "--dataset");
  }

  @Test
  @DisplayName("A bad value is reported with the flag it was given to")
  void namesBadValues() {
    assertThatThrownBy(() -> ReplayBenchOptions.parse(new String[] {"--streams", "0"}))
        .hasMessageContaining("--streams").hasMessageContaining("0");
    assertThatThrownBy(() -> ReplayBenchOptions.parse(new String[] {"--connections", "many"}))
        .hasMessageContaining("--connections").hasMessageContaining("many");
    assertThatThrownBy(() -> ReplayBenchOptions.parse(new String[] {"--duration-s", "-3"}))
        .hasMessageContaining("--duration-s");
    assertThatThrownBy(() -> ReplayBenchOptions.parse(new String[] {"--join-rate", "1.5"}))
        .hasMessageContaining("--join-rate");
    assertThatThrownBy(() -> ReplayBenchOptions.parse(new String[] {"--dataset", " "}))
        .hasMessageContaining("--dataset");
    assertThatThrownBy(() -> ReplayBenchOptions.parse(new String[] {"--url", "http://127.0.0.1:8080/ws"}))
        .hasMessageContaining("--url").hasMessageContaining("ws://");
    assertThatThrownBy(() -> ReplayBenchOptions.parse(new String[] {"--url", "ws://127.0.0.1/ws"}))
        .hasMessageContaining("ws://HOST:PORT/ws");
  }

  @Test
  @DisplayName("An unknown flag or a flag without its value is refused by name")
  void unknownAndMissing() {
    assertThatThrownBy(() -> ReplayBenchOptions.parse(new String[] {"--rooms", "3"}))
        .hasMessage("unknown flag --rooms");
    assertThatThrownBy(() -> ReplayBenchOptions.parse(new String[] {"streams"})).hasMessage("unknown flag streams");
    assertThatThrownBy(() -> ReplayBenchOptions.parse(new String[] {"--streams"}))
        .hasMessage("--streams needs a value");
  }

  @Test
  @DisplayName("The heap bench defaults to 10000 transactions streams and accepts --streams and --dataset")
  void heapBenchOptions() {
    ReplayHeapBench.Options defaults = ReplayHeapBench.Options.parse(new String[0]);
    assertThat(defaults.streams()).isEqualTo(10_000);
    assertThat(defaults.dataset()).isEqualTo("transactions");
    ReplayHeapBench.Options o = ReplayHeapBench.Options.parse(new String[] {"--streams", "50", "--dataset",
        "machine-monitor"});
    assertThat(o.streams()).isEqualTo(50);
    assertThat(o.dataset()).isEqualTo("machine-monitor");
    assertThat(ReplayHeapBench.Options.parse(new String[] {"-h"}).help()).isTrue();
    assertThatThrownBy(() -> ReplayHeapBench.Options.parse(new String[] {"--streams", "x"}))
        .hasMessageContaining("--streams");
    assertThatThrownBy(() -> ReplayHeapBench.Options.parse(new String[] {"--duration-s", "3"}))
        .hasMessage("unknown flag --duration-s");
  }
}
