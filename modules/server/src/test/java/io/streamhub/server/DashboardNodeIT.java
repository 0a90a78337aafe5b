package io.streamhub.server;

import static io.streamhub.server.NodeFixture.await;
import static io.streamhub.server.NodeFixture.config;
import static io.streamhub.server.NodeFixture.roles;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamhub.contracts.Addresses;
import io.streamhub.contracts.replay.JoinStream;
import io.vertx.core.Future;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** One node with every role: a user's replay stream feeds the user's dashboard, live and through the store. */
@DisplayName("Dashboards fed by replay streams on one node")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardNodeIT {

  private Node node;
  private final List<JsonObject> pushes = new CopyOnWriteArrayList<>();

  @BeforeAll
  void start() {
    JsonObject replay = new JsonObject().put("delay", new JsonObject().put("min_ms", 20).put("max_ms", 40));
    node = NodeFixture.start(config(roles("ingress", "replay", "persistence", "dashboard").put("replay", replay)));
    await(node.vertx().eventBus().<JsonObject>consumer(Addresses.USER_PUSH, m -> pushes.add(m.body())).completion());
  }

  @AfterAll
  void stop() {
    await(node.close());
  }

  private List<JsonObject> pushed(String event) {
    return pushes.stream().filter(p -> "ada".equals(p.getString("user_id")) && event.equals(p.getString("event")))
        .map(p -> p.getJsonObject("data")).toList();
  }

  private JsonObject dashboard() {
    return await(node.vertx().eventBus().<JsonObject>request(Addresses.DASHBOARD_DATA_GET,
        new JsonObject().put("user_id", "ada")).map(Message::body));
  }

  @Test
  @DisplayName("each prediction of a stream joined by a user is pushed as new_prediction and counted on the user's "
      + "dashboard; another user's dashboard stays empty")
  void streamFeedsDashboard() {
    JoinStream join = new JoinStream("visitor-ada", null, "tab-1", "member-test", "test-node", null, 0, "ada");
    await(node.vertx().eventBus().request(Addresses.REPLAY_STREAM_JOIN, join.toJson()));
    await(Future.<Void>future(p -> node.vertx().setTimer(1500, id -> p.complete())));
    await(node.vertx().eventBus().request(Addresses.REPLAY_STREAM_CONTROL, new JsonObject()
        .put("visitor_id", "visitor-ada").put("tab_id", "tab-1").put("action", "pause")));
    await(Future.<Void>future(p -> node.vertx().setTimer(1000, id -> p.complete())));

    List<JsonObject> predictions = pushed("new_prediction");
    assertThat(predictions).isNotEmpty();
    assertThat(predictions).allSatisfy(p -> assertThat(p.getString("visitor_id")).isEqualTo("visitor-ada"));
    JsonObject metrics = dashboard().getJsonObject("metrics");
    assertThat(metrics.getLong("total_predictions")).isEqualTo(predictions.size());
    assertThat(metrics.getLong("high_risk") + metrics.getLong("medium_risk") + metrics.getLong("low_risk"))
        .isEqualTo(predictions.size());
    assertThat(metrics.getLong("active_streams")).isEqualTo(1);
    JsonObject other = await(node.vertx().eventBus().<JsonObject>request(Addresses.DASHBOARD_DATA_GET,
        new JsonObject().put("user_id", "bob")).map(Message::body));
    assertThat(other.getJsonObject("metrics").getLong("total_predictions")).isZero();
  }
}
