package io.streamhub.server;

import static io.streamhub.server.DashboardWebSocketIT.awaitEvent;
import static io.streamhub.server.DashboardWebSocketIT.connect;
import static io.streamhub.server.DashboardWebSocketIT.metrics;
import static io.streamhub.server.DashboardWebSocketIT.request;
import static io.streamhub.server.NodeFixture.await;
import static io.streamhub.server.NodeFixture.config;
import static io.streamhub.server.NodeFixture.roles;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamhub.contracts.config.StreamhubConfig;
import io.streamhub.ingress.auth.TokenIssuer;
import io.streamhub.ingress.auth.TokenVerifier;
import io.streamhub.ingress.testing.WsClient;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** One user connected to two clustered members over real WebSockets, with real tokens. */
@DisplayName("A user's dashboard across two cluster members")
class DashboardClusterWebSocketIT {

  private static final String SECRET = "0123456789abcdef0123456789abcdef";
  private static final long PUSH_INTERVAL_MS = 300;

  private final List<Node> nodes = new ArrayList<>();
  private Vertx client;
  private TokenIssuer issuer;

  @BeforeEach
  void startCluster() {
    client = Vertx.vertx();
    List<JsonObject> clusters = NodeFixture.clusterOf(2);
    StreamhubConfig first = null;
    for (int i = 0; i < clusters.size(); i++) {
      JsonObject overrides = i == 0 ? roles("ingress", "stats", "persistence", "dashboard")
          : roles("ingress", "dashboard");
      overrides.put("cluster", clusters.get(i))
          .put("auth", new JsonObject().put("jwt", new JsonObject().put("secret", SECRET))
              .put("dev_login", new JsonObject().put("enabled", false))
              .put("required", new JsonObject().put("pressure", true)))
          .put("dashboard", new JsonObject().put("push_interval_ms", PUSH_INTERVAL_MS));
      StreamhubConfig config = config(overrides);
      first = first == null ? config : first;
      nodes.add(NodeFixture.start(config));
    }
    issuer = await(TokenVerifier.create(client, first.auth())).issuer().orElseThrow();
  }

  @AfterEach
  void stopCluster() {
    for (int i = nodes.size() - 1; i >= 0; i--) {
      await(nodes.get(i).close());
    }
    await(client.close());
  }

  /** The dashboard pushes a connection got, without {@code timestamp}, until nothing arrives for 4 intervals. */
  private static List<JsonObject> drainPushes(Vertx client, WsClient ws) {
    List<JsonObject> pushes = new ArrayList<>();
    do {
      WsClient.waitMs(client, 4 * PUSH_INTERVAL_MS);
      while (!ws.hasNoFrame()) {
        JsonObject frame = ws.next();
        if ("dashboard_update".equals(frame.getString("event"))) {
          JsonObject data = frame.getJsonObject("data").copy();
          data.remove("timestamp");
          pushes.add(data);
        }
      }
    } while (!ws.hasNoFrame());
    return pushes;
  }

  @Test
  @DisplayName("both connections see the same dashboard, and a change is pushed once to each, not once per member")
  void oneDashboardAcrossMembers() {
    String token = issuer.issue("ada", Duration.ofMinutes(10));
    try (WsClient onFirst = connect(client, nodes.get(0).httpPort(), token, "ada");
        WsClient onSecond = connect(client, nodes.get(1).httpPort(), token, "ada")) {
      awaitEvent(onFirst, "dashboard_update", d -> true);
      awaitEvent(onSecond, "dashboard_update", d -> true);
      drainPushes(client, onFirst);
      drainPushes(client, onSecond);

      assertThat(request(onFirst, "join_session", new JsonObject().put("workout_id", "w-both")).getString("event"))
          .isEqualTo("ack");
      JsonArray matrix = new JsonArray().add(new JsonArray().add(2).add(6));
      for (int i = 0; i < 2; i++) {
        assertThat(request(onFirst, "pressure_frame", new JsonObject().put("workout_id", "w-both")
            .put("matrix", matrix).put("timestamp", System.currentTimeMillis())).getString("event")).isEqualTo("ack");
      }
      JsonObject seenFirst = awaitEvent(onFirst, "dashboard_update", d -> metrics(d).getLong("frames_today") == 2);
      JsonObject seenSecond = awaitEvent(onSecond, "dashboard_update", d -> metrics(d).getLong("frames_today") == 2);
      assertThat(seenSecond.getJsonObject("metrics")).isEqualTo(seenFirst.getJsonObject("metrics"));
      assertThat(metrics(seenFirst).getLong("workouts_total")).isEqualTo(1);

      assertThat(drainPushes(client, onFirst)).as("pushes of an unchanged dashboard on the first member").isEmpty();
      assertThat(drainPushes(client, onSecond)).as("pushes of an unchanged dashboard on the second member").isEmpty();
    }
  }
}
