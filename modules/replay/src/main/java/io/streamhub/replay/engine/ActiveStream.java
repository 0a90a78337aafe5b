package io.streamhub.replay.engine;

import io.streamhub.contracts.replay.StreamStatus;
import io.streamhub.replay.registry.StreamRecord;
import io.streamhub.replay.registry.StreamRecord.Tab;
import io.streamhub.replay.registry.StreamState;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A stream this node runs: a cursor over a shared {@link RowSource}, never a copy of its rows. Besides the cursor it
 * holds its tabs and, for resuming tabs, the emit times of its last rows (rows themselves are re-read from the
 * source), so it stays small: about a kilobyte with the default {@code history_size}.
 */
final class ActiveStream {

  final String visitorId;
  String streamId;
  RowSource source;
  int seq;
  StreamState state = StreamState.RUNNING;
  double speed = 1;
  /** The user whose connection started (or first joined) the stream; {@code null} while only anonymous tabs did. */
  String userId;
  final Map<String, Tab> tabs = new LinkedHashMap<>(4);
  long startedAtMs;
  long detachedAtMs;
  long lastUpdateMs;
  long timerId = -1;
  long graceTimerId = -1;
  long scheduledAtMs;
  private final int historySize;
  private int[] emitOffsets;
  private int historyFrom = 1;
  private long adoptedAtMs;

  ActiveStream(String visitorId, int historySize) {
    this.visitorId = visitorId;
    this.historySize = historySize;
  }

  /** Resets the cursor for a fresh stream (or a stream adopted at {@code seq}). */
  void restart(String newStreamId, RowSource newSource, int atSeq, long nowMs) {
    streamId = newStreamId;
    source = newSource;
    seq = atSeq;
    state = StreamState.RUNNING;
    speed = 1;
    startedAtMs = nowMs;
    lastUpdateMs = nowMs;
    emitOffsets = new int[Math.max(1, Math.min(historySize, newSource.total()))];
    historyFrom = atSeq + 1;
    adoptedAtMs = nowMs;
  }

  void recordEmit(int emittedSeq, long nowMs) {
    emitOffsets[(emittedSeq - 1) % emitOffsets.length] =
        (int) Math.max(0, Math.min(Integer.MAX_VALUE, nowMs - startedAtMs));
  }

  /** The oldest row a resuming tab can still be sent. */
  int oldestKept() {
    return Math.max(1, seq - emitOffsets.length + 1);
  }

  /** When row {@code s} (kept) was emitted; rows from before an adoption report the adoption time. */
  long emittedAtMs(int s) {
    return s < historyFrom ? adoptedAtMs : startedAtMs + emitOffsets[(s - 1) % emitOffsets.length];
  }

  boolean detached() {
    return tabs.isEmpty();
  }

  String stateName() {
    if (detached() && !state.ended()) {
      return "detached";
    }
    return state.wireName();
  }

  StreamRecord record(String owner) {
    return new StreamRecord(visitorId, streamId, source.name(), source.total(), owner, seq, state, speed, tabs,
        startedAtMs, detachedAtMs, lastUpdateMs, userId);
  }

  StreamStatus status(boolean active) {
    return new StreamStatus(visitorId, streamId, source.name(), source.total(), seq, active,
        state == StreamState.PAUSED, tabs.size(), source.skippedRows(), active ? stateName() : finalStateName(),
        lastUpdateMs, userId);
  }

  private String finalStateName() {
    return state.ended() ? state.wireName() : "left";
  }
}
