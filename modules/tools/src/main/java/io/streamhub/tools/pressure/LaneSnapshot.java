package io.streamhub.tools.pressure;

import java.util.Map;
import java.util.TreeMap;

/**
 * Counts of one lane of devices, or of all of them ({@link #plus}).
 *
 * @param sent frames written to a connection
 * @param acked frames answered {@code frame_processed}
 * @param persisted acknowledged frames the node has said are stored ({@code persisted: true} or
 *     {@code frames_persisted})
 * @param unanswered frames with neither {@code frame_processed} nor {@code error} yet
 * @param unconfirmed acknowledged frames not yet confirmed stored
 * @param errors {@code error} answers by code
 * @param skipped frames not sent because the connection's write queue was full
 * @param closes connections the node closed
 * @param firstError the first error seen, or null
 */
record LaneSnapshot(long sent, long acked, long persisted, long unanswered, long unconfirmed,
    Map<String, Long> errors, long skipped, long closes, String firstError) {

  static final LaneSnapshot EMPTY = new LaneSnapshot(0, 0, 0, 0, 0, Map.of(), 0, 0, null);

  LaneSnapshot {
    errors = Map.copyOf(errors);
  }

  LaneSnapshot plus(LaneSnapshot o) {
    Map<String, Long> allErrors = new TreeMap<>(errors);
    o.errors.forEach((code, n) -> allErrors.merge(code, n, Long::sum));
    return new LaneSnapshot(sent + o.sent, acked + o.acked, persisted + o.persisted, unanswered + o.unanswered,
        unconfirmed + o.unconfirmed, allErrors, skipped + o.skipped, closes + o.closes,
        firstError != null ? firstError : o.firstError);
  }

  long errorCount() {
    return errors.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Whether every frame sent has been answered and every acknowledged one confirmed stored. */
  boolean settled() {
    return unanswered == 0 && unconfirmed == 0;
  }
}
