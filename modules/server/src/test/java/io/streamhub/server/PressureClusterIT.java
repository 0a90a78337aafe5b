package io.streamhub.server;

import static io.streamhub.server.NodeFixture.await;
import static io.streamhub.server.NodeFixture.config;
import static io.streamhub.server.NodeFixture.roles;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamhub.ingress.testing.WsClient;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Two clustered members in this JVM, each with ingress and stats; the first also stores. */
@DisplayName("Pressure frames across two cluster members")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PressureClusterIT {

  static final int FRAMES_PER_DEVICE = 60;

  private final List<Node> nodes = new ArrayList<>();
  private Vertx client;

  @BeforeAll
  void startCluster() {
    client = Vertx.vertx();
    List<JsonObject> clusters = NodeFixture.clusterOf(2);
    for (int i = 0; i < clusters.size(); i++) {
      JsonObject cluster = clusters.get(i);
      JsonObject overrides = i == 0 ? roles("ingress", "stats", "persistence") : roles("ingress", "stats");
      nodes.add(NodeFixture.start(config(overrides.put("cluster", cluster))));
    }
  }

  @AfterAll
  void stopCluster() {
    for (int i = nodes.size() - 1; i >= 0; i--) {
      await(nodes.get(i).close());
    }
    await(client.close());
  }

  @Test
  @DisplayName("two devices on two members sending into one workout get the counts 1..N, no duplicate, no gap")
  void exactCountsAcrossMembers() throws Exception {
    CompletableFuture<List<Long>> a = CompletableFuture.supplyAsync(() -> send(nodes.get(0).httpPort()));
    CompletableFuture<List<Long>> b = CompletableFuture.supplyAsync(() -> send(nodes.get(1).httpPort()));
    List<Long> all = new ArrayList<>(a.get());
    all.addAll(b.get());
    assertThat(all).containsExactlyInAnyOrderElementsOf(
        LongStream.rangeClosed(1, 2L * FRAMES_PER_DEVICE).boxed().toList());
    assertThat(a.get()).isSorted();
    assertThat(b.get()).isSorted();
  }

  private List<Long> send(int port) {
    List<Long> counts = new ArrayList<>();
    try (WsClient device = WsClient.connect(client, port)) {
      PressureNodeIT.request(device, 1, "join_session", new JsonObject().put("workout_id", "w-shared"));
      for (int i = 0; i < FRAMES_PER_DEVICE; i++) {
        JsonObject reply = PressureNodeIT.request(device, 100 + i, "pressure_frame",
            PressureNodeIT.frame("w-shared", PressureNodeIT.twoByTwo()));
        assertThat(reply.getString("event")).as("%s", reply).isEqualTo("ack");
        counts.add(reply.getJsonObject("data").getLong("frame_count"));
      }
    }
    return counts;
  }
}
