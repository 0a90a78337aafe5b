package io.streamhub.replay;

import io.streamhub.contracts.Addresses;
import io.streamhub.contracts.dashboard.PredictionEvent;
import io.streamhub.contracts.replay.StreamDeliveries;
import io.streamhub.contracts.replay.StreamDelivery;
import io.streamhub.contracts.replay.StreamStatus;
import io.streamhub.replay.engine.Outbox;
import io.streamhub.replay.registry.StreamRecord;
import io.streamhub.replay.registry.StreamRegistry;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the engine's output goes: deliveries are gathered per ingress instance and sent as one
 * {@link StreamDeliveries} at the end of the event-loop turn (every row of a timer tick in one message), rows to
 * {@link EventStorage}, records to the registry, statuses to the persistence role. Confined to the replay verticle's
 * event loop; the gathered deliveries are bounded by one turn's output.
 */
final class ReplayOutbox implements Outbox {

  private static final Logger LOG = LoggerFactory.getLogger(ReplayOutbox.class);

  private final Vertx vertx;
  private final Context context;
  private final StreamRegistry registry;
  private final EventStorage storage;
  private final ReplayMetrics metrics;
  private final BooleanSupplier storeEvents;
  private final Map<String, List<StreamDelivery>> gathered = new LinkedHashMap<>();
  private boolean flushScheduled;

  ReplayOutbox(Vertx vertx, Context context, StreamRegistry registry, EventStorage storage, ReplayMetrics metrics,
      BooleanSupplier storeEvents) {
    this.vertx = vertx;
    this.context = context;
    this.registry = registry;
    this.storage = storage;
    this.metrics = metrics;
    this.storeEvents = storeEvents;
  }

  @Override
  public void deliver(String memberId, StreamDelivery delivery) {
    gathered.computeIfAbsent(memberId, m -> new ArrayList<>()).add(delivery);
    if (!flushScheduled) {
      flushScheduled = true;
      context.runOnContext(v -> flush());
    }
  }

  /** Sends what was gathered, one message per ingress instance, in emit order. */
  void flush() {
    flushScheduled = false;
    if (gathered.isEmpty()) {
      return;
    }
    gathered.forEach((member, items) ->
        vertx.eventBus().send(Addresses.replayDeliver(member), new StreamDeliveries(items)));
    gathered.clear();
  }

  @Override
  public void store(String visitorId, String streamId, long seq, String event, String data, long tsMs) {
    store(visitorId, streamId, seq, event, data, tsMs, null);
  }

  /**
   * Stores the row (when {@code replay.store_events}) with its user, and sends a scored row of a user's stream to the
   * dashboard role as a {@link PredictionEvent} (point to point: one dashboard verticle pushes it).
   */
  @Override
  public void store(String visitorId, String streamId, long seq, String event, String data, long tsMs,
      String userId) {
    if (storeEvents.getAsBoolean()) {
      storage.add(new EventStorage.Row(visitorId, streamId, seq, event, data, tsMs, userId));
    }
    if (userId != null) {
      PredictionEvent prediction = PredictionEvent.ofRow(userId, visitorId, streamId, seq, new JsonObject(data), tsMs);
      if (prediction != null) {
        vertx.eventBus().send(Addresses.DASHBOARD_PREDICTION, prediction.toJson());
      }
    }
  }

  @Override
  public void checkpoint(StreamRecord record) {
    registry.save(record);
  }

  @Override
  public boolean checkpointsRows() {
    return registry.sharedAcrossNodes();
  }

  @Override
  public void status(StreamStatus status) {
    vertx.eventBus().request(Addresses.PERSISTENCE_REPLAY_STATUS_SAVE, status.toJson())
        .onFailure(e -> LOG.debug("storing the status of visitor {} failed: {}", status.visitorId(), e.getMessage()));
  }

  @Override
  public void freed(StreamRecord record) {
    registry.remove(record.visitorId(), record.streamId());
  }

  @Override
  public void emitted(long latenessMs) {
    metrics.emitted(latenessMs);
  }
}
