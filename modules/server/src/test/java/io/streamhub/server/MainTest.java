package io.streamhub.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Main")
class MainTest {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

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

  @Test
  @DisplayName("--help lists the flags and the environment override form and exits 0")
  void help() {
    assertThat(run("--help")).isZero();
    assertThat(out()).contains("--config FILE", "--help", "STREAMHUB_HTTP_PORT", "store --port");
    assertThat(err()).isEmpty();
  }

  @Test
  @DisplayName("an unknown role in a config file exits 2 and stderr names roles[0], without a stack trace")
  void unknownRole(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("node.yaml"), "roles: [bogus]\n");

    assertThat(run("--config", file.toString())).isEqualTo(2);
    assertThat(err()).contains("roles[0]").contains("bogus").doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  @DisplayName("a later --config file overrides an earlier one, so its mistake is the one reported")
  void laterFileWins(@TempDir Path dir) throws IOException {
    Path first = Files.writeString(dir.resolve("a.yaml"), "http:\n  port: 9000\n");
    Path second = Files.writeString(dir.resolve("b.yaml"), "http:\n  port: 70000\n");

    assertThat(run("--config", first.toString(), "--config=" + second)).isEqualTo(2);
    assertThat(err()).contains("http.port").contains("70000");
  }

  @Test
  @DisplayName("a config file that does not exist exits 2 and names the file")
  void missingFile(@TempDir Path dir) {
    assertThat(run("--config", dir.resolve("absent.yaml").toString())).isEqualTo(2);
    assertThat(err()).contains("absent.yaml");
  }

  @Test
  @DisplayName("an unknown flag prints the usage and exits 2")
  void unknownFlag() {
    assertThat(run("--port", "80")).isEqualTo(2);
    assertThat(err()).contains("unknown argument: --port").contains("Usage:");
  }

  @Test
  @DisplayName("--config without a file prints the usage and exits 2")
  void configWithoutFile() {
    assertThat(run("--config")).isEqualTo(2);
    assertThat(err()).contains("--config needs a file").contains("Usage:");
  }

  @Test
  @DisplayName("bench rooms --help prints the benchmark's usage and exits 0")
  void benchHelp() {
    assertThat(run("bench", "rooms", "--help")).isZero();
    assertThat(out()).contains("--subscribers");
  }

  @Test
  @DisplayName("bench without a known benchmark exits 2")
  void benchWithoutBenchmark() {
    assertThat(run("bench")).isEqualTo(2);
    assertThat(err()).contains("bench rooms");
  }

  @Test
  @DisplayName("store hands its arguments to the store command, which refuses a missing --port with 2")
  void storeDelegates() {
    assertThat(run("store", "--data-dir", "/nonexistent")).isEqualTo(2);
  }
}
