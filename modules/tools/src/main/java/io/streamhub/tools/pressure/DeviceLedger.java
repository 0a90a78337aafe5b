package io.streamhub.tools.pressure;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * What one simulated device knows about its frames: those sent and not yet answered (by timestamp, which the
 * device keeps strictly increasing so it identifies a frame), those acknowledged but not yet confirmed persisted (by
 * frame number), and counts. Plain and single-threaded: its device's event loop owns it.
 */
final class DeviceLedger {

  private final Map<Long, Long> sentNanosByTimestamp = new HashMap<>();
  private final TreeSet<Long> unpersisted = new TreeSet<>();
  private long lastTimestampMs;
  private long sent;
  private long acked;
  private long persisted;
  private long refused;
  private long highestFrame;

  /** The timestamp for a frame sent now: the wall clock, or one more than the previous one. */
  long nextTimestamp(long nowMs) {
    lastTimestampMs = Math.max(nowMs, lastTimestampMs + 1);
    return lastTimestampMs;
  }

  void sent(long timestampMs, long nanos) {
    sentNanosByTimestamp.put(timestampMs, nanos);
    sent++;
  }

  /**
   * A {@code frame_processed} answer.
   *
   * @return nanoseconds since the frame was sent, or -1 when no unanswered frame has that timestamp
   */
  long processed(long timestampMs, long frame, boolean isPersisted, long nowNanos) {
    Long sentAt = sentNanosByTimestamp.remove(timestampMs);
    if (sentAt == null) {
      return -1;
    }
    acked++;
    highestFrame = Math.max(highestFrame, frame);
    if (isPersisted) {
      persisted++;
    } else {
      unpersisted.add(frame);
    }
    return nowNanos - sentAt;
  }

  /** {@code frames_persisted {up_to_frame}}: every frame up to it is stored; returns how many that confirms. */
  int persistedUpTo(long upToFrame) {
    var confirmed = unpersisted.headSet(upToFrame, true);
    int n = confirmed.size();
    confirmed.clear();
    persisted += n;
    return n;
  }

  /** An {@code error} answer: one frame was refused (it stays unanswered in the map, but is counted here). */
  void refused() {
    refused++;
  }

  long sent() {
    return sent;
  }

  long acked() {
    return acked;
  }

  long persisted() {
    return persisted;
  }

  /** Frames that got neither {@code frame_processed} nor an error. */
  long unanswered() {
    return Math.max(0, sentNanosByTimestamp.size() - refused);
  }

  /** Acknowledged frames whose persistence is not confirmed yet. */
  long unconfirmed() {
    return unpersisted.size();
  }

  /** The highest frame number acknowledged: with one device per workout, frames 1 to this one should be stored. */
  long highestFrame() {
    return highestFrame;
  }
}
