package io.streamhub.replay.data;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The rows of a join file by key: the first row per key wins, later ones are logged as skipped. */
final class JoinTable {

  private final List<String> columns;
  private final Map<String, String[]> byKey;

  private JoinTable(List<String> columns, Map<String, String[]> byKey) {
    this.columns = columns;
    this.byKey = byKey;
  }

  /**
   * Reads a join file.
   *
   * @param mainFile the main file as configured, for messages
   * @param mainColumns the main file's header: no join column other than the key may repeat one of them
   * @throws DatasetException when the key is not a column of the join file, or a column collides
   */
  static JoinTable read(CsvReader csv, String file, String key, String mainFile, Set<String> mainColumns,
      SkipLog skips)
      throws IOException {
    List<String> header = csv.header();
    int keyIndex = header.indexOf(key);
    if (keyIndex < 0) {
      throw new DatasetException(file, "join key \"" + key + "\" is not a column of " + file);
    }
    List<String> columns = new ArrayList<>(header.size() - 1);
    for (String column : header) {
      if (column.equals(key)) {
        continue;
      }
      if (mainColumns.contains(column)) {
        throw new DatasetException(file, "column \"" + column + "\" is in both " + mainFile + " and " + file
            + "; only the join key \"" + key + "\" may be in both");
      }
      columns.add(column);
    }
    Map<String, String[]> byKey = new HashMap<>();
    Map<String, Integer> firstLine = new HashMap<>();
    String fileName = DatasetFiles.fileName(file);
    String[] record;
    while ((record = csv.next()) != null) {
      String k = record[keyIndex];
      Integer first = firstLine.putIfAbsent(k, csv.line());
      if (first != null) {
        skips.add(fileName, csv.line(), "duplicate " + key + " \"" + k + "\" (first on line " + first + ")");
        continue;
      }
      String[] values = new String[columns.size()];
      for (int i = 0, j = 0; i < record.length; i++) {
        if (i != keyIndex) {
          values[j++] = record[i];
        }
      }
      byKey.put(k, values);
    }
    return new JoinTable(List.copyOf(columns), byKey);
  }

  /** The join file's columns without the key, in file order. */
  List<String> columns() {
    return columns;
  }

  /** The values of the partner row, aligned with {@link #columns()}; null when none (or the key is empty). */
  String[] partner(String key) {
    return key == null || key.isEmpty() ? null : byKey.get(key);
  }
}
