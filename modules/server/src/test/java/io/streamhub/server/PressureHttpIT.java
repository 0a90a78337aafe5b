package io.streamhub.server;

import static io.streamhub.server.NodeFixture.await;
import static io.streamhub.server.NodeFixture.config;
import static io.streamhub.server.NodeFixture.get;
import static io.streamhub.server.NodeFixture.roles;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamhub.ingress.testing.WsClient;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The HTTP fallback of pressure sessions")
class PressureHttpIT {

  private Vertx client;
  private WebClient web;
  private Node node;
  private int port;

  @BeforeEach
  void start() {
    client = Vertx.vertx();
    web = WebClient.create(client);
    node = NodeFixture.start(config(roles("ingress", "stats", "persistence")));
    port = node.httpPort();
  }

  @AfterEach
  void stop() {
    await(node.close());
    await(client.close());
  }

  HttpResponse<Buffer> post(String path, Object body) {
    return await(web.post(port, "127.0.0.1", path).sendBuffer(Buffer.buffer(body.toString())));
  }

  @Test
  @DisplayName("frames posted one by one or as an array get the socket's answers, numbered in order, and can be read back")
  void framesOverHttp() {
    assertThat(post("/api/v1/sessions/w-http/frames", PressureNodeIT.frame("w-http", PressureNodeIT.twoByTwo()))
        .statusCode()).as("a workout without a session").isEqualTo(404);
    HttpResponse<Buffer> joined = post("/api/v1/sessions/w-http", new JsonObject());
    assertThat(joined.bodyAsJsonObject().getLong("frame_count")).isZero();

    HttpResponse<Buffer> one = post("/api/v1/sessions/w-http/frames",
        PressureNodeIT.frame("w-http", PressureNodeIT.twoByTwo()));
    assertThat(one.statusCode()).isEqualTo(200);
    assertThat(one.bodyAsJsonObject().getLong("frame_count")).isEqualTo(1);
    assertThat(one.bodyAsJsonObject().getBoolean("persisted")).isTrue();

    JsonArray batch = new JsonArray().add(PressureNodeIT.frame("w-http", PressureNodeIT.twoByTwo()))
        .add(PressureNodeIT.frame("w-http", new JsonArray().add(new JsonArray().add(-1))))
        .add(PressureNodeIT.frame("w-http", PressureNodeIT.twoByTwo()));
    JsonArray results = post("/api/v1/sessions/w-http/frames", batch).bodyAsJsonObject().getJsonArray("results");
    assertThat(results.getJsonObject(0).getLong("frame_count")).isEqualTo(2);
    assertThat(results.getJsonObject(1).getJsonObject("error").getString("code")).isEqualTo("invalid_field");
    assertThat(results.getJsonObject(1).getJsonObject("error").getString("message")).contains("matrix");
    assertThat(results.getJsonObject(2).getLong("frame_count")).isEqualTo(3);

    HttpResponse<Buffer> bad = post("/api/v1/sessions/w-http/frames",
        PressureNodeIT.frame("w-http", PressureNodeIT.twoByTwo()).put("timestamp", "soon"));
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.bodyAsJsonObject().getJsonObject("error").getString("message")).contains("timestamp");
    assertThat(post("/api/v1/sessions/w-http/frames", "{not json").statusCode()).isEqualTo(400);

    JsonObject status = get(web, port, "/api/v1/sessions/w-http").bodyAsJsonObject();
    assertThat(status.getString("status")).isEqualTo("active");
    assertThat(status.getLong("frame_count")).isEqualTo(3);
    assertThat(status.getJsonObject("summary").getDouble("peak_pressure")).isEqualTo(4.0);

