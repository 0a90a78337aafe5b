package io.streamhub.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamhub.ingress.testing.IngressFixture;
import io.streamhub.ingress.testing.WsClient;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class HttpApiTest {

  private Vertx vertx;
  private int port;
  private WebClient http;

  @BeforeEach
  void deploy(Vertx vertx) {
    this.vertx = vertx;
    port = IngressFixture.deploy(vertx, new JsonObject().put("ws", new JsonObject().put("max_message_bytes", 512)));
    http = WebClient.create(vertx);
  }

  private HttpResponse<Buffer> post(String path, String body) {
    return WsClient.await(http.post(port, "127.0.0.1", path).putHeader("content-type", "application/json")
        .sendBuffer(Buffer.buffer(body)));
  }

  private HttpResponse<Buffer> get(String path) {
    return WsClient.await(http.get(port, "127.0.0.1", path).send());
  }

  @Test
  @DisplayName("A backend's HTTP publish reaches WebSocket subscribers and answers with the assigned seq")
  void httpPublishReachesSubscribers() {
    try (WsClient subscriber = WsClient.connect(vertx, port)) {
      subscriber.ok("subscribe", new JsonObject().put("room", "alerts"));
      HttpResponse<Buffer> first = post("/api/v1/rooms/alerts/publish", "{\"level\":\"high\"}");
      HttpResponse<Buffer> second = post("/api/v1/rooms/alerts/publish", "{\"level\":\"low\"}");
      assertThat(first.statusCode()).isEqualTo(200);
      assertThat(first.bodyAsJsonObject()).isEqualTo(new JsonObject().put("room", "alerts").put("seq", 1));
      assertThat(second.bodyAsJsonObject().getLong("seq")).isEqualTo(2);
      assertThat(subscriber.next("message")).isEqualTo(new JsonObject().put("room", "alerts").put("seq", 1L)
          .put("data", new JsonObject().put("level", "high")));
      assertThat(subscriber.next("message").getJsonObject("data").getString("level")).isEqualTo("low");
    }
  }

  @Test
  @DisplayName("HTTP publish refuses a bad room, bad JSON, a non-object and an oversized body with a JSON error")
  void httpPublishRejectsBadInput() {
    HttpResponse<Buffer> badRoom = post("/api/v1/rooms/bad%20room/publish", "{}");
    assertThat(badRoom.statusCode()).isEqualTo(400);
    assertThat(badRoom.bodyAsJsonObject().getJsonObject("error").getString("code")).isEqualTo("invalid_field");
    HttpResponse<Buffer> badJson = post("/api/v1/rooms/r/publish", "{nope");
    assertThat(badJson.statusCode()).isEqualTo(400);
    assertThat(badJson.bodyAsJsonObject().getJsonObject("error").getString("code")).isEqualTo("bad_json");
    HttpResponse<Buffer> array = post("/api/v1/rooms/r/publish", "[1]");
    assertThat(array.statusCode()).isEqualTo(400);
    assertThat(array.bodyAsJsonObject().getJsonObject("error").getString("message")).contains("JSON object");
    HttpResponse<Buffer> big = post("/api/v1/rooms/r/publish", "{\"x\":\"" + "a".repeat(600) + "\"}");
    assertThat(big.statusCode()).isEqualTo(413);
    assertThat(big.bodyAsJsonObject().getJsonObject("error").getString("code")).isEqualTo("message_too_large");
  }

  @Test
  @DisplayName("HTTP publish of a form or multipart body is refused as bad JSON and writes no upload directory")
  void formBodiesLeaveNoFiles() {
    for (String type : new String[] {"application/x-www-form-urlencoded", "multipart/form-data; boundary=b"}) {
      String body = type.startsWith("multipart") ? "--b\r\nContent-Disposition: form-data; name=\"f\"; "
          + "filename=\"x.txt\"\r\n\r\nhello\r\n--b--\r\n" : "a=1";
      HttpResponse<Buffer> response = WsClient.await(http.post(port, "127.0.0.1", "/api/v1/rooms/r/publish")
          .putHeader("content-type", type).sendBuffer(Buffer.buffer(body)));
      assertThat(response.statusCode()).as(type).isEqualTo(400);
    }
    assertThat(java.nio.file.Path.of("file-uploads")).as("Vert.x's default upload directory").doesNotExist();
  }

  @Test
  @DisplayName("Liveness answers, readiness is 503 naming the part that is not ready, unknown paths are JSON 404s")
  void opsEndpoints() {
    assertThat(get("/health").bodyAsJsonObject().getString("status")).isEqualTo("up");
    HttpResponse<Buffer> ready = get("/ready");
    assertThat(ready.statusCode()).isEqualTo(503);
    assertThat(ready.bodyAsJsonObject().getJsonObject("checks").getString("node")).contains("did not answer");
    HttpResponse<Buffer> missing = get("/nowhere");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.bodyAsJsonObject().getJsonObject("error").getString("code")).isEqualTo("not_found");
    HttpResponse<Buffer> plainGet = get("/ws");
    assertThat(plainGet.statusCode()).isEqualTo(400);
    assertThat(plainGet.bodyAsJsonObject().getJsonObject("error").getString("code")).isEqualTo("websocket_required");
  }
}
