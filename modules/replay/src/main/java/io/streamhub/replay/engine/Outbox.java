package io.streamhub.replay.engine;

import io.streamhub.contracts.replay.StreamDelivery;
import io.streamhub.contracts.replay.StreamStatus;
import io.streamhub.replay.registry.StreamRecord;

/** Everything the engine sends out; the verticle maps each to the event bus or the registry. */
public interface Outbox {

  /** An event for the tabs of one ingress instance. */
  void deliver(String memberId, StreamDelivery delivery);

  /**
   * A row event to store for the status API.
   *
   * @param data the payload, encoded as sent to the tabs
   * @param tsMs emit time, epoch milliseconds
   */
  void store(String visitorId, String streamId, long seq, String event, String data, long tsMs);

  /**
   * A row event of a stream that may belong to a user: stored like {@link #store(String, String, long, String,
   * String, long)}, attributed to {@code userId} (whose dashboard counts it); {@code null} for an anonymous stream.
   */
  default void store(String visitorId, String streamId, long seq, String event, String data, long tsMs,
      String userId) {
    store(visitorId, streamId, seq, event, data, tsMs);
  }

  /** The owner's record changed (a tab, the state, and — if {@link #checkpointsRows()} — every row). */
  void checkpoint(StreamRecord record);

  /**
   * Whether each emitted row must be checkpointed: true when other nodes may take a stream over and must know its
   * last row; a node running alone skips the per-row record.
   */
  default boolean checkpointsRows() {
    return true;
  }

  /** The stream changed state (started, paused, detached, ended...): store its status. */
  void status(StreamStatus status);

  /** The stream is freed on this node (ended or resume grace over): drop its registry record. */
  void freed(StreamRecord record);

  /** A row was emitted {@code latenessMs} after its scheduled time. */
  void emitted(long latenessMs);
}
