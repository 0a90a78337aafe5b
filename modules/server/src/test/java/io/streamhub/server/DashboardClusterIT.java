package io.streamhub.server;

import static io.streamhub.server.NodeFixture.await;
import static io.streamhub.server.NodeFixture.config;
import static io.streamhub.server.NodeFixture.roles;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamhub.contracts.Addresses;
import io.streamhub.contracts.replay.StreamEventRecord;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two clustered members, each with ingress and dashboard; the first also stores. The same user is connected through
 * both (their ingress' presence messages), and every push to the user is counted on each member.
 */
@DisplayName("Dashboards across two cluster members")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardClusterIT {

  static final long INTERVAL = 300;

  private final List<Node> nodes = new ArrayList<>();
  private final List<List<JsonObject>> pushesSeen = new ArrayList<>();

  @BeforeAll
  void startCluster() {
    List<JsonObject> clusters = NodeFixture.clusterOf(2);
    for (int i = 0; i < clusters.size(); i++) {
      JsonObject cluster = clusters.get(i);
      JsonObject overrides = i == 0 ? roles("ingress", "persistence", "dashboard") : roles("ingress", "dashboard");
      overrides.put("cluster", cluster).put("dashboard", new JsonObject().put("push_interval_ms", INTERVAL));
      Node node = NodeFixture.start(config(overrides));
      nodes.add(node);
      List<JsonObject> seen = new CopyOnWriteArrayList<>();
      await(node.vertx().eventBus().<JsonObject>consumer(Addresses.USER_PUSH, m -> seen.add(m.body())).completion());
      pushesSeen.add(seen);
    }
  }

  @AfterAll
  void stopCluster() {
    for (int i = nodes.size() - 1; i >= 0; i--) {
      await(nodes.get(i).close());
    }
  }

  private Vertx vertx(int node) {
    return nodes.get(node).vertx();
  }

  private List<JsonObject> updates(int node, String user) {
    return pushesSeen.get(node).stream().filter(p -> user.equals(p.getString("user_id"))
        && "dashboard_update".equals(p.getString("event"))).toList();
  }

  private void online(int node, String user) {
    vertx(node).eventBus().publish(Addresses.DASHBOARD_PRESENCE, new JsonObject().put("user_id", user)
        .put("member_id", "member-" + node).put("connection_id", "c-" + node).put("online", true));
  }

  private void waitMs(long ms) {
    await(Future.<Void>future(p -> vertx(0).setTimer(ms, id -> p.complete())));
  }

  private JsonObject dashboardVia(int node, String user) {
    JsonObject data = await(vertx(node).eventBus().<JsonObject>request(Addresses.DASHBOARD_DATA_GET,
        new JsonObject().put("user_id", user)).map(Message::body));
    data.remove("timestamp");
    return data;
  }

  private void storePrediction(String user, long seq) {
    storePrediction(1, user, seq);
  }

  private void storePrediction(int via, String user, long seq) {
    JsonObject data = new JsonObject().put("score", 0.42).put("is_fraud", false);
    StreamEventRecord event = new StreamEventRecord("v-" + user, "s-" + user, seq, "prediction", data,
        System.currentTimeMillis(), user);
    await(vertx(via).eventBus().request(Addresses.PERSISTENCE_REPLAY_EVENTS_APPEND,
        new JsonObject().put("events", new JsonArray().add(event.toJson()))));
  }

  @Test
  @Order(1)
  @DisplayName("the same user connected through both members sees one dashboard and gets one push per change, "
      + "not one per member")
  void onePushPerInterval() {
    storePrediction("ada", 1);
    online(0, "ada");
    online(1, "ada");
    waitMs(1000);
    assertThat(dashboardVia(0, "ada")).isEqualTo(dashboardVia(1, "ada"));
    assertThat(dashboardVia(1, "ada").getJsonObject("metrics").getLong("total_predictions")).isEqualTo(1);
    // One push per new connection, by whichever member holds the user's lease.
    assertThat(updates(0, "ada")).hasSize(2);
    assertThat(updates(1, "ada")).hasSize(2);

    for (int i = 0; i < 4; i++) {
      online(0, "ada"); // presence refreshes
      online(1, "ada");
      waitMs(INTERVAL);
    }
    assertThat(updates(0, "ada")).as("nothing changed, no push from either member").hasSize(2);

    storePrediction("ada", 2);
    waitMs(5 * INTERVAL);
    List<JsonObject> seen = updates(0, "ada");
    assertThat(seen).as("one push for the change, not one per member").hasSize(3);
    assertThat(updates(1, "ada")).hasSize(3);
    assertThat(seen.get(2).getJsonObject("data").getJsonObject("metrics").getLong("total_predictions"))
        .isEqualTo(2);
  }

  @Test
  @Order(2)
  @DisplayName("when a member leaves, the other takes the user's lease over and pushes the next change once")
  void leaseTakeover() {
    storePrediction("bob", 1);
    online(0, "bob");
    online(1, "bob");
    waitMs(1000);
    int before = updates(0, "bob").size();
    await(nodes.get(1).close());
    waitMs(4 * INTERVAL); // a lease held by the closed member lapses after three intervals
    online(0, "bob");
    storePrediction(0, "bob", 2);
    waitMs(5 * INTERVAL);
    List<JsonObject> seen = updates(0, "bob");
    assertThat(seen).as("exactly one push for the change, from the remaining member").hasSize(before + 1);
    assertThat(seen.get(before).getJsonObject("data").getJsonObject("metrics").getLong("total_predictions"))
        .isEqualTo(2);
  }
}
