package io.streamhub.server.sio;

import static io.streamhub.server.sio.SioDriver.bin;
import static io.streamhub.server.sio.SioDriver.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamhub.server.sio.SioDriver.Kind;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Validates the test harness itself: each real third-party client, through its driver, against the reference Node
 * socket.io 4.8 server. Streamhub's own Socket.IO ITs rely on the drivers behaving as checked here.
 */
@DisplayName("The Socket.IO client drivers, against the reference Node socket.io 4.8 server")
class SocketIoDriversIT {

  private static SioReferenceServer server;

  /** Per test, so missing clients show as skipped tests (or, on CI, as failures) rather than as no tests at all. */
  @BeforeEach
  void startServer() {
    SioClients.requireInstalled();
    if (server == null) {
      server = SioReferenceServer.start();
    }
  }

  @AfterAll
  static void stopServer() {
    if (server != null) {
      server.close();
    }
  }

  /** A client library and its transports (null: the client's default, polling then the upgrade to WebSocket). */
  record Client(Kind kind, String transports) {
    SioDriver.Builder driver() {
      return SioDriver.of(kind, server.url()).transports(transports);
    }

    @Override
    public String toString() {
      return kind.name().toLowerCase() + " client, " + (transports == null ? "default transports" : transports);
    }
  }

  static Stream<Client> clients() {
    return Stream.of(new Client(Kind.NODE, "websocket"), new Client(Kind.NODE, "polling"), new Client(Kind.NODE, null),
        new Client(Kind.PYTHON, "websocket"), new Client(Kind.PYTHON, "polling"));
  }

