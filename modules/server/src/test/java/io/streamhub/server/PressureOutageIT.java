package io.streamhub.server;

import static io.streamhub.server.NodeFixture.await;
import static io.streamhub.server.NodeFixture.config;
import static io.streamhub.server.NodeFixture.freePort;
import static io.streamhub.server.NodeFixture.roles;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamhub.contracts.Addresses;
import io.streamhub.ingress.testing.WsClient;
import io.streamhub.persistence.EmbeddedStore;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A node whose MongoDB-wire store (a separate embedded store with files) goes away in the middle of a workout. */
@DisplayName("Pressure frames while the store is down")
class PressureOutageIT {

  private Vertx client;
  private Node node;
  private EmbeddedStore store;

  @AfterEach
  void stop() {
    if (node != null) {
      await(node.close());
    }
    if (store != null) {
      store.close();
    }
    if (client != null) {
      await(client.close());
    }
  }

  @Test
  @DisplayName("are answered persisted: false, stored in order once it returns, announced by frames_persisted, none lost")
  void outage(@TempDir Path data) {
    client = Vertx.vertx();
    int storePort = freePort();
    store = EmbeddedStore.start("127.0.0.1", storePort, data.toString());
    node = NodeFixture.start(config(roles("ingress", "stats", "persistence").put("mongo",
        new JsonObject().put("connection_string", "mongodb://127.0.0.1:" + storePort))));

    try (WsClient device = WsClient.connect(client, node.httpPort())) {
      PressureNodeIT.request(device, 1, "join_session", new JsonObject().put("workout_id", "w-outage"));
      assertThat(send(device, 10, "w-outage").getBoolean("persisted")).isTrue();

      store.close();
      store = null;
      for (int i = 0; i < 3; i++) {
        JsonObject processed = send(device, 20 + i, "w-outage");
        assertThat(processed.getLong("frame_count")).isEqualTo(2 + i);
        assertThat(processed.getBoolean("persisted")).isFalse();
      }
      store = EmbeddedStore.start("127.0.0.1", storePort, data.toString());

      JsonObject announced;
      do {
        announced = device.next();
      } while (!"frames_persisted".equals(announced.getString("event")));
      assertThat(announced.getJsonObject("data")).isEqualTo(new JsonObject().put("workout_id", "w-outage")
          .put("up_to_frame", 4));
    }
    JsonObject page = await(node.vertx().eventBus().<JsonObject>request(Addresses.PERSISTENCE_PRESSURE_FRAMES_QUERY,
        new JsonObject().put("workout_id", "w-outage").put("limit", 100).put("offset", 0))).body();
    List<Long> stored = page.getJsonArray("frames").stream().map(f -> ((JsonObject) f).getLong("frame")).toList();
    assertThat(stored).containsExactly(4L, 3L, 2L, 1L);
  }

  @Test
  @DisplayName("past pressure.max_unpersisted_frames a frame is refused with backpressure, takes no number, and is not stored")
  void backpressure(@TempDir Path data) {
    client = Vertx.vertx();
    int storePort = freePort();
    store = EmbeddedStore.start("127.0.0.1", storePort, data.toString());
    node = NodeFixture.start(config(roles("ingress", "stats", "persistence")
        .put("mongo", new JsonObject().put("connection_string", "mongodb://127.0.0.1:" + storePort))
        .put("pressure", new JsonObject().put("max_unpersisted_frames", 2))));

    try (WsClient device = WsClient.connect(client, node.httpPort())) {
      PressureNodeIT.request(device, 1, "join_session", new JsonObject().put("workout_id", "w-full"));
      store.close();
      store = null;
      assertThat(send(device, 10, "w-full").getLong("frame_count")).isEqualTo(1);
      assertThat(send(device, 11, "w-full").getLong("frame_count")).isEqualTo(2);
      JsonObject refused = PressureNodeIT.request(device, 12, "pressure_frame",
          PressureNodeIT.frame("w-full", PressureNodeIT.twoByTwo()));
      assertThat(refused.getString("event")).isEqualTo("error");
      assertThat(refused.getJsonObject("data").getString("code")).isEqualTo("backpressure");

      store = EmbeddedStore.start("127.0.0.1", storePort, data.toString());
      JsonObject announced;
      do {
        announced = device.next();
      } while (!"frames_persisted".equals(announced.getString("event")));
      assertThat(announced.getJsonObject("data").getLong("up_to_frame")).isEqualTo(2);
      assertThat(send(device, 13, "w-full").getLong("frame_count")).isEqualTo(3);
    }
  }

  @Test
  @DisplayName("acknowledged frames survive a restart of the node, and the workout's count continues after them")
  void restart(@TempDir Path data) {
    client = Vertx.vertx();
    JsonObject overrides = roles("ingress", "stats", "persistence")
        .put("mongo", new JsonObject().put("embedded", new JsonObject().put("data_dir", data.toString())));
    node = NodeFixture.start(config(overrides));
    try (WsClient device = WsClient.connect(client, node.httpPort())) {
      PressureNodeIT.request(device, 1, "join_session", new JsonObject().put("workout_id", "w-restart"));
      for (int i = 0; i < 3; i++) {
        assertThat(send(device, 10 + i, "w-restart").getBoolean("persisted")).isTrue();
      }
    }
    await(node.close());
    node = NodeFixture.start(config(overrides));

    try (WsClient device = WsClient.connect(client, node.httpPort())) {
      JsonObject joined = PressureNodeIT.request(device, 1, "join_session",
          new JsonObject().put("workout_id", "w-restart")).getJsonObject("data");
      assertThat(joined.getLong("frame_count")).isEqualTo(3);
      assertThat(send(device, 2, "w-restart").getLong("frame_count")).isEqualTo(4);
    }
    JsonObject page = await(node.vertx().eventBus().<JsonObject>request(Addresses.PERSISTENCE_PRESSURE_FRAMES_QUERY,
        new JsonObject().put("workout_id", "w-restart").put("limit", 100).put("offset", 0))).body();
    assertThat(page.getJsonArray("frames").stream().map(f -> ((JsonObject) f).getLong("frame")).toList())
        .containsExactly(4L, 3L, 2L, 1L);
  }

  private static JsonObject send(WsClient device, long ack, String workout) {
    JsonObject reply = PressureNodeIT.request(device, ack, "pressure_frame",
        PressureNodeIT.frame(workout, PressureNodeIT.twoByTwo()));
    assertThat(reply.getString("event")).as("%s", reply).isEqualTo("ack");
    return reply.getJsonObject("data");
  }
}
