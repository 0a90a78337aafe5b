package io.streamhub.tools.pressure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamhub.tools.Flags;
import java.net.URI;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The flags of simulate pressure")
class SimulatorOptionsTest {

  private static SimulatorOptions parse(String... args) {
    return SimulatorOptions.parse(args, "sim-0000abcd");
  }

  private static void refused(String flag, String... args) {
    assertThatThrownBy(() -> parse(args)).as("%s", String.join(" ", args))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(flag);
  }

  @Test
  @DisplayName("Without flags 10 devices send 16x16 frames at 4 Hz for 30 s to the local node, and are read back")
  void defaults() {
    SimulatorOptions o = parse();
    assertThat(o.url()).isEqualTo(URI.create("ws://127.0.0.1:8080/ws"));
    assertThat(o.devices()).isEqualTo(10);
    assertThat(o.rateHz()).isEqualTo(4.0);
    assertThat(o.rows()).isEqualTo(16);
    assertThat(o.cols()).isEqualTo(16);
    assertThat(o.durationS()).isEqualTo(30);
    assertThat(o.warmupS()).isZero();
    assertThat(o.workoutPrefix()).as("the random prefix given").isEqualTo("sim-0000abcd");
    assertThat(o.seed()).isEqualTo(1);
    assertThat(o.verify()).isTrue();
    assertThat(o.help()).isFalse();
  }

  @Test
  @DisplayName("Each flag overrides its default")
  void eachFlag() {
    SimulatorOptions o = parse("--url", "ws://10.0.0.5:9090/socket", "--devices", "250", "--rate-hz", "12.5",
        "--rows", "32", "--cols", "8", "--duration", "60", "--warmup", "5", "--workout-prefix", "mat_A-1",
        "--seed", "-77", "--no-verify");
    assertThat(o.url()).isEqualTo(URI.create("ws://10.0.0.5:9090/socket"));
    assertThat(o.wsPath()).isEqualTo("/socket");
    assertThat(o.devices()).isEqualTo(250);
    assertThat(o.rateHz()).isEqualTo(12.5);
    assertThat(o.rows()).isEqualTo(32);
    assertThat(o.cols()).isEqualTo(8);
    assertThat(o.durationS()).isEqualTo(60);
    assertThat(o.warmupS()).isEqualTo(5);
    assertThat(o.workoutPrefix()).isEqualTo("mat_A-1");
    assertThat(o.seed()).isEqualTo(-77);
    assertThat(o.verify()).isFalse();
    assertThat(o.help()).isFalse();
  }

  @Test
  @DisplayName("The extremes of each range are accepted")
  void ranges() {
    SimulatorOptions low = parse("--devices", "1", "--rate-hz", "0.1", "--rows", "1", "--cols", "1", "--duration",
        "1", "--warmup", "0");
    assertThat(low.devices()).isEqualTo(1);
    assertThat(low.rateHz()).isEqualTo(0.1);
    SimulatorOptions high = parse("--devices", "100000", "--rate-hz", "1000", "--rows", "1024", "--cols", "1024",
        "--duration", "86400", "--warmup", "86399");
    assertThat(high.devices()).isEqualTo(100_000);
    assertThat(high.rateHz()).isEqualTo(1000.0);
    assertThat(high.rows()).isEqualTo(1024);
    assertThat(high.warmupS()).isEqualTo(86_399);
  }

  @Test
  @DisplayName("A bad number is refused with the flag it was given to and the value")
  void badNumbers() {
    refused("--rate-hz", "--rate-hz", "0");
    refused("--rate-hz", "--rate-hz", "-2");
    refused("--rate-hz", "--rate-hz", "1000.5");
    refused("--rate-hz", "--rate-hz", "fast");
    refused("--rate-hz", "--rate-hz", "NaN");
    refused("--rate-hz", "--rate-hz", "Infinity");
    refused("--devices", "--devices", "abc");
    refused("--devices", "--devices", "0");
    refused("--devices", "--devices", "100001");
    refused("--devices", "--devices", "2.5");
    refused("--rows", "--rows", "0");
    refused("--cols", "--cols", "1025");
    refused("--duration", "--duration", "0");
    refused("--warmup", "--warmup", "-1");
    refused("--seed", "--seed", "1.5");
    refused("--seed", "--seed", "99999999999999999999");
    assertThatThrownBy(() -> parse("--devices", "abc"))
        .hasMessage("--devices must be a whole number from 1 to 100000, got abc");
    assertThatThrownBy(() -> parse("--rate-hz", "0")).hasMessageContaining("got 0");
  }

  @Test
  @DisplayName("--url must be ws://HOST:PORT/PATH; without a path the endpoint is /ws")
  void url() {
    refused("--url", "--url", "http://x");
    refused("--url", "--url", "http://127.0.0.1:8080/ws");
    refused("--url", "--url", "ws://127.0.0.1/ws");
    refused("--url", "--url", "wss://127.0.0.1:8443/ws");
    refused("--url", "--url", "ws://bad host:80/ws");
    refused("--url", "--url", "127.0.0.1:8080");
    assertThat(parse("--url", "ws://node-2:8081").wsPath()).isEqualTo("/ws");
    assertThat(parse().wsPath()).isEqualTo("/ws");
  }

