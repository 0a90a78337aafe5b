package io.streamhub.server;

import static io.streamhub.server.NodeFixture.await;
import static io.streamhub.server.NodeFixture.config;
import static io.streamhub.server.NodeFixture.roles;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamhub.contracts.config.StreamhubConfig;
import io.streamhub.ingress.auth.TokenIssuer;
import io.streamhub.ingress.auth.TokenVerifier;
import io.streamhub.ingress.testing.WsClient;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The whole path of issue 5 on one node: token on the socket, presence, the dashboard role, pushes, isolation. */
@DisplayName("Dashboards over a real WebSocket")
class DashboardWebSocketIT {

  private static final String SECRET = "0123456789abcdef0123456789abcdef";
  private static final long PUSH_INTERVAL_MS = 300;

  private Vertx client;
  private Node node;
  private TokenIssuer issuer;
  private static final AtomicLong ACKS = new AtomicLong(1);

  @BeforeEach
  void start() {
    client = Vertx.vertx();
    JsonObject overrides = roles("ingress", "stats", "persistence", "dashboard")
        .put("auth", new JsonObject().put("jwt", new JsonObject().put("secret", SECRET))
            .put("dev_login", new JsonObject().put("enabled", false))
            .put("required", new JsonObject().put("pressure", true)))
        .put("dashboard", new JsonObject().put("push_interval_ms", PUSH_INTERVAL_MS));
    StreamhubConfig config = config(overrides);
    node = NodeFixture.start(config);
    issuer = await(TokenVerifier.create(client, config.auth())).issuer().orElseThrow();
  }

  @AfterEach
  void stop() {
    await(node.close());
    await(client.close());
  }

  private String token(String sub) {
    return issuer.issue(sub, Duration.ofMinutes(10));
  }

  private WsClient connect(String sub) {
    return connect(client, node.httpPort(), token(sub), sub);
  }

  /** Connects with the token as the {@code token} query parameter, as a browser would. */
  static WsClient connect(Vertx client, int port, String token, String sub) {
    WsClient ws = WsClient.open(client, port, o -> o.setURI("/ws?token=" + token));
    JsonObject connected = ws.next("connected");
    assertThat(connected.getString("status")).isEqualTo("success");
    assertThat(connected.getString("user_id")).isEqualTo(sub);
    return ws;
  }

  /** The data of the next {@code event} whose data matches, skipping every other frame. */
  static JsonObject awaitEvent(WsClient ws, String event, Predicate<JsonObject> matching) {
    while (true) {
      JsonObject frame = ws.next();
      if (event.equals(frame.getString("event")) && matching.test(frame.getJsonObject("data"))) {
        return frame.getJsonObject("data");
      }
    }
  }

  /** Sends with an ack and returns the answer (ack or error) to it, skipping pushes in between. */
  static JsonObject request(WsClient ws, String event, JsonObject data) {
    long ack = ACKS.getAndIncrement();
    ws.sendText(new JsonObject().put("event", event).put("data", data).put("ack", ack).encode());
    while (true) {
      JsonObject frame = ws.next();
      if (frame.getLong("ack") != null && frame.getLong("ack") == ack) {
        return frame;
      }
    }
  }

  static JsonObject metrics(JsonObject dashboard) {
    return dashboard.getJsonObject("metrics");
  }

  @Test
  @DisplayName("a user gets its dashboard on connect without asking, sees its own workout's frames pushed, and "
      + "another user sees none of it and may not join the workout")
  void pushesAndIsolation() {
    try (WsClient ada = connect("ada"); WsClient bob = connect("bob")) {
      JsonObject first = awaitEvent(ada, "dashboard_update", d -> true);
      assertThat(first.getString("user_id")).isEqualTo("ada");
      assertThat(metrics(first).getLong("workouts_total")).isZero();

      assertThat(request(ada, "join_session", new JsonObject().put("workout_id", "w-ada")).getString("event"))
          .isEqualTo("ack");
      JsonArray matrix = new JsonArray().add(new JsonArray().add(1).add(2)).add(new JsonArray().add(3).add(4));
      for (int i = 0; i < 3; i++) {
        JsonObject processed = request(ada, "pressure_frame", new JsonObject().put("workout_id", "w-ada")
            .put("matrix", matrix).put("timestamp", System.currentTimeMillis()));
        assertThat(processed.getString("event")).as("%s", processed).isEqualTo("ack");
      }
      JsonObject updated = awaitEvent(ada, "dashboard_update", d -> metrics(d).getLong("frames_today") == 3);
      assertThat(metrics(updated).getLong("workouts_total")).isEqualTo(1);
      assertThat(metrics(updated).getDouble("avg_pressure_today")).isEqualTo(2.5);
      assertThat(metrics(updated).getDouble("peak_pressure_today")).isEqualTo(4.0);

      WsClient.waitMs(client, 4 * PUSH_INTERVAL_MS);
      long morePushes = 0;
      while (!ada.hasNoFrame()) {
        morePushes += "dashboard_update".equals(ada.next().getString("event")) ? 1 : 0;
      }
      assertThat(morePushes).as("pushes while nothing changed").isZero();

      bob.emit("request_dashboard_data", new JsonObject());
      JsonObject bobDashboard = awaitEvent(bob, "dashboard_update", d -> true);
      assertThat(bobDashboard.getString("user_id")).isEqualTo("bob");
      assertThat(metrics(bobDashboard).getLong("frames_today")).isZero();
      assertThat(metrics(bobDashboard).getLong("workouts_total")).isZero();
      JsonObject refused = request(bob, "join_session", new JsonObject().put("workout_id", "w-ada"));
      assertThat(refused.getString("event")).isEqualTo("error");
      assertThat(refused.getJsonObject("data").getString("code")).isEqualTo("forbidden");
    }
  }

  @Test
  @DisplayName("GET /api/live-data answers the bearer's own dashboard, and 401 without a valid token")
  void restFallback() {
    WebClient web = WebClient.create(client);
    JsonObject body = await(web.get(node.httpPort(), "127.0.0.1", "/api/live-data")
        .putHeader(HttpHeaders.AUTHORIZATION.toString(), "Bearer " + token("ada")).send()).bodyAsJsonObject();
    assertThat(body.getBoolean("success")).isTrue();
    assertThat(body.getJsonObject("data").getString("user_id")).isEqualTo("ada");
    var refused = await(web.get(node.httpPort(), "127.0.0.1", "/api/live-data")
        .putHeader(HttpHeaders.AUTHORIZATION.toString(), "Bearer " + token("ada") + "x").send());
    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(refused.bodyAsJsonObject().getBoolean("success")).isFalse();
  }
}
