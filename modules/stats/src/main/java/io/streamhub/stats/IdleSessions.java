package io.streamhub.stats;

import io.streamhub.contracts.Addresses;
import io.streamhub.stats.session.SessionLedger;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Ends sessions that had no frame for {@code pressure.idle_timeout_ms}. Each stats node watches the workouts it
 * served; when one looks idle here it asks the ledger, which ends it only if no node recorded anything for that long,
 * and then tells every ingress ({@link Addresses#PRESSURE_SESSION_ENDED}). Checks run every third of the timeout
 * (between 50 ms and 1 s), so a session ends at most that much late. Event-loop confined.
 */
final class IdleSessions {

  private final Vertx vertx;
  private final Context context;
  private final SessionLedger ledger;
  private final LongSupplier idleMs;
  private final Map<String, Long> watched = new HashMap<>();
  private long timer = -1;

  IdleSessions(Vertx vertx, Context context, SessionLedger ledger, LongSupplier idleMs) {
    this.vertx = vertx;
    this.context = context;
    this.ledger = ledger;
    this.idleMs = idleMs;
  }

  void touch(String workoutId) {
    watched.put(workoutId, System.currentTimeMillis());
  }

  void start() {
    long period = Math.max(50, Math.min(1000, idleMs.getAsLong() / 3));
    timer = vertx.setPeriodic(period, id -> sweep());
  }

  void stop() {
    vertx.cancelTimer(timer);
  }

  private void sweep() {
    long now = System.currentTimeMillis();
    long idle = idleMs.getAsLong();
    List<String> quiet = watched.entrySet().stream().filter(e -> now - e.getValue() >= idle).map(Map.Entry::getKey)
        .toList();
    for (String workoutId : quiet) {
      watched.remove(workoutId);
      Future.fromCompletionStage(ledger.endIfIdle(workoutId, now, idle), context).onSuccess(ended -> {
        if (ended != null) {
          vertx.eventBus().publish(Addresses.PRESSURE_SESSION_ENDED, new JsonObject().put("workout_id", workoutId)
              .put("frame_count", ended.frameCount()).put("summary", ended.stats().toJson())
              .put("reason", "idle"));
        }
      });
    }
  }
}
