package io.streamhub.server;

import static io.streamhub.server.NodeFixture.await;
import static io.streamhub.server.NodeFixture.config;
import static io.streamhub.server.NodeFixture.roles;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamhub.contracts.Addresses;
import io.streamhub.ingress.testing.WsClient;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Pressure sessions on one node, over real WebSockets")
class PressureNodeIT {

  private Vertx client;
  private Node node;

  @BeforeEach
  void start() {
    client = Vertx.vertx();
    node = NodeFixture.start(config(roles("ingress", "stats", "persistence")));
  }

  @AfterEach
  void stop() {
    await(node.close());
    await(client.close());
  }

  static JsonObject frame(String workout, JsonArray matrix) {
    return new JsonObject().put("workout_id", workout).put("matrix", matrix)
        .put("timestamp", System.currentTimeMillis());
  }

  /** {@code [[1, 2], [3, 4]]}: sum 10, mean 2.5, max 4 at (1, 1). */
  static JsonArray twoByTwo() {
    return new JsonArray().add(new JsonArray().add(1).add(2)).add(new JsonArray().add(3).add(4));
  }

  /** Sends with an ack and returns the reply frame (ack or error), skipping pushed events. */
  static JsonObject request(WsClient ws, long ack, String event, JsonObject data) {
    ws.sendText(new JsonObject().put("event", event).put("data", data).put("ack", ack).encode());
    while (true) {
      JsonObject frame = ws.next();
      if (frame.getLong("ack") != null && frame.getLong("ack") == ack) {
        return frame;
      }
    }
  }

  @Test
  @DisplayName("a device joins, its frames are numbered 1..N with their stats, stored, and the session ends with a summary")
  void sessionLifecycle() {
    try (WsClient device = WsClient.connect(client, node.httpPort())) {
      JsonObject joined = request(device, 1, "join_session", new JsonObject().put("workout_id", "w-life"));
      assertThat(joined.getJsonObject("data")).isEqualTo(new JsonObject().put("workout_id", "w-life")
          .put("status", "active").put("frame_count", 0));
      for (int i = 1; i <= 3; i++) {
        JsonObject processed = request(device, 10 + i, "pressure_frame", frame("w-life", twoByTwo()))
            .getJsonObject("data");
        assertThat(processed.getLong("frame_count")).isEqualTo(i);
        assertThat(processed.getBoolean("persisted")).as("%s", processed).isTrue();
        JsonObject stats = processed.getJsonObject("stats");
        assertThat(stats.getDouble("sum")).isEqualTo(10.0);
        assertThat(stats.getDouble("mean")).isEqualTo(2.5);
        assertThat(stats.getJsonObject("max").getDouble("value")).isEqualTo(4.0);
      }
      JsonObject ended = request(device, 20, "leave_session", new JsonObject().put("workout_id", "w-life"))
          .getJsonObject("data");
      assertThat(ended.getLong("frame_count")).isEqualTo(3);
      assertThat(ended.getJsonObject("summary").getLong("frame_count")).isEqualTo(3);
    }
  }

  @Test
  @DisplayName("a new workout's session record is already in the store when session_joined arrives")
  void newWorkoutStoredBeforeJoined() {
    try (WsClient device = WsClient.connect(client, node.httpPort())) {
      JsonObject joined = request(device, 1, "join_session", new JsonObject().put("workout_id", "w-first"));
      assertThat(joined.getString("event")).isEqualTo("ack");
      JsonObject stored = await(node.vertx().eventBus().<JsonObject>request(
          Addresses.PERSISTENCE_PRESSURE_SESSION_GET, new JsonObject().put("workout_id", "w-first"))).body();
      assertThat(stored.getString("workout_id")).isEqualTo("w-first");
      assertThat(stored.getString("status")).isEqualTo("active");
      assertThat(stored.getLong("frame_count")).isZero();
    }
  }

  @Test
  @DisplayName("bad frames get an error naming the field, are not counted, and later good frames go on without a gap")
  void badFrames() {
    try (WsClient device = WsClient.connect(client, node.httpPort())) {
      request(device, 1, "join_session", new JsonObject().put("workout_id", "w-bad"));
      assertThat(request(device, 2, "pressure_frame", frame("w-bad", twoByTwo())).getJsonObject("data")
          .getLong("frame_count")).isEqualTo(1);
      JsonArray ragged = new JsonArray().add(new JsonArray().add(1).add(2)).add(new JsonArray().add(3));
      assertError(request(device, 3, "pressure_frame", frame("w-bad", ragged)), "invalid_field", "matrix");
      JsonArray negative = new JsonArray().add(new JsonArray().add(1).add(-2));
      assertError(request(device, 4, "pressure_frame", frame("w-bad", negative)), "invalid_field", "matrix");
      assertError(request(device, 5, "pressure_frame", frame("w-bad", twoByTwo()).put("timestamp", "yesterday")),
          "invalid_field", "timestamp");
      assertError(request(device, 6, "pressure_frame", frame("w-bad!", twoByTwo())), "invalid_field", "workout_id");
      assertError(request(device, 7, "pressure_frame", frame("w-other", twoByTwo())), "not_joined", "w-other");
      assertThat(request(device, 8, "pressure_frame", frame("w-bad", twoByTwo())).getJsonObject("data")
          .getLong("frame_count")).isEqualTo(2);
    }
  }

  @Test
  @DisplayName("every frame's stats reach the subscribers of the room workout.<id>")
  void statsInRoom() {
    try (WsClient coach = WsClient.connect(client, node.httpPort());
        WsClient device = WsClient.connect(client, node.httpPort())) {
      coach.ok("subscribe", new JsonObject().put("room", "workout.w-room"));
      request(device, 1, "join_session", new JsonObject().put("workout_id", "w-room"));
      request(device, 2, "pressure_frame", frame("w-room", twoByTwo()));
      JsonObject message = coach.next("message");
      assertThat(message.getString("room")).isEqualTo("workout.w-room");
      assertThat(message.getJsonObject("data").getLong("frame_count")).isEqualTo(1);
      assertThat(message.getJsonObject("data").getJsonObject("stats").getDouble("sum")).isEqualTo(10.0);
    }
  }

  private static void assertError(JsonObject reply, String code, String mentions) {
    assertThat(reply.getString("event")).as("%s", reply).isEqualTo("error");
    assertThat(reply.getJsonObject("data").getString("code")).as("%s", reply).isEqualTo(code);
    assertThat(reply.getJsonObject("data").getString("message")).contains(mentions);
  }
}