  @Test
  @DisplayName("--warmup must be shorter than --duration, in either order of the flags")
  void warmupShorterThanDuration() {
    refused("--warmup", "--duration", "10", "--warmup", "10");
    refused("--warmup", "--warmup", "31");
    refused("--duration", "--warmup", "5", "--duration", "3");
    assertThat(parse("--warmup", "9", "--duration", "10").warmupS()).isEqualTo(9);
  }

  @Test
  @DisplayName("--workout-prefix takes only [A-Za-z0-9_-] and leaves room for -<device number> in 64 characters")
  void workoutPrefix() {
    refused("--workout-prefix", "--workout-prefix", "bad!");
    refused("--workout-prefix", "--workout-prefix", "with space");
    refused("--workout-prefix", "--workout-prefix", "dots.not.allowed");
    refused("--workout-prefix", "--workout-prefix", "");
    refused("--workout-prefix", "--workout-prefix", "x".repeat(65));
    String longest = "p".repeat(62);
    assertThat(parse("--workout-prefix", longest, "--devices", "9").workoutId(9)).hasSize(64);
    refused("--workout-prefix", "--workout-prefix", longest, "--devices", "10");
    refused("--workout-prefix", "--workout-prefix", "p".repeat(63));
    refused("--workout-prefix", "--devices", "100000", "--workout-prefix", "p".repeat(58));
    assertThat(parse("--devices", "100000", "--workout-prefix", "p".repeat(57)).workoutId(100_000)).hasSize(64);
  }

  @Test
  @DisplayName("An unknown flag or a flag without its value is refused by name")
  void unknownAndMissing() {
    assertThatThrownBy(() -> parse("--streams", "3")).hasMessage("unknown flag --streams");
    assertThatThrownBy(() -> parse("devices")).hasMessage("unknown flag devices");
    assertThatThrownBy(() -> parse("--verify")).hasMessage("unknown flag --verify");
    assertThatThrownBy(() -> parse("--devices")).hasMessage("--devices needs a value");
    assertThatThrownBy(() -> parse("--devices", "3", "--url")).hasMessage("--url needs a value");
  }

  @Test
  @DisplayName("--help or -h asks for the usage text, which names every flag")
  void help() {
    assertThat(parse("--help").help()).isTrue();
    assertThat(parse("--devices", "5", "-h").help()).isTrue();
    assertThat(parse("--help", "--bogus").help()).as("flags after --help are not read").isTrue();
    assertThat(SimulatorOptions.USAGE).contains("--url", "--devices", "--rate-hz", "--rows", "--cols",
        "--duration", "--warmup", "--workout-prefix", "--seed", "--no-verify", "RESULT");
  }

  @Test
  @DisplayName("The period between frames is 1000/rate ms, rounded, and at least 1 ms")
  void periodMs() {
    assertThat(parse("--rate-hz", "4").periodMs()).isEqualTo(250);
    assertThat(parse().periodMs()).isEqualTo(250);
    assertThat(parse("--rate-hz", "3").periodMs()).isEqualTo(333);
    assertThat(parse("--rate-hz", "0.5").periodMs()).isEqualTo(2000);
    assertThat(parse("--rate-hz", "1000").periodMs()).isEqualTo(1);
    SimulatorOptions beyondTheFlagRange = new SimulatorOptions(URI.create("ws://h:1/ws"), 1, 5000, 1, 1, 2, 0,
        "p", 1, true, false);
    assertThat(beyondTheFlagRange.periodMs()).isEqualTo(1);
  }

  @Test
  @DisplayName("Device n works out as <prefix>-n")
  void workoutId() {
    SimulatorOptions o = parse("--workout-prefix", "gym-7");
    assertThat(o.workoutId(1)).isEqualTo("gym-7-1");
    assertThat(o.workoutId(42)).isEqualTo("gym-7-42");
    assertThat(parse().workoutId(3)).isEqualTo("sim-0000abcd-3");
  }

  @Test
  @DisplayName("Flags' values name the flag and the value when they are wrong")
  void sharedFlags() {
    assertThat(Flags.positive("--n", "7")).isEqualTo(7);
    assertThatThrownBy(() -> Flags.positive("--n", "0")).hasMessage("--n must be a positive whole number, got 0");
    assertThat(Flags.whole("--n", "0", 0, 3)).isZero();
    assertThatThrownBy(() -> Flags.whole("--n", "4", 0, 3))
        .hasMessage("--n must be a whole number from 0 to 3, got 4");
    assertThat(Flags.wsUrl("--url", "ws://h:1/x")).isEqualTo(URI.create("ws://h:1/x"));
    assertThatThrownBy(() -> Flags.wsUrl("--url", "ws://a b")).hasMessage("--url ws://a b is not a URL");
    assertThatThrownBy(() -> Flags.wsUrl("--url", "ws://h/x"))
        .hasMessage("--url must look like ws://HOST:PORT/ws, got ws://h/x");
  }
}
