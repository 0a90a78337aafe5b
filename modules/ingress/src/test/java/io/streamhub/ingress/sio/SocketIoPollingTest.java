package io.streamhub.ingress.sio;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamhub.ingress.testing.IngressFixture;
import io.streamhub.ingress.testing.WsClient;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class SocketIoPollingTest {

  private Vertx vertx;
  private int port;
  private PollingClient client;

  @BeforeEach
  void deploy(Vertx vertx) {
    this.vertx = vertx;
    port = IngressFixture.deploy(vertx, new JsonObject().put("socketio", new JsonObject()
        .put("ping_interval_ms", 3000).put("ping_timeout_ms", 2000).put("max_payload_bytes", 20000)
        .put("connect_timeout_ms", 400)
        .put("allowed_origins", new JsonArray().add("http://app.example"))));
    client = new PollingClient(vertx, port);
  }

  private static JsonObject error(HttpResponse<Buffer> response) {
    assertThat(response.getHeader("content-type")).isEqualTo("application/json");
    return response.bodyAsJsonObject();
  }

  @Test
  @DisplayName("The handshake opens a polling session with the configured heartbeat and payload limit")
  void handshake() {
    JsonObject open = client.open();
    assertThat(open.getString("sid")).hasSizeGreaterThanOrEqualTo(20);
    assertThat(open.getJsonArray("upgrades")).containsExactly("websocket");
    assertThat(open.getLong("pingInterval")).isEqualTo(3000);
    assertThat(open.getLong("pingTimeout")).isEqualTo(2000);
    assertThat(open.getLong("maxPayload")).isEqualTo(20000);
  }

  @Test
  @DisplayName("Bad requests get the Engine.IO error codes: unknown transport, unknown sid, bad method, old protocol")
  void protocolErrors() {
    HttpResponse<Buffer> transport = client.get("EIO=4&transport=carrier-pigeon");
    assertThat(transport.statusCode()).isEqualTo(400);
    assertThat(error(transport).getInteger("code")).isEqualTo(0);
    assertThat(error(transport).getString("message")).contains("carrier-pigeon");

    HttpResponse<Buffer> sid = client.get("EIO=4&transport=polling&sid=nope");
    assertThat(sid.statusCode()).isEqualTo(400);
    assertThat(error(sid).getInteger("code")).isEqualTo(1);

    HttpResponse<Buffer> method = client.post("EIO=4&transport=polling", "40");
    assertThat(method.statusCode()).isEqualTo(400);
    assertThat(error(method).getInteger("code")).isEqualTo(2);

    HttpResponse<Buffer> version = client.get("EIO=3&transport=polling");
    assertThat(version.statusCode()).isEqualTo(400);
    assertThat(error(version).getInteger("code")).isEqualTo(5);
    assertThat(error(version).getString("message")).contains("EIO=3");
  }

  @Test
  @DisplayName("A second poll while one is held is refused with 400 and closes the session; the held one gets close")
  void duplicatePoll() {
    client.open();
    io.vertx.core.Future<HttpResponse<Buffer>> held = client.pollAsync();
    client.send("40");
    assertThat(WsClient.await(held).bodyAsString()).startsWith("40{");
    assertThat(client.next()).startsWith("42[\"connected\"");
    io.vertx.core.Future<HttpResponse<Buffer>> one = client.pollAsync();
    io.vertx.core.Future<HttpResponse<Buffer>> other = client.pollAsync();
    java.util.List<HttpResponse<Buffer>> answers = java.util.List.of(WsClient.await(one), WsClient.await(other));
    assertThat(answers).anySatisfy(closed -> assertThat(closed.bodyAsString()).isEqualTo("1"));
    assertThat(answers).anySatisfy(refused -> {
      assertThat(refused.statusCode()).isEqualTo(400);
      assertThat(error(refused).getInteger("code")).isEqualTo(3);
    });
    assertThat(client.get("EIO=4&transport=polling&sid=" + client.sid()).statusCode()).isEqualTo(400);
  }

  @Test
  @DisplayName("A session that connects to no namespace within connect_timeout_ms is closed")
  void connectTimeout() {
    client.open();
    WsClient.waitMs(vertx, 1_000);
    HttpResponse<Buffer> after = client.get("EIO=4&transport=polling&sid=" + client.sid());
    assertThat(after.statusCode()).isEqualTo(400);
    assertThat(error(after).getInteger("code")).isEqualTo(1);
  }

  @Test
  @DisplayName("A POST that is not an Engine.IO payload gets 400 and closes the session")
  void badPacket() {
    client.open();
    HttpResponse<Buffer> bad = client.post("EIO=4&transport=polling&sid=" + client.sid(), "9nonsense");
    assertThat(bad.statusCode()).isEqualTo(400);
    HttpResponse<Buffer> after = client.get("EIO=4&transport=polling&sid=" + client.sid());
    assertThat(after.statusCode()).isEqualTo(400);
    assertThat(error(after).getInteger("code")).isEqualTo(1);
  }

  @Test
  @DisplayName("A browser origin outside socketio.allowed_origins is refused with 403; an allowed one gets CORS headers")
  void origins() {
    HttpResponse<Buffer> refused = WsClient.await(io.vertx.ext.web.client.WebClient.create(vertx)
        .get(port, "127.0.0.1", "/socket.io/?EIO=4&transport=polling").putHeader("Origin", "http://evil.example")
        .send());
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(error(refused).getInteger("code")).isEqualTo(4);

    HttpResponse<Buffer> allowed = WsClient.await(io.vertx.ext.web.client.WebClient.create(vertx)
        .get(port, "127.0.0.1", "/socket.io/?EIO=4&transport=polling").putHeader("Origin", "http://app.example")
        .send());
    assertThat(allowed.statusCode()).isEqualTo(200);
    assertThat(allowed.getHeader("Access-Control-Allow-Origin")).isEqualTo("http://app.example");
    assertThat(allowed.getHeader("Access-Control-Allow-Credentials")).isEqualTo("true");
  }

  @Test
  @DisplayName("CONNECT to / answers with the socket id and the connected event; a request's ack carries its answer")
  void connectAndAck() {
    client.open();
    client.send("40");
    String connect = client.next();
    assertThat(connect).startsWith("40{");
    String socketId = new JsonObject(connect.substring(2)).getString("sid");
    String connected = client.next();
    assertThat(connected).startsWith("42[\"connected\"");
    assertThat(new JsonArray(connected.substring(2)).getJsonObject(1).getString("connection_id")).isEqualTo(socketId);

    client.send("421[\"subscribe\",{\"room\":\"news\"}]");
    assertThat(new JsonArray(after("431", client.next())))
        .isEqualTo(new JsonArray().add(new JsonObject().put("room", "news").put("subscribed", true)));
  }

  @Test
  @DisplayName("A refused request answers its ack with {error} and also emits the error event; the socket stays usable")
  void refusedRequest() {
    client.open();
    client.send("40");
    client.next();
    client.next();
    client.send("427[\"subscribe\",\"news\"]");
    JsonObject ackError = new JsonArray(after("437", client.next())).getJsonObject(0).getJsonObject("error");
    assertThat(ackError.getString("code")).isEqualTo("bad_frame");
    assertThat(ackError.getString("message")).contains("subscribe").contains("JSON object");
    JsonArray event = new JsonArray(after("42", client.next()));
    assertThat(event.getString(0)).isEqualTo("error");
    assertThat(event.getJsonObject(1)).isEqualTo(ackError);

    client.send("428[\"no_such_event\",{}]");
    assertThat(new JsonArray(after("438", client.next())).getJsonObject(0).getJsonObject("error").getString("code"))
        .isEqualTo("unknown_event");
    client.next();
    client.send("429[\"subscribe\",{\"room\":\"news\"}]");
    assertThat(after("439", client.next())).contains("\"subscribed\":true");
  }

  @Test
  @DisplayName("A namespace that is not configured gets CONNECT_ERROR \"Invalid namespace\"")
  void unknownNamespace() {
    client.open();
    client.send("40/admin,");
    assertThat(client.next()).isEqualTo("44/admin,{\"message\":\"Invalid namespace\"}");
  }

  @Test
  @DisplayName("A token the node cannot verify in the CONNECT auth gets CONNECT_ERROR with the unauthorized code")
  void badToken() {
    client.open();
    client.send("40{\"token\":\"not-a-jwt\"}");
    String packet = client.next();
    assertThat(packet).startsWith("44{");
    JsonObject error = new JsonObject(packet.substring(2));
    assertThat(error.getString("message")).isNotBlank();
    assertThat(error.getJsonObject("data").getString("code")).isEqualTo("unauthorized");
  }

  @Test
  @DisplayName("A Socket.IO client and a JSON WebSocket client in one room receive each other's publishes")
  void roomsAcrossProtocols() {
    client.open();
    client.send("40");
    client.next();
    client.next();
    client.send("421[\"subscribe\",{\"room\":\"mixed\"}]");
    client.next();
    try (WsClient subscriber = WsClient.connect(vertx, port); WsClient publisher = WsClient.connect(vertx, port)) {
      subscriber.ok("subscribe", new JsonObject().put("room", "mixed"));
      publisher.ok("publish", new JsonObject().put("room", "mixed").put("data", new JsonObject().put("from", "ws")));
      JsonArray message = new JsonArray(after("42", client.next()));
      assertThat(message.getString(0)).isEqualTo("message");
      assertThat(message.getJsonObject(1).getJsonObject("data").getString("from")).isEqualTo("ws");
      assertThat(subscriber.next("message").getJsonObject("data").getString("from")).isEqualTo("ws");

      client.send("422[\"publish\",{\"room\":\"mixed\",\"data\":{\"from\":\"sio\"}}]");
      assertThat(subscriber.next("message").getJsonObject("data").getString("from")).isEqualTo("sio");
    }
  }

  private static String after(String prefix, String packet) {
    assertThat(packet).startsWith(prefix);
    return packet.substring(prefix.length());
  }
}
