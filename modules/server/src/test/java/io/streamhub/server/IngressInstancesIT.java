package io.streamhub.server;

import static io.streamhub.server.NodeFixture.await;
import static io.streamhub.server.NodeFixture.config;
import static io.streamhub.server.NodeFixture.roles;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamhub.ingress.testing.WsClient;
import io.streamhub.server.sio.SioClients;
import io.streamhub.server.sio.SioDriver;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** http.ingress_instances: several ingress verticles share the port; their connections share rooms and sessions. */
@DisplayName("A node with two ingress instances")
class IngressInstancesIT {

  private Vertx client;
  private Node node;
  private int port;

  @BeforeEach
  void start() {
    client = Vertx.vertx();
    JsonObject replay = new JsonObject().put("delay", new JsonObject().put("min_ms", 20).put("max_ms", 40));
    node = NodeFixture.start(config(roles("ingress", "replay", "persistence").put("replay", replay)
        .put("http", new JsonObject().put("host", "127.0.0.1").put("port", 0).put("ingress_instances", 2))));
    port = node.httpPort();
  }

  @AfterEach
  void stop() {
    await(node.close());
    await(client.close());
  }

  @Test
  @DisplayName("Connections spread over the instances all receive a room's messages, in seq order")
  void roomsSpanInstances() {
    List<WsClient> subscribers = new ArrayList<>();
    try (WsClient publisher = WsClient.connect(client, port)) {
      for (int i = 0; i < 4; i++) {
        WsClient subscriber = WsClient.connect(client, port);
        subscribers.add(subscriber);
        subscriber.ok("subscribe", new JsonObject().put("room", "shared"));
      }
      for (int n = 1; n <= 3; n++) {
        publisher.ok("publish", new JsonObject().put("room", "shared").put("data", new JsonObject().put("n", n)));
      }
      for (WsClient subscriber : subscribers) {
        for (int n = 1; n <= 3; n++) {
          JsonObject message = subscriber.next("message");
          assertThat(message.getLong("seq")).isEqualTo(n);
          assertThat(message.getJsonObject("data").getInteger("n")).isEqualTo(n);
        }
      }
    } finally {
      subscribers.forEach(WsClient::close);
    }
  }

  @Test
  @DisplayName("A polling Socket.IO client whose requests reach either instance streams predictions")
  void pollingAcrossInstances() {
    SioClients.requireInstalled();
    try (SioDriver sio = SioDriver.node("http://127.0.0.1:" + port).transports("polling").start()) {
      sio.awaitConnect();
      sio.emitWithAck("join_stream", new JsonArray().add(new JsonObject().put("visitor_id", "two-instances")));
      for (long seq = 1; seq <= 5; seq++) {
        assertThat(sio.awaitEvent("prediction").getJsonArray("args").getJsonObject(0).getLong("seq")).isEqualTo(seq);
      }
    }
  }
}
