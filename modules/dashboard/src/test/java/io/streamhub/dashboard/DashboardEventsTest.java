package io.streamhub.dashboard;

import static io.streamhub.dashboard.DashboardFixture.append;
import static io.streamhub.dashboard.DashboardFixture.prediction;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.streamhub.ingress.IngressMetrics;
import io.streamhub.ingress.dashboard.DashboardEvents;
import io.streamhub.ingress.protocol.ErrorCode;
import io.streamhub.ingress.protocol.EventDispatcher;
import io.streamhub.ingress.protocol.ProtocolException;
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
@DisplayName("The ingress' dashboard events against the dashboard and persistence roles")
@Timeout(value = 20, timeUnit = TimeUnit.SECONDS)
class DashboardEventsTest {

  final long now = System.currentTimeMillis();
  final FakeConnection ada = new FakeConnection("ada");
  EventDispatcher dispatcher;

  @BeforeEach
  void deploy(Vertx vertx, VertxTestContext ctx) {
    dispatcher = new EventDispatcher(new IngressMetrics(new SimpleMeterRegistry()));
    new DashboardEvents(vertx.eventBus()).register(dispatcher);
    DashboardFixture.deploy(vertx, DashboardFixture.config(60_000))
        .compose(v -> append(vertx, List.of(prediction("ada", 1, 0.9, true, now - 1000),
            prediction("ada", 2, 0.2, false, now - 2000), prediction("ada", 3, 0.3, false, now - 7_200_000))))
        .onComplete(ctx.succeedingThenComplete());
  }

  JsonObject action(String action, JsonObject data) {
    return new JsonObject().put("action", action).put("data", data).put("timestamp", now);
  }

  @Test
  @DisplayName("request_dashboard_data answers the connection's own user's dashboard at once")
  void requestData(VertxTestContext ctx) {
    dispatcher.dispatch(ada, "request_dashboard_data", new JsonObject()).onComplete(ctx.succeeding(ack ->
        ctx.verify(() -> {
          JsonObject update = ada.events("dashboard_update").get(0);
          assertThat(update.getString("user_id")).isEqualTo("ada");
          assertThat(update.getJsonObject("metrics").getLong("total_predictions")).isEqualTo(3);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("an anonymous connection is refused with unauthorized")
  void anonymous(VertxTestContext ctx) {
    FakeConnection anonymous = new FakeConnection(null);
    dispatcher.dispatch(anonymous, "request_dashboard_data", new JsonObject())
        .onComplete(ctx.failing(e -> ctx.verify(() -> {
          assertThat(((ProtocolException) e).code()).isEqualTo(ErrorCode.UNAUTHORIZED);
          assertThat(anonymous.sent).isEmpty();
        })))
        .recover(e -> dispatcher.dispatch(anonymous, "user_action", action("refresh", new JsonObject())))
        .onComplete(ctx.failing(e -> ctx.verify(() -> {
          assertThat(((ProtocolException) e).code()).isEqualTo(ErrorCode.UNAUTHORIZED);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("user_action filter and date_range answer a dashboard reflecting them, and later requests keep them")
  void filterAndDateRange(VertxTestContext ctx) {
    JsonObject high = new JsonObject().put("risk_levels", new JsonArray().add("high"));
    dispatcher.dispatch(ada, "user_action", action("filter", high)).onComplete(ctx.succeeding(ack -> ctx.verify(() -> {
      assertThat(ack.getString("action")).isEqualTo("filter");
      assertThat(ada.events("dashboard_update").get(0).getJsonArray("recent_activity")).hasSize(1);
    }))).compose(v -> dispatcher.dispatch(ada, "user_action", action("date_range",
            new JsonObject().put("from", now - 3_600_000).put("to", now + 60_000))))
        .onComplete(ctx.succeeding(ack -> ctx.verify(() -> assertThat(ada.events("dashboard_update").get(1)
            .getJsonObject("metrics").getLong("total_predictions")).isEqualTo(2))))
        .compose(v -> dispatcher.dispatch(ada, "request_dashboard_data", new JsonObject()))
        .onComplete(ctx.succeeding(ack -> ctx.verify(() -> {
          JsonObject latest = ada.events("dashboard_update").get(2);
          assertThat(latest.getJsonObject("metrics").getLong("total_predictions")).isEqualTo(2);
          assertThat(latest.getJsonArray("recent_activity")).hasSize(1);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("user_action export answers the dashboard as CSV and as JSON")
  void export(VertxTestContext ctx) {
    dispatcher.dispatch(ada, "user_action", action("export", new JsonObject().put("format", "csv")))
        .onComplete(ctx.succeeding(ack -> ctx.verify(() -> {
          JsonObject export = ada.events("dashboard_export").get(0);
          assertThat(export.getString("content_type")).isEqualTo("text/csv");
          assertThat(export.getString("body")).contains("metric,total_predictions,3\r\n");
          assertThat(ack.getJsonObject("export")).isEqualTo(export);
          assertThat(ada.events("dashboard_update")).hasSize(1);
        })))
        .compose(v -> dispatcher.dispatch(ada, "user_action", action("export", new JsonObject().put("format", "json"))))
        .onComplete(ctx.succeeding(ack -> ctx.verify(() -> {
          JsonObject body = new JsonObject(ada.events("dashboard_export").get(1).getString("body"));
          assertThat(body.getString("user_id")).isEqualTo("ada");
          assertThat(body.getJsonObject("metrics").getLong("high_risk")).isEqualTo(1);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("a bad action or action field is an invalid_field error naming it")
  void invalid(VertxTestContext ctx) {
    dispatcher.dispatch(ada, "user_action", action("dance", new JsonObject()))
        .onComplete(ctx.failing(e -> ctx.verify(() -> {
          assertThat(((ProtocolException) e).code()).isEqualTo(ErrorCode.INVALID_FIELD);
          assertThat(e.getMessage()).contains("action");
        })))
        .recover(e -> dispatcher.dispatch(ada, "user_action", action("filter",
            new JsonObject().put("risk_levels", "high"))))
        .onComplete(ctx.failing(e -> ctx.verify(() -> {
          assertThat(((ProtocolException) e).code()).isEqualTo(ErrorCode.INVALID_FIELD);
          assertThat(e.getMessage()).contains("data.risk_levels");
          ctx.completeNow();
        })));
  }
}
