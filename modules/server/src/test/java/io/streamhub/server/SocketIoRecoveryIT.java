package io.streamhub.server;

import static io.streamhub.server.NodeFixture.await;
import static io.streamhub.server.NodeFixture.config;
import static io.streamhub.server.NodeFixture.roles;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamhub.server.sio.SioClients;
import io.streamhub.server.sio.SioDriver;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** socket.io-client's connection state recovery against a node: a network cut in the middle of a replay stream. */
@DisplayName("Connection state recovery with socket.io-client")
class SocketIoRecoveryIT {

  private static Node node;
  private static String url;

  @BeforeAll
  static void start() {
    JsonObject replay = new JsonObject().put("delay", new JsonObject().put("min_ms", 20).put("max_ms", 40));
    node = NodeFixture.start(config(roles("ingress", "replay", "persistence").put("replay", replay)
        .put("socketio", new JsonObject().put("recovery", new JsonObject().put("enabled", true)))));
    url = "http://127.0.0.1:" + node.httpPort();
  }

  @AfterAll
  static void stop() {
    await(node.close());
  }

  @BeforeEach
  void clients() {
    SioClients.requireInstalled();
  }

  /**
   * Joins a stream, cuts the transport after a few rows, and reads on until well after the client recovered: the
   * rows must run 1..N without gap or duplicate, the socket keeping its id.
   */
  static void recoversWithoutGap(SioDriver client, String visitor) {
    String id = client.awaitConnect().getString("id");
    client.emitWithAck("join_stream", new JsonArray().add(new JsonObject().put("visitor_id", visitor)));
    List<Long> seqs = new ArrayList<>();
    while (seqs.size() < 5) {
      seqs.add(seq(client));
    }
    client.dropTransport();
    JsonObject reconnected = client.awaitLine("the reconnect", line -> "connect".equals(line.getString("type")),
        SioDriver.TIMEOUT);
    assertThat(reconnected.getBoolean("recovered")).as("recovered").isTrue();
    assertThat(reconnected.getString("id")).isEqualTo(id);
    while (seqs.size() < 40) {
      seqs.add(seq(client));
    }
    assertThat(seqs).isEqualTo(LongStream.rangeClosed(1, 40).boxed().toList());
  }

  private static long seq(SioDriver client) {
    JsonArray args = client.awaitEvent("prediction").getJsonArray("args");
    assertThat(args.getValue(args.size() - 1)).as("the offset, last argument").isInstanceOf(String.class);
    return args.getJsonObject(0).getLong("seq");
  }

  @ParameterizedTest(name = "over {0}")
  @ValueSource(strings = {"websocket", "polling"})
  @DisplayName("After a network cut the client gets its socket back and every row it missed, in order")
  void recovers(String transports) {
    try (SioDriver client = SioDriver.node(url).transports(transports).reconnectionDelayMs(100).start()) {
      recoversWithoutGap(client, "recovery-" + transports);
    }
  }
}
