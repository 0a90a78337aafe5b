package io.streamhub.replay.engine;

/** The rows a stream replays: an immutable dataset shared by every stream of a node. */
public interface RowSource {

  String name();

  /** The client event each row is emitted as. */
  String event();

  /** Rows, numbered 1..total. */
  int total();

  /** Malformed rows skipped when the dataset was read. */
  long skippedRows();

  /**
   * The client payload of row {@code seq}, encoded: {@code {stream_id, seq, total, row, score?, is_fraud?, ts}}.
   *
   * @param tsMs the emit time, epoch milliseconds
   */
  String payload(String streamId, int seq, long tsMs);
}
