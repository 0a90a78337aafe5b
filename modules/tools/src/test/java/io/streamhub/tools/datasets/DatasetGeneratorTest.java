package io.streamhub.tools.datasets;

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

class DatasetGeneratorTest {

  private static final Path BUNDLED = Path.of(System.getProperty("basedir", System.getProperty("user.dir")))
      .resolve("../replay/src/main/resources/io/streamhub/replay/datasets").normalize();

  @TempDir
  Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test
  @DisplayName("The same seed writes byte-identical files")
  void sameSeedSameBytes() throws IOException {
    DatasetGenerator.generateAll(dir.resolve("a"), 42);
    DatasetGenerator.generateAll(dir.resolve("b"), 42);
    for (String file : DatasetGenerator.FILES) {
      assertThat(Files.readAllBytes(dir.resolve("b").resolve(file)))
          .as(file).isEqualTo(Files.readAllBytes(dir.resolve("a").resolve(file)));
    }
  }

  @Test
  @DisplayName("A different seed changes every file")
  void differentSeedDifferentBytes() throws IOException {
    DatasetGenerator.generateAll(dir.resolve("a"), 42);
    DatasetGenerator.generateAll(dir.resolve("b"), 43);
    for (String file : DatasetGenerator.FILES) {
      assertThat(Files.readAllBytes(dir.resolve("b").resolve(file)))
          .as(file).isNotEqualTo(Files.readAllBytes(dir.resolve("a").resolve(file)));
    }
  }

  @Test
  @DisplayName("The files bundled in the replay module are exactly what the default seed generates")
  void bundledFilesMatchTheGenerator() throws IOException {
    DatasetGenerator.generateAll(dir, DatasetGenerator.DEFAULT_SEED);
    for (String file : DatasetGenerator.FILES) {
      Path bundled = BUNDLED.resolve(file);
      assertThat(bundled).as("bundled %s; regenerate with DatasetGenerator --out %s", file, BUNDLED).exists();
      assertThat(Files.readAllBytes(bundled))
          .as("%s differs from the generator's output; regenerate with DatasetGenerator --out %s", file, BUNDLED)
          .isEqualTo(Files.readAllBytes(dir.resolve(file)));
    }
  }

  @Test
  @DisplayName("Files are UTF-8 without a byte order mark and every line ends with a bare LF")
  void encodingAndLineEnds() throws IOException {
    DatasetGenerator.generateAll(dir, DatasetGenerator.DEFAULT_SEED);
    for (String file : DatasetGenerator.FILES) {
      byte[] bytes = Files.readAllBytes(dir.resolve(file));
      assertThat(bytes[0]).as(file).isNotEqualTo((byte) 0xEF);
      assertThat(new String(bytes, StandardCharsets.UTF_8)).as(file).doesNotContain("\r").endsWith("\n");
    }
  }

  @Test
  @DisplayName("The command writes the four files into --out with the given --seed and lists them")
  void commandWritesFiles() throws IOException {
    Path target = dir.resolve("made/by/cli");
    int code = run("--out", target.toString(), "--seed", "7");
    assertThat(code).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("transactions.csv").contains("machine-monitor.csv");
    DatasetGenerator.generateAll(dir.resolve("direct"), 7);
    for (String file : DatasetGenerator.FILES) {
      assertThat(Files.readAllBytes(target.resolve(file)))
          .isEqualTo(Files.readAllBytes(dir.resolve("direct").resolve(file)));
    }
  }

  @Test
  @DisplayName("Missing --out exits with 2 and names the flag")
  void missingOut() {
    assertThat(run("--seed", "7")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--out").contains("usage:");
  }

  @Test
  @DisplayName("An unknown flag, a flag without a value and a bad seed exit with 2 and are named")
  void badFlagsAreNamed() {
    assertThat(run("--out", dir.toString(), "--bogus", "1")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown flag --bogus");
    err.reset();
    assertThat(run("--out")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--out needs a value");
    err.reset();
    assertThat(run("--out", dir.toString(), "--seed", "abc")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--seed must be a whole number, got abc");
  }

  @Test
  @DisplayName("--help prints the usage and exits with 0 without writing anything")
  void help() throws IOException {
    assertThat(run("--help")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("generate-datasets --out DIR [--seed N]");
    try (var files = Files.list(dir)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  @DisplayName("An output path that cannot be a directory exits with 1 and names it")
  void unwritableOut() throws IOException {
    Path file = Files.writeString(dir.resolve("plain-file"), "x");
    assertThat(run("--out", file.toString())).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains(file.toString());
  }

  private int run(String... args) {
    return DatasetGenerator.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }
}
