package io.streamhub.replay.data;

import io.streamhub.contracts.config.DatasetConfig;
import io.streamhub.contracts.config.ReplayConfig;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every configured dataset of the node, each loaded once. A dataset that failed to load stays known: {@link #get}
 * throws its {@link DatasetException}, so a stream asking for it can report which file is wrong, while the other
 * datasets remain usable. Immutable and safe to share between threads.
 */
public final class DatasetCatalog {

  private static final Logger LOG = LoggerFactory.getLogger(DatasetCatalog.class);

  private final List<String> names;
  private final Map<String, Dataset> loaded;
  private final Map<String, DatasetException> failed;
  private final Map<String, Baseline> baselines;
  private final Map<String, DatasetException> failedBaselines;

  private DatasetCatalog(List<String> names, Map<String, Dataset> loaded, Map<String, DatasetException> failed,
      Map<String, Baseline> baselines, Map<String, DatasetException> failedBaselines) {
    this.names = List.copyOf(names);
    this.loaded = Collections.unmodifiableMap(loaded);
    this.failed = Collections.unmodifiableMap(failed);
    this.baselines = Collections.unmodifiableMap(baselines);
    this.failedBaselines = Collections.unmodifiableMap(failedBaselines);
  }

  /**
   * Loads every dataset of {@code config}, in configuration order. Blocking; never throws for a bad dataset.
   *
   * @param baseDir the directory relative file paths are resolved against
   */
  public static DatasetCatalog load(ReplayConfig config, Path baseDir) {
    Map<String, Dataset> loaded = new LinkedHashMap<>();
    Map<String, DatasetException> failed = new LinkedHashMap<>();
    for (DatasetConfig dataset : config.datasets().values()) {
      long start = System.nanoTime();
      try {
        Dataset d = DatasetLoader.load(dataset, baseDir);
        loaded.put(d.name(), d);
        LOG.info("dataset {}: {} rows, {} columns from {} in {} ms{}", d.name(), d.total(), d.columns().size(),
            dataset.file(), (System.nanoTime() - start) / 1_000_000, flagged(d));
        if (d.skippedRows() > 0) {
          LOG.warn("dataset {}: skipped {} records; first: {}", d.name(), d.skippedRows(), d.skippedReasons().get(0));
        }
      } catch (DatasetException e) {
        failed.put(dataset.name(), e);
        LOG.error("{}", e.getMessage());
      } catch (RuntimeException e) {
        failed.put(dataset.name(), new DatasetException(dataset.file(), "dataset " + dataset.name()
            + ": cannot load " + dataset.file() + ": " + e, e));
        LOG.error("dataset {}: cannot load {}", dataset.name(), dataset.file(), e);
      }
    }
    Map<String, Baseline> baselines = new LinkedHashMap<>();
    Map<String, DatasetException> failedBaselines = new LinkedHashMap<>();
    for (DatasetConfig dataset : config.datasets().values()) {
      if (dataset.baseline() != null) {
        loadBaseline(dataset, baseDir, baselines, failedBaselines);
      }
    }
    return new DatasetCatalog(List.copyOf(config.datasets().keySet()), loaded, failed, baselines, failedBaselines);
  }

  private static void loadBaseline(DatasetConfig dataset, Path baseDir, Map<String, Baseline> baselines,
      Map<String, DatasetException> failedBaselines) {
    String file = dataset.baseline().file();
    try {
      Baseline b = Baseline.load(dataset.name(), dataset.baseline(), baseDir);
      baselines.put(dataset.name(), b);
      LOG.info("dataset {}: baseline of {} points from {}{}", dataset.name(), b.points().points().size(), file,
          b.skippedRows() == 0 ? "" : " (" + b.skippedRows() + " rows skipped)");
    } catch (DatasetException e) {
      failedBaselines.put(dataset.name(), e);
      LOG.error("{}", e.getMessage());
    } catch (RuntimeException e) {
      failedBaselines.put(dataset.name(), new DatasetException(file, "dataset " + dataset.name()
          + ": cannot load baseline " + file + ": " + e, e));
      LOG.error("dataset {}: cannot load baseline {}", dataset.name(), file, e);
    }
  }

  /**
   * The dataset's baseline, read at load time; empty when the dataset has none configured.
   *
   * @throws DatasetException when the baseline failed to load (the message names the file)
   * @throws NoSuchElementException when no dataset has that name
   */
  public Optional<Baseline> baseline(String name) {
    if (!knows(name)) {
      throw new NoSuchElementException("unknown dataset \"" + name + "\" (have " + names + ")");
    }
    DatasetException failure = failedBaselines.get(name);
    if (failure != null) {
      throw new DatasetException(failure.file(), failure.getMessage(), failure);
    }
    return Optional.ofNullable(baselines.get(name));
  }

  /** The configured dataset names, in configuration order, loaded or not. */
  public List<String> names() {
    return names;
  }

  /** Whether {@code name} is a configured dataset, loaded or not. */
  public boolean knows(String name) {
    return loaded.containsKey(name) || failed.containsKey(name);
  }

  /**
   * The loaded dataset.
   *
   * @throws DatasetException when it failed to load (the message names the file)
   * @throws NoSuchElementException when no dataset has that name
   */
  public Dataset get(String name) {
    Dataset dataset = loaded.get(name);
    if (dataset != null) {
      return dataset;
    }
    DatasetException failure = failed.get(name);
    if (failure != null) {
      throw new DatasetException(failure.file(), failure.getMessage(), failure);
    }
    throw new NoSuchElementException("unknown dataset \"" + name + "\" (have " + names + ")");
  }

  /** The message of each dataset that failed to load, by name; empty when all loaded. */
  public Map<String, String> failures() {
    Map<String, String> messages = new LinkedHashMap<>();
    failed.forEach((name, e) -> messages.put(name, e.getMessage()));
    return Collections.unmodifiableMap(messages);
  }

  private static String flagged(Dataset d) {
    if (!d.scored()) {
      return "";
    }
    long n = 0;
    for (int seq = 1; seq <= d.total(); seq++) {
      n += d.row(seq).isFraud() ? 1 : 0;
    }
    return String.format(Locale.ROOT, ", %d flagged (%.1f%%)", n, 100.0 * n / d.total());
  }
}
