package io.streamhub.replay.data;

import io.streamhub.contracts.config.DatasetConfig;
import io.streamhub.contracts.config.DatasetConfig.JoinConfig;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a configured dataset into memory: parses its file (and left-joins its join file on the key), keeps the
 * configured fields, converts values to JSON and scores every row once. Blocking; call it off the event loop.
 */
public final class DatasetLoader {

  private static final Logger LOG = LoggerFactory.getLogger(DatasetLoader.class);

  private final DatasetConfig config;
  private final Path baseDir;
  private final SkipLog skips = new SkipLog();

  private DatasetLoader(DatasetConfig config, Path baseDir) {
    this.config = config;
    this.baseDir = baseDir;
  }

  /**
   * Loads one dataset.
   *
   * @param baseDir the directory relative file paths are resolved against
   * @throws DatasetException naming the dataset and the file: a file is missing or unreadable, a header is bad, the
   *     join key is missing from a header, a join column repeats a main column, a field is unknown, or no row is good
   */
  public static Dataset load(DatasetConfig config, Path baseDir) {
    try {
      return new DatasetLoader(config, baseDir).load();
    } catch (DatasetException e) {
      throw e.inDataset(config.name());
    }
  }

  private Dataset load() {
    String file = config.file();
    try (CsvReader main = open(file)) {
      List<String> mainColumns = main.header();
      JoinTable join = config.join() == null ? null : readJoin(config.join(), mainColumns);
      List<String> all = new ArrayList<>(mainColumns);
      if (join != null) {
        all.addAll(join.columns());
      }
      Map<String, Integer> index = new HashMap<>();
      for (int i = 0; i < all.size(); i++) {
        index.put(all.get(i), i);
      }
      List<String> columns = List.copyOf(selected(all, index.keySet()));
      int[] pick = columns.stream().mapToInt(index::get).toArray();
      Scorer scorer = config.scorer() == null ? null : Scorers.create(config.scorer());
      warnUnknown(scorer, index.keySet());
      int keyIndex = join == null ? -1 : mainColumns.indexOf(config.join().key());
      String[] combined = new String[all.size()];
      Function<String, String> column = name -> {
        Integer i = index.get(name);
        return i == null ? null : combined[i];
      };
      JsonValues values = new JsonValues();
      List<DatasetRow> rows = new ArrayList<>();
      String[] record;
      while ((record = main.next()) != null) {
        System.arraycopy(record, 0, combined, 0, record.length);
        String[] partner = join == null ? null : join.partner(record[keyIndex]);
        for (int j = record.length; j < combined.length; j++) {
          combined[j] = partner == null ? null : partner[j - record.length];
        }
        Object[] json = new Object[pick.length];
        for (int k = 0; k < pick.length; k++) {
          json[k] = values.of(combined[pick[k]]);
        }
        Double score = scorer == null ? null : scorer.score(column);
        Boolean flag = scorer == null ? null : scorer.flags(score);
        rows.add(new DatasetRow(rows.size() + 1, columns, json, score, flag));
      }
      if (rows.isEmpty()) {
        throw new DatasetException(file, file + " has no rows" + (skips.count() == 0 ? ""
            : " (" + skips.count() + " skipped, first: " + skips.reasons().get(0) + ")"));
      }
      return new Dataset(config.name(), config.event(), columns, rows, skips.count(), skips.reasons(),
          scorer != null);
    } catch (IOException e) {
      throw DatasetFiles.readFailed(file, e);
    }
  }

  private JoinTable readJoin(JoinConfig join, List<String> mainColumns) throws IOException {
    if (!mainColumns.contains(join.key())) {
      throw new DatasetException(config.file(), "join key \"" + join.key() + "\" is not a column of "
          + config.file());
    }
    try (CsvReader csv = open(join.file())) {
      return JoinTable.read(csv, join.file(), join.key(), config.file(), Set.copyOf(mainColumns), skips);
    } catch (IOException e) {
      throw DatasetFiles.readFailed(join.file(), e);
    }
  }

  private List<String> selected(List<String> all, Set<String> known) {
    if (config.fields().isEmpty()) {
      return all;
    }
    for (String field : config.fields()) {
      if (!known.contains(field)) {
        String files = config.join() == null ? config.file() : config.file() + " or " + config.join().file();
        throw new DatasetException(config.file(), "field \"" + field + "\" is not a column of " + files);
      }
    }
    return new ArrayList<>(new LinkedHashSet<>(config.fields()));
  }

  private void warnUnknown(Scorer scorer, Set<String> known) {
    if (scorer == null) {
      return;
    }
    List<String> unknown = scorer.columns().stream().filter(c -> !known.contains(c)).toList();
    if (!unknown.isEmpty()) {
      LOG.warn("dataset {}: scorer weights name columns {} that {} lacks; they count as 0", config.name(), unknown,
          config.file());
    }
  }

  private CsvReader open(String file) throws IOException {
    Reader reader = DatasetFiles.open(file, baseDir);
    try {
      return new CsvReader(reader, file, skips.listenerFor(DatasetFiles.fileName(file)));
    } catch (IOException | RuntimeException e) {
      try {
        reader.close();
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }
}
