package io.streamhub.dashboard;

import io.streamhub.contracts.Addresses;
import io.streamhub.contracts.config.DashboardConfig;
import io.streamhub.contracts.dashboard.PredictionEvent;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes to a user as things happen: {@code new_prediction} for each prediction of the user's streams, and the
 * {@code system_alert}s of {@link LiveAlerts}. Predictions and stored frames are sent point to point (one dashboard
 * verticle gets each); idle session ends are published to all, so only the holder of the owner's lease alerts.
 */
final class LiveEvents {

  private static final Logger LOG = LoggerFactory.getLogger(LiveEvents.class);

  private final EventBus bus;
  private final Context context;
  private final UserStates states;
  private final String nodeId;
  private final Supplier<DashboardConfig> config;

  LiveEvents(EventBus bus, Context context, UserStates states, String nodeId, Supplier<DashboardConfig> config) {
    this.bus = bus;
    this.context = context;
    this.states = states;
    this.nodeId = nodeId;
    this.config = config;
  }

  /** Publishes one event to every connection of a user, on whatever ingress ({@link Addresses#USER_PUSH}). */
  static void publish(EventBus bus, String user, String event, JsonObject data) {
    bus.publish(Addresses.USER_PUSH, new JsonObject().put("user_id", user).put("event", event).put("data", data));
  }

  void onPrediction(JsonObject body) {
    PredictionEvent prediction;
    try {
      prediction = PredictionEvent.fromJson(body);
    } catch (RuntimeException e) {
      LOG.warn("dashboard: malformed prediction event ignored: {}", e.getMessage());
      return;
    }
    publish(bus, prediction.userId(), "new_prediction", prediction.toJson());
    JsonObject alert = LiveAlerts.forPrediction(prediction, config.get().highRiskAlertScore());
    if (alert != null) {
      publish(bus, prediction.userId(), "system_alert", alert);
    }
  }

  void onPressure(JsonObject body) {
    JsonObject alert = LiveAlerts.forPressure(body, config.get().pressurePeakAlert());
    if (alert != null && body.getString("user_id") != null) {
      publish(bus, body.getString("user_id"), "system_alert", alert);
    }
  }

  /** Every dashboard node hears an idle end; only the holder of the owner's lease alerts. */
  void onSessionEnded(JsonObject ended) {
    String workout = ended.getString("workout_id");
    bus.<JsonObject>request(Addresses.PERSISTENCE_PRESSURE_SESSION_GET,
            new JsonObject().put("workout_id", workout)).map(reply -> reply.body().getString("owner_sub"))
        .compose(owner -> owner == null ? Future.succeededFuture() : Future.fromCompletionStage(states.claim(owner,
            nodeId, System.currentTimeMillis(), 3 * config.get().pushIntervalMs()), context).map(holder -> {
              if (holder) {
                long frames = ended.getLong("frame_count", 0L);
                publish(bus, owner, "system_alert",
                    LiveAlerts.forDroppedDevice(workout, frames, System.currentTimeMillis()));
              }
              return null;
            }))
        .onFailure(failure -> LOG.debug("no owner found for ended workout {}: {}", workout, failure.getMessage()));
  }
}
