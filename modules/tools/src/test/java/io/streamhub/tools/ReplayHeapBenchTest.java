package io.streamhub.tools;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ReplayHeapBenchTest {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return ReplayHeapBench.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  @DisplayName("Every requested stream is active with its first row scheduled when the heap is measured")
  void measuresActiveStreams() {
    assertThat(run("--streams", "300", "--dataset", "machine-monitor")).isZero();
    String text = out.toString(StandardCharsets.UTF_8);
    String line = text.lines().filter(l -> l.startsWith("RESULT ")).findFirst().orElseThrow();
    JsonObject result = new JsonObject(line.substring("RESULT ".length()));
    assertThat(result.getString("bench")).isEqualTo("replay-heap");
    assertThat(result.getInteger("active")).isEqualTo(300);
    assertThat(result.getInteger("timers_pending")).isEqualTo(300);
    assertThat(result.containsKey("bytes_per_stream")).isTrue();
    assertThat(text).contains("per stream", "per-stream state");
  }

  @Test
  @DisplayName("An unknown dataset or a bad flag exits with status 2 and says why")
  void badInput() {
    assertThat(run("--dataset", "nope")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown dataset nope");
    assertThat(run("--streams", "-1")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--streams must be a positive whole number");
  }
}
