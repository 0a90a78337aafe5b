package io.streamhub.dashboard;

import static io.streamhub.dashboard.DashboardFixture.after;
import static io.streamhub.dashboard.DashboardFixture.append;
import static io.streamhub.dashboard.DashboardFixture.frame;
import static io.streamhub.dashboard.DashboardFixture.online;
import static io.streamhub.dashboard.DashboardFixture.prediction;
import static io.streamhub.dashboard.DashboardFixture.pushes;
import static io.streamhub.dashboard.DashboardFixture.saveSession;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamhub.contracts.Addresses;
import io.streamhub.contracts.dashboard.PredictionEvent;
import io.streamhub.contracts.pressure.SessionRecord;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("Dashboard pushes")
@Timeout(value = 20, timeUnit = TimeUnit.SECONDS)
class DashboardPushTest {

  static final long INTERVAL = 200;

  List<JsonObject> pushed;

  @BeforeEach
  void deploy(Vertx vertx, VertxTestContext ctx) {
    DashboardFixture.deploy(vertx, DashboardFixture.config(INTERVAL))
        .compose(v -> DashboardFixture.recordPushes(vertx))
        .onComplete(ctx.succeeding(list -> {
          pushed = list;
          ctx.completeNow();
        }));
  }

  @Test
  @DisplayName("a user coming online gets a dashboard within a second, then none while nothing changes, then one "
      + "after a change")
  void changeOnlyPushes(Vertx vertx, VertxTestContext ctx) {
    long now = System.currentTimeMillis();
    online(vertx, "ada", "c1");
    after(vertx, 1000).onComplete(ctx.succeeding(v -> ctx.verify(() -> {
      assertThat(pushes(pushed, "ada", "dashboard_update")).hasSize(1);
      online(vertx, "ada", "c1"); // a refresh of the same connection is no reason to push
    }))).compose(v -> after(vertx, 5 * INTERVAL)).onComplete(ctx.succeeding(v -> ctx.verify(() ->
        assertThat(pushes(pushed, "ada", "dashboard_update")).as("nothing changed").hasSize(1))))
        .compose(v -> append(vertx, List.of(prediction("ada", 1, 0.3, false, now))))
        .compose(v -> after(vertx, 3 * INTERVAL)).onComplete(ctx.succeeding(v -> ctx.verify(() -> {
          List<JsonObject> updates = pushes(pushed, "ada", "dashboard_update");
          assertThat(updates).as("one push after the change").hasSize(2);
          assertThat(updates.get(1).getJsonObject("data").getJsonObject("metrics").getLong("total_predictions"))
              .isEqualTo(1);
          assertThat(pushes(pushed, "bob", "dashboard_update")).as("bob is not online").isEmpty();
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("a filter set with user_action applies to the user's next periodic push")
  void filterAppliesToPushes(Vertx vertx, VertxTestContext ctx) {
    long now = System.currentTimeMillis();
    append(vertx, List.of(prediction("fay", 1, 0.9, false, now), prediction("fay", 2, 0.1, false, now)))
        .onComplete(ctx.succeeding(v -> online(vertx, "fay", "c1")))
        .compose(v -> after(vertx, 3 * INTERVAL))
        .compose(v -> DashboardFixture.action(vertx, "fay", "filter", new JsonObject().put("risk_levels",
            new JsonArray().add("low"))))
        .compose(v -> after(vertx, 3 * INTERVAL)).onComplete(ctx.succeeding(v -> ctx.verify(() -> {
          List<JsonObject> updates = pushes(pushed, "fay", "dashboard_update");
          assertThat(updates).hasSize(2);
          assertThat(updates.get(0).getJsonObject("data").getJsonArray("recent_activity")).hasSize(2);
          JsonObject filtered = updates.get(1).getJsonObject("data");
          assertThat(filtered.getJsonArray("recent_activity")).hasSize(1);
          assertThat(filtered.getJsonArray("recent_activity").getJsonObject(0).getString("risk")).isEqualTo("low");
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("a second connection of an online user gets the dashboard at once, even unchanged")
  void newConnectionPushes(Vertx vertx, VertxTestContext ctx) {
    online(vertx, "cy", "c1");
    after(vertx, 3 * INTERVAL).onComplete(ctx.succeeding(v -> online(vertx, "cy", "c2")))
        .compose(v -> after(vertx, 3 * INTERVAL)).onComplete(ctx.succeeding(v -> ctx.verify(() -> {
          assertThat(pushes(pushed, "cy", "dashboard_update")).hasSize(2);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("a prediction of the user's stream is pushed as new_prediction, a high-risk one also as a critical "
      + "alert")
  void livePredictions(Vertx vertx, VertxTestContext ctx) {
    long now = System.currentTimeMillis();
    vertx.eventBus().send(Addresses.DASHBOARD_PREDICTION,
        new PredictionEvent("ada", "v1", "s1", 7, 0.93, true, now).toJson());
    vertx.eventBus().send(Addresses.DASHBOARD_PREDICTION,
        new PredictionEvent("ada", "v1", "s1", 8, 0.2, false, now).toJson());
    after(vertx, 500).onComplete(ctx.succeeding(v -> ctx.verify(() -> {
      assertThat(pushes(pushed, "ada", "new_prediction")).extracting(p -> p.getJsonObject("data").getLong("seq"))
          .containsExactly(7L, 8L);
      List<JsonObject> alerts = pushes(pushed, "ada", "system_alert");
      assertThat(alerts).hasSize(1);
      assertThat(alerts.get(0).getJsonObject("data").getString("type")).isEqualTo("critical");
      assertThat(alerts.get(0).getJsonObject("data").getString("message")).contains("s1");
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("stored frames of an owned workout with a peak over the alert level raise a warning to the owner")
  void pressurePeak(Vertx vertx, VertxTestContext ctx) {
    long now = System.currentTimeMillis();
    saveSession(vertx, "w-peak", SessionRecord.ACTIVE, "dee", now)
        .compose(v -> frame(vertx, "w-peak", "dee", 1, 10, 120, now))
        .compose(v -> frame(vertx, "w-peak", "dee", 2, 10, 950, now))
        .compose(v -> after(vertx, 500)).onComplete(ctx.succeeding(v -> ctx.verify(() -> {
          List<JsonObject> alerts = pushes(pushed, "dee", "system_alert");
          assertThat(alerts).hasSize(1);
          assertThat(alerts.get(0).getJsonObject("data").getString("code")).isEqualTo("pressure_peak");
          assertThat(alerts.get(0).getJsonObject("data").getString("type")).isEqualTo("warning");
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("an owned workout ending idle is a dropped device: a warning to the owner")
  void droppedDevice(Vertx vertx, VertxTestContext ctx) {
    saveSession(vertx, "w-drop", SessionRecord.ACTIVE, "eve", System.currentTimeMillis())
        .onComplete(ctx.succeeding(v -> vertx.eventBus().publish(Addresses.PRESSURE_SESSION_ENDED,
            new JsonObject().put("workout_id", "w-drop").put("frame_count", 12).put("summary", new JsonObject()))))
        .compose(v -> after(vertx, 500)).onComplete(ctx.succeeding(v -> ctx.verify(() -> {
          List<JsonObject> alerts = pushes(pushed, "eve", "system_alert");
          assertThat(alerts).hasSize(1);
          assertThat(alerts.get(0).getJsonObject("data").getString("code")).isEqualTo("device_dropped");
          assertThat(alerts.get(0).getJsonObject("data").getString("message")).contains("w-drop");
          ctx.completeNow();
        })));
  }
}
