package io.streamhub.stats;

import io.streamhub.contracts.Addresses;
import io.streamhub.contracts.JsonByReferenceCodec;
import io.streamhub.contracts.pressure.FrameRecord;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Frames the store did not acknowledge in time, kept in arrival order and written again, oldest first, until the
 * store takes them: one batch every {@value #RETRY_MS} ms while the store fails, batch after batch as fast as it
 * answers once it succeeds again. After each stored batch each device that sent some gets {@code frames_persisted {workout_id, up_to_frame}}. While
 * frames wait here, newer frames join the queue instead of overtaking them, so the store receives every workout's
 * frames in order. The queue is bounded by the caller's reservation ({@code pressure.max_unpersisted_frames}).
 * Confined to the stats verticle's event loop.
 */
final class LateWrites {

  static final long RETRY_MS = 1_000;
  /** Frames per write when catching up: small enough to keep one message and one bulk write short. */
  static final int FRAMES_PER_WRITE = 500;
  private static final Logger LOG = LoggerFactory.getLogger(LateWrites.class);

  /** A frame waiting to be stored, and where its device is connected. */
  record Waiting(FrameRecord frame, String memberId, String connectionId) {
  }

  private final Vertx vertx;
  private final Runnable released;
  private final Deque<Waiting> queue = new ArrayDeque<>();
  private boolean inFlight;
  private long timer = -1;
  private long storedSinceBehind;

  /** @param released called once per frame that left the queue stored (to release its reservation) */
  LateWrites(Vertx vertx, Runnable released) {
    this.vertx = vertx;
    this.released = released;
  }

  boolean isEmpty() {
    return queue.isEmpty();
  }

  int size() {
    return queue.size();
  }

  void add(Waiting waiting) {
    if (queue.isEmpty()) {
      LOG.warn("the store did not acknowledge frame {} of workout {}; keeping frames and retrying every {} ms",
          waiting.frame().frame(), waiting.frame().workoutId(), RETRY_MS);
    }
    queue.addLast(waiting);
  }

  void start() {
    timer = vertx.setPeriodic(RETRY_MS, id -> retry());
  }

  void stop() {
    vertx.cancelTimer(timer);
  }

  private void retry() {
    if (inFlight || queue.isEmpty()) {
      return;
    }
    int n = Math.min(queue.size(), FRAMES_PER_WRITE);
    List<Waiting> batch = new ArrayList<>(n);
    JsonArray frames = new JsonArray();
    var it = queue.iterator();
    for (int i = 0; i < n; i++) {
      Waiting w = it.next();
      batch.add(w);
      frames.add(w.frame().toJson());
    }
    inFlight = true;
    vertx.eventBus().request(Addresses.PERSISTENCE_PRESSURE_FRAMES_APPEND, new JsonObject().put("frames", frames),
            JsonByReferenceCodec.options())
        .onComplete(done -> {
          inFlight = false;
          if (done.succeeded()) {
            batch.forEach(w -> {
              queue.pollFirst();
              released.run();
            });
            notifyDevices(batch);
            storedSinceBehind += batch.size();
            if (queue.isEmpty()) {
              LOG.info("caught up: stored {} late frames", storedSinceBehind);
              storedSinceBehind = 0;
            } else {
              retry();
            }
          }
        });
  }

  private void notifyDevices(List<Waiting> stored) {
    Map<List<String>, Long> upTo = new LinkedHashMap<>();
    for (Waiting w : stored) {
      if (w.memberId() == null || w.connectionId() == null) {
        continue;
      }
      upTo.merge(List.of(w.memberId(), w.connectionId(), w.frame().workoutId()), w.frame().frame(), Math::max);
    }
    upTo.forEach((key, frame) -> vertx.eventBus().send(Addresses.connectionPush(key.get(0)), new JsonObject()
        .put("connection_id", key.get(1)).put("event", "frames_persisted")
        .put("data", new JsonObject().put("workout_id", key.get(2)).put("up_to_frame", frame))));
  }
}
