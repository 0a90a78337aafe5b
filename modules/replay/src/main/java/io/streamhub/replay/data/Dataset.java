package io.streamhub.replay.data;

import java.util.List;

/**
 * A parsed dataset: its rows, numbered 1..{@link #total()}, and what was skipped while reading it. Immutable and
 * shared by every stream of the node; rows were converted and scored once, at load.
 */
public final class Dataset {

  private final String name;
  private final String event;
  private final List<String> columns;
  private final List<DatasetRow> rows;
  private final int skippedRows;
  private final List<String> skippedReasons;
  private final boolean scored;

  Dataset(String name, String event, List<String> columns, List<DatasetRow> rows, int skippedRows,
      List<String> skippedReasons, boolean scored) {
    this.name = name;
    this.event = event;
    this.columns = List.copyOf(columns);
    this.rows = List.copyOf(rows);
    this.skippedRows = skippedRows;
    this.skippedReasons = List.copyOf(skippedReasons);
    this.scored = scored;
  }

  /** The name clients give in {@code join_stream}. */
  public String name() {
    return name;
  }

  /** The event each row is emitted as. */
  public String event() {
    return event;
  }

  /** Rows read successfully. */
  public int total() {
    return rows.size();
  }

  /**
   * Row {@code seq}.
   *
   * @param seq 1..{@link #total()}
   * @throws IndexOutOfBoundsException outside that range
   */
  public DatasetRow row(int seq) {
    if (seq < 1 || seq > rows.size()) {
      throw new IndexOutOfBoundsException("dataset " + name + " has rows 1.." + rows.size() + ", not " + seq);
    }
    return rows.get(seq - 1);
  }

  /** Records skipped while reading: malformed ones and duplicate join partners. */
  public int skippedRows() {
    return skippedRows;
  }

  /** Why, for the first 20 skipped records, e.g. {@code transactions.csv line 17: 12 fields, header has 11}. */
  public List<String> skippedReasons() {
    return skippedReasons;
  }

  /** The columns of each row, in emit order. */
  public List<String> columns() {
    return columns;
  }

  /** Whether rows carry a score and an {@code is_fraud} flag. */
  public boolean scored() {
    return scored;
  }

  @Override
  public String toString() {
    return "Dataset{" + name + ", " + rows.size() + " rows, " + columns.size() + " columns, " + skippedRows
        + " skipped}";
  }
}
