package io.streamhub.tools.datasets;

import java.util.List;

/**
 * A generated dataset: its header and rows, every row as wide as the header.
 *
 * @param header column names, in file order
 * @param rows values, {@code ""} for an empty cell
 */
public record CsvTable(List<String> header, List<List<String>> rows) {

  public CsvTable {
    header = List.copyOf(header);
    rows = rows.stream().map(List::copyOf).toList();
    for (int i = 0; i < rows.size(); i++) {
      if (rows.get(i).size() != header.size()) {
        throw new IllegalArgumentException("row " + (i + 1) + " has " + rows.get(i).size() + " fields, header has "
            + header.size());
      }
    }
  }

  /** The table as CSV text, header first. */
  public String toCsv() {
    CsvWriter writer = new CsvWriter().row(header);
    rows.forEach(writer::row);
    return writer.text();
  }

  /** The index of {@code name} in the header. */
  public int column(String name) {
    int i = header.indexOf(name);
    if (i < 0) {
      throw new IllegalArgumentException("no column " + name + " in " + header);
    }
    return i;
  }
}
