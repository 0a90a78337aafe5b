package io.streamhub.replay.data;

import io.streamhub.contracts.config.DatasetConfig.BaselineConfig;
import io.streamhub.contracts.replay.DatasetBaseline;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The baseline points of a dataset, read once from its {@code baseline} CSV: the configured x and y columns of every
 * row; a row whose x or y is not a number is skipped (and counted). Immutable.
 */
public final class Baseline {

  private final DatasetBaseline points;
  private final int skippedRows;

  private Baseline(DatasetBaseline points, int skippedRows) {
    this.points = points;
    this.skippedRows = skippedRows;
  }

  /**
   * Reads the baseline of one dataset. Blocking.
   *
   * @param baseDir the directory relative file paths are resolved against
   * @throws DatasetException naming the dataset and the file: missing or unreadable, a column is not in the header,
   *     or no row has numbers in both columns
   */
  public static Baseline load(String dataset, BaselineConfig config, Path baseDir) {
    try {
      return read(dataset, config, baseDir);
    } catch (DatasetException e) {
      throw e.inDataset(dataset);
    }
  }

  private static Baseline read(String dataset, BaselineConfig config, Path baseDir) {
    String file = config.file();
    SkipLog skips = new SkipLog();
    try (Reader reader = DatasetFiles.open(file, baseDir);
        CsvReader csv = new CsvReader(reader, file, skips.listenerFor(DatasetFiles.fileName(file)))) {
      int x = column(csv, config.x(), file);
      int y = column(csv, config.y(), file);
      List<DatasetBaseline.Point> points = new ArrayList<>();
      int skipped = 0;
      String[] record;
      while ((record = csv.next()) != null) {
        Double px = number(record[x]);
        Double py = number(record[y]);
        if (px == null || py == null) {
          skipped++;
        } else {
          points.add(new DatasetBaseline.Point(px, py));
        }
      }
      if (points.isEmpty()) {
        throw new DatasetException(file, "baseline " + file + " has no row with numbers in " + config.x() + " and "
            + config.y());
      }
      return new Baseline(new DatasetBaseline(dataset, points), skipped + skips.count());
    } catch (IOException e) {
      throw DatasetFiles.readFailed(file, e);
    }
  }

  private static int column(CsvReader csv, String name, String file) {
    int index = csv.header().indexOf(name);
    if (index < 0) {
      throw new DatasetException(file, "baseline column \"" + name + "\" is not a column of " + file);
    }
    return index;
  }

  private static Double number(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      double d = Double.parseDouble(value.trim());
      return Double.isFinite(d) ? d : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** The points, as the contract's record. */
  public DatasetBaseline points() {
    return points;
  }

  /** Rows left out: malformed CSV records and rows without numbers in both columns. */
  public int skippedRows() {
    return skippedRows;
  }
}
