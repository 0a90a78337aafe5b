package io.streamhub.replay;

import io.streamhub.contracts.Addresses;
import io.streamhub.contracts.replay.StreamEventRecord;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends emitted rows to the persistence role in batches: one request in flight at a time, at most
 * {@link Addresses#MAX_EVENTS_PER_APPEND} events each, so one event goes out alone when idle and thousands share a
 * request under load. The queue is bounded: at the bound the oldest waiting event is dropped and counted. A failed
 * batch stays at the head and is retried on the next tick (the store ignores events it already has).
 */
final class EventStorage {

  static final long TICK_MS = 200;
  private static final Logger LOG = LoggerFactory.getLogger(EventStorage.class);

  private final Vertx vertx;
  private final int bound;
  private final ReplayMetrics metrics;
  private final Deque<Row> queue = new ArrayDeque<>();
  private boolean inFlight;
  private long timer = -1;
  private boolean failing;

  EventStorage(Vertx vertx, int bound, ReplayMetrics metrics) {
    this.vertx = vertx;
    this.bound = bound;
    this.metrics = metrics;
  }

  /**
   * A row waiting to be stored, its payload still encoded: it is decoded only when it goes into a batch, so rows
   * dropped at the bound cost nothing.
   */
  record Row(String visitorId, String streamId, long seq, String event, String data, long tsMs, String userId) {

    JsonObject toJson() {
      return new StreamEventRecord(visitorId, streamId, seq, event, new JsonObject(data), tsMs, userId).toJson();
    }
  }

  void add(Row event) {
    if (queue.size() >= bound) {
      queue.pollFirst();
      metrics.unstored();
    }
    queue.addLast(event);
    if (!inFlight) {
      flush();
    }
  }

  void start() {
    timer = vertx.setPeriodic(TICK_MS, id -> {
      if (!inFlight && !queue.isEmpty()) {
        flush();
      }
    });
  }

  /** Sends what is queued, batch after batch, until the queue is empty or a batch fails. */
  Future<Void> drain() {
    vertx.cancelTimer(timer);
    if (queue.isEmpty()) {
      return Future.succeededFuture();
    }
    return send().compose(v -> drain());
  }

  private void flush() {
    send();
  }

  private Future<Void> send() {
    int n = Math.min(queue.size(), Addresses.MAX_EVENTS_PER_APPEND);
    List<Row> sending = new ArrayList<>(n);
    JsonArray batch = new JsonArray();
    for (int i = 0; i < n; i++) {
      Row event = queue.pollFirst();
      sending.add(event);
      batch.add(event.toJson());
    }
    inFlight = true;
    return vertx.eventBus().request(Addresses.PERSISTENCE_REPLAY_EVENTS_APPEND, new JsonObject().put("events", batch))
        .onComplete(done -> {
          inFlight = false;
          if (done.succeeded()) {
            if (failing) {
              LOG.info("storing replay events works again ({} waiting)", queue.size());
              failing = false;
            }
            return;
          }
          for (int i = sending.size() - 1; i >= 0 && queue.size() < bound; i--) {
            queue.addFirst(sending.get(i));
          }
          if (!failing) {
            failing = true;
            LOG.warn("storing replay events failed, retrying every {} ms with {} waiting: {}", TICK_MS, queue.size(),
                done.cause().getMessage());
          }
        }).mapEmpty();
  }
}