  static Stream<Client> nodeClients() {
    return clients().filter(client -> client.kind() == Kind.NODE);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("clients")
  @DisplayName("connects on the transports asked for and gets its echo back through the ack")
  void connectsAndEchoes(Client client) {
    try (SioDriver driver = client.driver().auth(new JsonObject().put("token", "good")).start()) {
      JsonObject connect = driver.awaitConnect();
      assertThat(connect.getString("id")).isNotBlank();
      assertThat(connect.getBoolean("recovered")).isFalse();
      JsonArray args = new JsonArray().add("hello").add(42).add(1.5)
          .add(new JsonObject().put("nested", new JsonArray().add(true).addNull().add("é✓")));
      assertThat(driver.emitWithAck("echo", args)).isEqualTo(args);
      assertThat(driver.emitWithAck("echo", new JsonArray())).isEmpty();
      if (client.transports() == null) {
        assertThat(driver.awaitType("upgrade").getString("transport")).isEqualTo("websocket");
      } else {
        assertThat(connect.getString("transport")).isEqualTo(client.transports());
        assertThat(driver.takeAll(line -> "upgrade".equals(line.getString("type")))).isEmpty();
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("clients")
  @DisplayName("sends binary arguments, nested ones too, and gets the same bytes back")
  void echoesBinary(Client client) {
    byte[] all = new byte[512];
    IntStream.range(0, all.length).forEach(i -> all[i] = (byte) i);
    byte[] small = {0, 1, 2, (byte) 0xff};
    try (SioDriver driver = client.driver().start()) {
      driver.awaitConnect();
      JsonArray acked = driver.emitWithAck("echo", new JsonArray().add("bin").add(bin(all))
          .add(new JsonObject().put("inner", new JsonArray().add(bin(small)))));
      assertThat(acked.getString(0)).isEqualTo("bin");
      assertThat(bytes(acked.getValue(1))).isEqualTo(all);
      assertThat(bytes(acked.getJsonObject(2).getJsonArray("inner").getValue(0))).isEqualTo(small);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("clients")
  @DisplayName("joins a room and receives what another client publishes there, which the publisher does not")
  void roomDelivery(Client client) {
    String room = "room-" + UUID.randomUUID();
    JsonObject data = new JsonObject().put("text", "hi").put("n", 1);
    try (SioDriver member = client.driver().start(); SioDriver publisher = client.driver().start()) {
      member.awaitConnect();
      publisher.awaitConnect();
      assertThat(member.emitWithAck("join", new JsonArray().add(new JsonObject().put("room", room))))
          .isEqualTo(new JsonArray().add(new JsonObject().put("room", room)));
      JsonArray published = new JsonArray().add(new JsonObject().put("room", room).put("data", data));
      assertThat(publisher.emitWithAck("publish", published))
          .isEqualTo(new JsonArray().add(new JsonObject().put("room", room).put("seq", 1)));
      JsonObject message = member.awaitEvent("message");
      assertThat(message.getJsonArray("args").getJsonObject(0))
          .isEqualTo(new JsonObject().put("room", room).put("seq", 1).put("data", data));
      assertThat(message.containsKey("ack_id")).isFalse();
      // The publish ack follows any message to the publisher on the same connection: none came.
      assertThat(publisher.takeAll(line -> "event".equals(line.getString("type")))).isEmpty();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("clients")
  @DisplayName("acks the server's question, later by ack_id or at once by reply_to, and the server gets the answer")
  void acksServerEvents(Client client) {
    try (SioDriver driver = client.driver().start()) {
      driver.awaitConnect();
      driver.emit("ask_client", new JsonArray().add("first?"));
      JsonObject first = driver.awaitEvent("question");
      assertThat(first.getJsonArray("args").getString(0)).isEqualTo("first?");
      assertThat(first.getInteger("ack_id")).isNotNull();
      driver.ack(first.getInteger("ack_id"), new JsonArray().add("later"));
      assertThat(driver.awaitType("acked").getInteger("ack_id")).isEqualTo(first.getInteger("ack_id"));
      assertThat(driver.awaitEvent("answer").getJsonArray("args").getString(0)).isEqualTo("later");

      driver.replyTo("question", new JsonArray().add("yes").add(bin(new byte[] {7, 8})));
      driver.emit("ask_client", new JsonArray().add("second?"));
      JsonObject second = driver.awaitEvent("question");
      assertThat(second.getJsonArray("args").getString(0)).isEqualTo("second?");
      JsonObject acked = driver.awaitType("acked");
      assertThat(acked.getString("event")).isEqualTo("question");
      assertThat(acked.getInteger("ack_id")).isEqualTo(second.getInteger("ack_id"));
      JsonArray answer = driver.awaitEvent("answer").getJsonArray("args");
      assertThat(answer.getString(0)).isEqualTo("yes");
      assertThat(bytes(answer.getValue(1))).containsExactly(7, 8);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("clients")
  @DisplayName("reports the middleware's refusal of a bad token as connect_error with its message and data")
  void refusedAuth(Client client) {
    try (SioDriver driver = client.driver().auth(new JsonObject().put("token", "bad")).reconnection(false).start()) {
      JsonObject error = driver.awaitConnectError();
      assertThat(error.getString("message")).isEqualTo("unauthorized");
      assertThat(error.getJsonObject("data")).isEqualTo(new JsonObject().put("code", "unauthorized"));
      assertThat(driver.takeAll(line -> "connect".equals(line.getString("type")))).isEmpty();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("nodeClients")
  @DisplayName("recovers its session after a dropped transport: same id, recovered, every tick exactly once")
  void recoversAfterDrop(Client client) {
    try (SioDriver driver = client.driver().reconnectionDelayMs(100).start()) {
      String id = driver.awaitConnect().getString("id");
      driver.emitWithAck("emit_later", new JsonArray().add(new JsonObject().put("count", 20).put("intervalMs", 100)));
      List<Integer> ticks = new ArrayList<>();
      while (ticks.size() < 3) {
        ticks.add(tick(driver));
      }
      driver.dropTransport();
      driver.awaitDisconnect();
      JsonObject reconnect = driver.awaitConnect();
      assertThat(reconnect.getBoolean("recovered")).isTrue();
      assertThat(reconnect.getString("id")).isEqualTo(id);
      while (ticks.get(ticks.size() - 1) < 20) {
        ticks.add(tick(driver));
      }
      assertThat(ticks).containsExactlyElementsOf(IntStream.rangeClosed(1, 20).boxed().toList());
      driver.emitWithAck("echo", new JsonArray().add("flush"));
      assertThat(driver.takeAll(line -> "tick".equals(line.getString("event")))).isEmpty();
    }
  }

  private static int tick(SioDriver driver) {
    return driver.awaitEvent("tick", Duration.ofSeconds(5)).getJsonArray("args").getJsonObject(0).getInteger("n");
  }

  @Test
  @DisplayName("python client: reports drop_transport as unsupported, since python-socketio 5.7.2 has no recovery")
  void pythonHasNoRecovery() {
    try (SioDriver driver = SioDriver.python(server.url()).transports("websocket").start()) {
      driver.awaitConnect();
      driver.dropTransport();
      assertThat(driver.awaitType("error").getString("message")).contains("unsupported");
      assertThat(driver.emitWithAck("echo", new JsonArray().add("still here"))).containsExactly("still here");
    }
  }
}