    JsonArray frames = get(web, port, "/api/v1/sessions/w-http/frames?limit=2").bodyAsJsonObject()
        .getJsonArray("frames");
    assertThat(frames.stream().map(f -> ((JsonObject) f).getLong("frame")).toList()).isEqualTo(List.of(3L, 2L));
    assertThat(get(web, port, "/api/v1/sessions/w-http/frames?limit=1001").statusCode()).isEqualTo(400);
    assertThat(get(web, port, "/api/v1/sessions/never-seen").statusCode()).isEqualTo(404);
    assertThat(get(web, port, "/api/v1/sessions/bad!id").statusCode()).isEqualTo(400);
  }

  private List<JsonObject> listed(String query) {
    HttpResponse<Buffer> list = get(web, port, "/api/v1/sessions" + query);
    assertThat(list.statusCode()).as(list.bodyAsString()).isEqualTo(200);
    return list.bodyAsJsonObject().getJsonArray("sessions").stream().map(JsonObject.class::cast).toList();
  }

  @Test
  @DisplayName("the stored workouts are listed newest-updated first with their live frame count, ended ones too, "
      + "and a bad limit is a 400 naming limit")
  void listsWorkouts() {
    try (WsClient device = WsClient.connect(client, port)) {
      PressureNodeIT.request(device, 1, "join_session", new JsonObject().put("workout_id", "w-list-ended"));
      PressureNodeIT.request(device, 2, "pressure_frame", PressureNodeIT.frame("w-list-ended",
          PressureNodeIT.twoByTwo()));
      assertThat(PressureNodeIT.request(device, 3, "leave_session", new JsonObject().put("workout_id",
          "w-list-ended")).getString("event")).isEqualTo("ack");
    }
    // Joined one after the other; a later workout sorts first, and so does its id on a tie of milliseconds.
    assertThat(post("/api/v1/sessions/w-list-b", new JsonObject()).statusCode()).isEqualTo(200);
    assertThat(post("/api/v1/sessions/w-list-a", new JsonObject()).statusCode()).isEqualTo(200);
    for (int i = 0; i < 3; i++) {
      assertThat(post("/api/v1/sessions/w-list-b/frames", PressureNodeIT.frame("w-list-b", PressureNodeIT.twoByTwo()))
          .statusCode()).isEqualTo(200);
    }

    List<JsonObject> sessions = listed("");
    assertThat(sessions.stream().map(s -> s.getString("workout_id")).toList())
        .containsExactly("w-list-a", "w-list-b", "w-list-ended");
    assertThat(sessions.get(1).fieldNames()).containsExactlyInAnyOrder("workout_id", "status", "frame_count",
        "updated_at");
    assertThat(sessions.get(1).getString("status")).isEqualTo("active");
    assertThat(sessions.get(1).getLong("frame_count")).as("the live count, not the count stored at join").isEqualTo(3);
    assertThat(sessions.get(2).getString("status")).isEqualTo("ended");
    assertThat(sessions.get(2).getLong("frame_count")).isEqualTo(1);
    assertThat(sessions.get(0).getLong("updated_at")).isGreaterThanOrEqualTo(sessions.get(1).getLong("updated_at"));
    assertThat(listed("?limit=2").stream().map(s -> s.getString("workout_id")).toList())
        .containsExactly("w-list-a", "w-list-b");

    for (String limit : List.of("0", "101", "many", "")) {
      HttpResponse<Buffer> bad = get(web, port, "/api/v1/sessions?limit=" + limit);
      assertThat(bad.statusCode()).as("limit=%s", limit).isEqualTo(400);
      assertThat(bad.bodyAsJsonObject().getJsonObject("error").getString("message")).startsWith("limit must be");
    }
  }

  @Test
  @DisplayName("the list answers 503 when no persistence node answers")
  void listWithoutPersistence() {
    Node alone = NodeFixture.start(config(roles("ingress", "stats")));
    try {
      HttpResponse<Buffer> list = get(web, alone.httpPort(), "/api/v1/sessions");
      assertThat(list.statusCode()).isEqualTo(503);
      assertThat(list.bodyAsJsonObject().getJsonObject("error").getString("code")).isEqualTo("unavailable");
    } finally {
      await(alone.close());
    }
  }
}
