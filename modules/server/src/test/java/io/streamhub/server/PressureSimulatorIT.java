package io.streamhub.server;

import static io.streamhub.server.NodeFixture.await;
import static io.streamhub.server.NodeFixture.config;
import static io.streamhub.server.NodeFixture.roles;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@DisplayName("simulate pressure against a node with the embedded store")
class PressureSimulatorIT {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private Node node;

  @AfterEach
  void stop() {
    if (node != null) {
      await(node.close());
    }
  }

  /** Runs the command line on the test thread: the simulator blocks its caller until the run is over. */
  private int run(String... args) {
    return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  private JsonObject resultLine() {
    return out().lines().filter(line -> line.startsWith("RESULT ")).map(line -> new JsonObject(line.substring(7)))
        .reduce((first, second) -> {
          throw new AssertionError("more than one RESULT line:\n" + out());
        })
        .orElseThrow(() -> new AssertionError("no RESULT line; out:\n" + out() + "\nerr:\n" + err()));
  }

  @Test
  @Timeout(value = 20, unit = TimeUnit.SECONDS)
  @DisplayName("20 devices at 10 Hz for 3 s: every frame acknowledged, persisted and read back; exit status 0")
  void cleanRun() {
    node = NodeFixture.start(config(roles("ingress", "stats", "persistence")));
    int status = run("simulate", "pressure", "--url", "ws://127.0.0.1:" + node.httpPort() + "/ws", "--devices",
        "20", "--rate-hz", "10", "--duration", "3", "--workout-prefix", "sim-it");

    assertThat(status).as("exit status; out:\n%s\nerr:\n%s", out(), err()).isZero();
    JsonObject result = resultLine();
    long sent = result.getLong("sent");
    // 20 devices x 10 Hz x 3 s is 600 frames; timers and the first period's offsets leave some slack.
    assertThat(sent).as("%s", result).isBetween(400L, 700L);
    assertThat(result.getLong("acked")).as("%s", result).isEqualTo(sent);
    assertThat(result.getLong("persisted")).as("%s", result).isEqualTo(sent);
    assertThat(result.getLong("stored")).as("%s", result).isEqualTo(sent);
    assertThat(result.getJsonObject("errors")).as("%s", result).isEqualTo(new JsonObject());
    assertThat(result.getLong("skipped")).isZero();
    assertThat(result.getLong("closes")).isZero();
    assertThat(result.getLong("unanswered")).isZero();
    assertThat(result.getLong("unconfirmed")).isZero();
    assertThat(result.getInteger("devices")).isEqualTo(20);
    assertThat(result.getJsonObject("ack_ms").getLong("count")).as("latencies recorded").isEqualTo(sent);
    assertThat(result.getBoolean("clean")).isTrue();
    assertThat(result.containsKey("verify_error")).isFalse();
    assertThat(out()).contains("connecting 20 devices", "(workouts sim-it-1..20)", "20 sessions joined",
        "CLEAN: every frame acknowledged and persisted").doesNotContain("NOT CLEAN");
    assertThat(err()).isEmpty();
  }

  @Test
  @DisplayName("simulate pressure with a bad flag exits 2 naming the flag; simulate alone exits 2")
  void usageErrors() {
    assertThat(run("simulate", "pressure", "--devices", "0")).isEqualTo(Main.USAGE_ERROR);
    assertThat(err()).contains("simulate pressure: --devices must be", "usage:");
    assertThat(out()).doesNotContain("RESULT {");

    err.reset();
    assertThat(run("simulate")).isEqualTo(Main.USAGE_ERROR);
    assertThat(err()).contains("simulate pressure");

    err.reset();
    assertThat(run("simulate", "replay")).isEqualTo(Main.USAGE_ERROR);
    assertThat(err()).contains("simulate pressure");

    assertThat(run("simulate", "pressure", "--help")).isZero();
    assertThat(out()).contains("--devices", "--rate-hz", "--no-verify").doesNotContain("RESULT {");
  }
}
