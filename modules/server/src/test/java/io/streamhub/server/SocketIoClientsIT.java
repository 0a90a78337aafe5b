package io.streamhub.server;

import static io.streamhub.server.NodeFixture.await;
import static io.streamhub.server.NodeFixture.config;
import static io.streamhub.server.NodeFixture.roles;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamhub.server.sio.SioClients;
import io.streamhub.server.sio.SioDriver;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Streamhub's protocol through npm socket.io-client and Debian's python-socketio, every transport, one node. */
@DisplayName("Real Socket.IO clients against one node")
class SocketIoClientsIT {

  private static Vertx vertx;
  private static Node node;
  private static String url;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    JsonObject replay = new JsonObject().put("delay", new JsonObject().put("min_ms", 20).put("max_ms", 40));
    node = NodeFixture.start(config(roles("ingress", "replay", "persistence").put("replay", replay)
        .put("auth", new JsonObject().put("dev_login", new JsonObject().put("enabled", true)))));
    url = "http://127.0.0.1:" + node.httpPort();
  }

  @AfterAll
  static void stop() {
    await(node.close());
    await(vertx.close());
  }

  @BeforeEach
  void requireClients() {
    SioClients.requireInstalled();
  }

  static Stream<Arguments> clients() {
    return Stream.of(Arguments.of(SioDriver.Kind.NODE, "websocket"), Arguments.of(SioDriver.Kind.NODE, "polling"),
        Arguments.of(SioDriver.Kind.NODE, "polling,websocket"), Arguments.of(SioDriver.Kind.PYTHON, "websocket"),
        Arguments.of(SioDriver.Kind.PYTHON, "polling"));
  }

  private static JsonObject firstArg(JsonObject eventLine) {
    return eventLine.getJsonArray("args").getJsonObject(0);
  }

  @ParameterizedTest(name = "{0} over {1}")
  @MethodSource("clients")
  @DisplayName("A client joins a replay stream with an ack and receives its predictions in order")
  void streamsPredictions(SioDriver.Kind kind, String transports) {
    try (SioDriver client = SioDriver.of(kind, url).transports(transports).start()) {
      JsonObject connect = client.awaitConnect();
      assertThat(firstArg(client.awaitEvent("connected")).getString("connection_id")).isEqualTo(connect.getString("id"));
      String visitor = "sio-" + kind.name().toLowerCase() + "-" + transports.replace(',', '-');
      JsonObject joined = client.emitWithAck("join_stream", new JsonArray().add(new JsonObject()
          .put("visitor_id", visitor))).getJsonObject(0);
      assertThat(joined.getString("visitor_id")).isEqualTo(visitor);
      assertThat(joined.getString("stream_id")).isNotBlank();
      for (long seq = 1; seq <= 3; seq++) {
        JsonObject prediction = firstArg(client.awaitEvent("prediction"));
        assertThat(prediction.getLong("seq")).isEqualTo(seq);
        assertThat(prediction.getString("stream_id")).isEqualTo(joined.getString("stream_id"));
      }
      if (transports.contains(",") && kind == SioDriver.Kind.NODE) {
        assertThat(client.awaitType("upgrade").getString("transport")).isEqualTo("websocket");
      }
    }
  }

  @ParameterizedTest(name = "{0} over {1}")
  @MethodSource("clients")
  @DisplayName("A refused request answers its ack with {error} and emits the error event; the socket keeps working")
  void refusedRequest(SioDriver.Kind kind, String transports) {
    try (SioDriver client = SioDriver.of(kind, url).transports(transports).start()) {
      client.awaitConnect();
      JsonObject refused = client.emitWithAck("subscribe", new JsonArray().add("not-an-object")).getJsonObject(0);
      assertThat(refused.getJsonObject("error").getString("code")).isEqualTo("bad_frame");
      assertThat(refused.getJsonObject("error").getString("message")).contains("subscribe");
      assertThat(firstArg(client.awaitEvent("error"))).isEqualTo(refused.getJsonObject("error"));
      JsonObject subscribed = client.emitWithAck("subscribe", new JsonArray().add(new JsonObject()
          .put("room", "after-error"))).getJsonObject(0);
      assertThat(subscribed.getBoolean("subscribed")).isTrue();
    }
  }

  @ParameterizedTest(name = "{0} over {1}")
  @MethodSource("clients")
  @DisplayName("A bad token in the CONNECT auth gives a connect error naming the refusal; a good one is the user")
  void authentication(SioDriver.Kind kind, String transports) {
    try (SioDriver refused = SioDriver.of(kind, url).transports(transports)
        .auth(new JsonObject().put("token", "bad")).reconnection(false).start()) {
      JsonObject error = refused.awaitConnectError();
      assertThat(error.getString("message")).isNotBlank();
      assertThat(error.getJsonObject("data").getString("code")).isEqualTo("unauthorized");
    }
    String token = await(WebClient.create(vertx).postAbs(url + "/api/v1/dev/login")
        .sendJsonObject(new JsonObject().put("user", "ada"))).bodyAsJsonObject().getString("token");
    try (SioDriver accepted = SioDriver.of(kind, url).transports(transports)
        .auth(new JsonObject().put("token", token)).start()) {
      accepted.awaitConnect();
      JsonObject connected = firstArg(accepted.awaitEvent("connected"));
      assertThat(connected.getString("status")).isEqualTo("success");
      assertThat(connected.getString("user_id")).isEqualTo("ada");
    }
  }
}
