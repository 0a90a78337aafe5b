package io.streamhub.dashboard;

import static io.streamhub.dashboard.DashboardFixture.action;
import static io.streamhub.dashboard.DashboardFixture.append;
import static io.streamhub.dashboard.DashboardFixture.dashboard;
import static io.streamhub.dashboard.DashboardFixture.frame;
import static io.streamhub.dashboard.DashboardFixture.prediction;
import static io.streamhub.dashboard.DashboardFixture.saveSession;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamhub.contracts.FailureCodes;
import io.streamhub.contracts.pressure.SessionRecord;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("Dashboard data from data stored through the persistence role")
@Timeout(value = 20, timeUnit = TimeUnit.SECONDS)
class DashboardDataTest {

  final long now = System.currentTimeMillis();

  @BeforeEach
  void deploy(Vertx vertx, VertxTestContext ctx) {
    DashboardFixture.deploy(vertx, DashboardFixture.config(60_000))
        .compose(v -> append(vertx, List.of(prediction("ada", 1, 0.95, true, now - 1000),
            prediction("ada", 2, 0.6, false, now - 2000), prediction("ada", 3, 0.1, false, now - 3000),
            prediction("ada", 4, 0.2, false, now - 3_600_000), prediction("bob", 1, 0.99, true, now))))
        .compose(v -> saveSession(vertx, "w-1", SessionRecord.ACTIVE, "ada", now))
        .compose(v -> saveSession(vertx, "w-2", SessionRecord.ENDED, "ada", now))
        .compose(v -> saveSession(vertx, "w-3", SessionRecord.ACTIVE, "bob", now))
        .compose(v -> frame(vertx, "w-1", "ada", 1, 10, 100, now))
        .compose(v -> frame(vertx, "w-1", "ada", 2, 20, 300, now))
        .compose(v -> frame(vertx, "w-3", "bob", 1, 50, 999, now))
        .onComplete(ctx.succeedingThenComplete());
  }

  @Test
  @DisplayName("every metric counts only the user's stored predictions, workouts and frames")
  void metrics(Vertx vertx, VertxTestContext ctx) {
    dashboard(vertx, "ada").onComplete(ctx.succeeding(data -> ctx.verify(() -> {
      assertThat(data.getString("user_id")).isEqualTo("ada");
      assertThat(data.getJsonObject("metrics")).isEqualTo(new JsonObject().put("total_predictions", 4L)
          .put("avg_score", 0.4625).put("high_risk", 1L).put("medium_risk", 1L).put("low_risk", 2L)
          .put("fraud_flagged", 1L).put("active_streams", 0L).put("workouts_total", 2L).put("workouts_active", 1L)
          .put("frames_today", 2L).put("avg_pressure_today", 15.0).put("peak_pressure_today", 300.0));
      assertThat(data.getJsonArray("recent_activity")).hasSize(6);
      assertThat(data.getJsonObject("trends").getString("total_predictions")).isIn("increasing", "stable");
      assertThat(data.getJsonArray("alerts").stream().map(a -> ((JsonObject) a).getString("code")).toList())
          .contains("high_risk_predictions", "workouts_active");
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("a filter and a date range change the dashboard and stay for the next one")
  void filterAndRange(Vertx vertx, VertxTestContext ctx) {
    JsonObject highOnly = new JsonObject().put("risk_levels", new JsonArray().add("high"))
        .put("activity_types", new JsonArray().add("prediction"));
    JsonObject lastHalfHour = new JsonObject().put("from", Instant.ofEpochMilli(now - 1_800_000).toString());
    action(vertx, "ada", "filter", highOnly).onComplete(ctx.succeeding(reply -> ctx.verify(() -> {
      JsonArray recent = reply.getJsonObject("dashboard_update").getJsonArray("recent_activity");
      assertThat(recent).hasSize(1);
      assertThat(recent.getJsonObject(0).getString("risk")).isEqualTo("high");
    }))).compose(v -> action(vertx, "ada", "date_range", lastHalfHour)).onComplete(ctx.succeeding(reply ->
        ctx.verify(() -> assertThat(reply.getJsonObject("dashboard_update").getJsonObject("metrics")
            .getLong("total_predictions")).isEqualTo(3))))
        .compose(v -> dashboard(vertx, "ada")).onComplete(ctx.succeeding(data -> ctx.verify(() -> {
          assertThat(data.getJsonObject("metrics").getLong("total_predictions")).isEqualTo(3);
          assertThat(data.getJsonArray("recent_activity")).hasSize(1);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("export answers the dashboard as CSV or JSON; refresh answers it unchanged")
  void exportAndRefresh(Vertx vertx, VertxTestContext ctx) {
    action(vertx, "ada", "export", new JsonObject().put("format", "csv")).onComplete(ctx.succeeding(reply ->
        ctx.verify(() -> {
          assertThat(reply.getJsonObject("export").getString("format")).isEqualTo("csv");
          assertThat(reply.getJsonObject("export").getString("body")).startsWith("section,key,value\r\n")
              .contains("metric,total_predictions,4\r\n");
        }))).compose(v -> action(vertx, "ada", "export", new JsonObject().put("format", "json")))
        .onComplete(ctx.succeeding(reply -> ctx.verify(() -> assertThat(new JsonObject(reply.getJsonObject("export")
            .getString("body")).getJsonObject("metrics").getLong("workouts_total")).isEqualTo(2))))
        .compose(v -> action(vertx, "ada", "refresh", new JsonObject()))
        .onComplete(ctx.succeeding(reply -> ctx.verify(() -> {
          assertThat(reply.getJsonObject("dashboard_update").getJsonObject("metrics").getLong("frames_today"))
              .isEqualTo(2);
          assertThat(reply.containsKey("export")).isFalse();
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("a bad action, field or user is refused with 400 naming it")
  void badActions(Vertx vertx, VertxTestContext ctx) {
    action(vertx, "ada", "explode", new JsonObject()).onComplete(ctx.failing(e -> ctx.verify(() -> {
      assertThat(((ReplyException) e).failureCode()).isEqualTo(FailureCodes.BAD_REQUEST);
      assertThat(e.getMessage()).contains("action");
    }))).recover(e -> action(vertx, "ada", "date_range", new JsonObject().put("from", "yesterday")))
        .onComplete(ctx.failing(e -> ctx.verify(() -> assertThat(e.getMessage()).contains("data.from"))))
        .recover(e -> action(vertx, "ada", "export", new JsonObject().put("format", "xml")))
        .onComplete(ctx.failing(e -> ctx.verify(() -> assertThat(e.getMessage()).contains("data.format"))))
        .recover(e -> dashboard(vertx, ""))
        .onComplete(ctx.failing(e -> ctx.verify(() -> {
          assertThat(((ReplyException) e).failureCode()).isEqualTo(FailureCodes.BAD_REQUEST);
          ctx.completeNow();
        })));
  }
}
