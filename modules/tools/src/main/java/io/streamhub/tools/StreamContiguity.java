package io.streamhub.tools;

import java.util.HashMap;
import java.util.Map;

/**
 * Checks that each stream's rows arrive as {@code seq} 1, 2, 3... with nothing skipped or repeated. Counts a
 * <em>gap</em> for every jump forward (with the rows it skipped in {@link #missingRows()}, including rows missing at
 * the end of a completed stream) and a <em>duplicate</em> for every row whose {@code seq} is not above the last one
 * seen (a repeat or a row arriving out of order). Rows of a stream never announced are counted as strays. Holds one
 * entry per running stream; not thread-safe (one instance per event loop).
 */
final class StreamContiguity {

  private final Map<String, long[]> lastSeqByStream = new HashMap<>();
  private long gaps;
  private long missingRows;
  private long duplicates;
  private long strays;

  /** A stream was announced ({@code stream_started}): its first row must be seq 1. */
  void started(String streamId) {
    lastSeqByStream.put(streamId, new long[] {0});
  }

  /** A row of {@code streamId} arrived. */
  void row(String streamId, long seq) {
    long[] last = lastSeqByStream.get(streamId);
    if (last == null) {
      strays++;
      return;
    }
    if (seq <= last[0]) {
      duplicates++;
      return;
    }
    if (seq > last[0] + 1) {
      gaps++;
      missingRows += seq - last[0] - 1;
    }
    last[0] = seq;
  }

  /** The stream ended ({@code stream_complete}) after {@code streamed} rows; its entry is dropped. */
  void completed(String streamId, long streamed) {
    long[] last = lastSeqByStream.remove(streamId);
    if (last == null) {
      strays++;
    } else if (streamed > last[0]) {
      gaps++;
      missingRows += streamed - last[0];
    }
  }

  /** The last seq seen of a stream; 0 before its first row or when unknown. */
  long lastSeq(String streamId) {
    long[] last = lastSeqByStream.get(streamId);
    return last == null ? 0 : last[0];
  }

  long gaps() {
    return gaps;
  }

  long missingRows() {
    return missingRows;
  }

  long duplicates() {
    return duplicates;
  }

  long strays() {
    return strays;
  }

  boolean clean() {
    return gaps == 0 && duplicates == 0 && strays == 0;
  }
}
