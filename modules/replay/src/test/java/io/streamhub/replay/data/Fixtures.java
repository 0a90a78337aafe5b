package io.streamhub.replay.data;

import io.streamhub.contracts.config.DatasetConfig;
import io.streamhub.contracts.config.DatasetConfig.JoinConfig;
import io.streamhub.contracts.config.ScorerConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Small CSV files and dataset configs for the data-layer tests. */
final class Fixtures {

  private Fixtures() {
  }

  /** Writes {@code text} as UTF-8 to {@code dir/name}; returns the file's absolute path as a string. */
  static String csv(Path dir, String name, String text) {
    try {
      return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8).toAbsolutePath().toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static DatasetConfig plain(String name, String file, String... fields) {
    return new DatasetConfig(name, file, null, "prediction", List.of(fields), null, null);
  }

  static DatasetConfig joined(String name, String file, String joinFile, String key, String... fields) {
    return new DatasetConfig(name, file, new JoinConfig(joinFile, key), "prediction", List.of(fields), null, null);
  }

  static DatasetConfig scored(String name, String file, ScorerConfig scorer) {
    return new DatasetConfig(name, file, null, "prediction", List.of(), scorer, null);
  }
}
