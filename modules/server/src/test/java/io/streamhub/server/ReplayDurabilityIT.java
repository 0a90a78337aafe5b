package io.streamhub.server;

import static io.streamhub.server.NodeFixture.await;
import static io.streamhub.server.NodeFixture.config;
import static io.streamhub.server.NodeFixture.get;
import static io.streamhub.server.NodeFixture.roles;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamhub.contracts.config.ConfigLoader;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Replay across a restart and a config edit")
class ReplayDurabilityIT {

  private Vertx client;
  private WebClient web;
  private Node node;

  @BeforeEach
  void client() {
    client = Vertx.vertx();
    web = WebClient.create(client);
  }

  @AfterEach
  void stop() {
    if (node != null) {
      await(node.close());
    }
    await(client.close());
  }

  @Test
  @DisplayName("a stream's status and latest events survive a restart of the node that served them")
  void survivesRestart(@TempDir Path data) {
    JsonObject overrides = roles("ingress", "replay", "persistence")
        .put("mongo", new JsonObject().put("embedded", new JsonObject().put("data_dir", data.toString())))
        .put("replay", new JsonObject().put("delay", new JsonObject().put("min_ms", 20).put("max_ms", 40)));
    node = NodeFixture.start(config(overrides));
    String streamId;
    List<Long> rows;
    try (ReplayTab tab = ReplayTab.open(client, node.httpPort())) {
      streamId = tab.join("v-restart").getString("stream_id");
      rows = tab.predictions(6);
      await(node.close());
    }
    node = NodeFixture.start(config(overrides));

    JsonObject status = get(web, node.httpPort(), "/api/v1/streams/v-restart").bodyAsJsonObject();
    assertThat(status.getString("stream_id")).isEqualTo(streamId);
    assertThat(status.getBoolean("is_active")).isFalse();
    assertThat(status.getLong("streamed")).isGreaterThanOrEqualTo(6);
    JsonObject page = get(web, node.httpPort(), "/api/v1/streams/v-restart/events?limit=1000").bodyAsJsonObject();
    List<Long> stored = new ArrayList<>(page.getJsonArray("events").stream()
        .map(e -> ((JsonObject) e).getLong("seq")).toList());
    assertThat(stored).hasSize((int) (long) status.getLong("streamed"));
    assertThat(stored.subList(stored.size() - rows.size(), stored.size())).containsExactly(6L, 5L, 4L, 3L, 2L, 1L);
  }

  @Test
  @DisplayName("editing the delay in the config file re-paces a running stream from its next row, without restart")
  void liveDelayChange(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("node.yaml"), """
        http: {host: 127.0.0.1, port: 0}
        roles: [ingress, replay, persistence]
        config: {watch_interval_ms: 20}
        replay: {delay: {min_ms: 1500, max_ms: 1500}}
        """);
    node = await(Node.start(ConfigLoader.load(List.of(file), Map.of()), List.of(file)));
    try (ReplayTab tab = ReplayTab.open(client, node.httpPort())) {
      tab.join("v-pace");
      Files.writeString(file, Files.readString(file).replace("min_ms: 1500, max_ms: 1500", "min_ms: 20, max_ms: 30"));
      List<Long> ts = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        JsonObject frame = tab.next();
        assertThat(frame.getString("event")).isEqualTo("prediction");
        ts.add(frame.getJsonObject("data").getLong("ts"));
      }
      for (int i = 2; i < ts.size(); i++) {
        assertThat(ts.get(i) - ts.get(i - 1)).as("gap before row %d (ms)", i + 1).isLessThan(500);
      }
    }
  }
}
