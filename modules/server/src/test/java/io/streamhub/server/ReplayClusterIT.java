package io.streamhub.server;

import static io.streamhub.server.NodeFixture.await;
import static io.streamhub.server.NodeFixture.config;
import static io.streamhub.server.NodeFixture.roles;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Two clustered members in this JVM, both with ingress and replay; tabs of one visitor on both. */
@DisplayName("Replay streams across two cluster members")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReplayClusterIT {

  private final List<Node> nodes = new ArrayList<>();
  private Vertx client;

  static JsonObject replayFast() {
    return new JsonObject().put("delay", new JsonObject().put("min_ms", 20).put("max_ms", 40));
  }

  @BeforeAll
  void startCluster() {
    client = Vertx.vertx();
    List<JsonObject> clusters = NodeFixture.clusterOf(2);
    for (int i = 0; i < clusters.size(); i++) {
      JsonObject cluster = clusters.get(i);
      JsonObject overrides = i == 0 ? roles("ingress", "replay", "persistence") : roles("ingress", "replay");
      nodes.add(NodeFixture.start(config(overrides.put("cluster", cluster).put("replay", replayFast()))));
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
  @DisplayName("two tabs joining at the same moment on two members get one stream and the identical rows")
  void racingJoinsMakeOneStream() throws Exception {
    for (int round = 0; round < 5; round++) {
      String visitor = "race-" + round;
      try (ReplayTab a = ReplayTab.open(client, nodes.get(0).httpPort());
          ReplayTab b = ReplayTab.open(client, nodes.get(1).httpPort())) {
        CompletableFuture<JsonObject> joinA = CompletableFuture.supplyAsync(() -> a.join(visitor));
        CompletableFuture<JsonObject> joinB = CompletableFuture.supplyAsync(() -> b.join(visitor));
        JsonObject ja = joinA.get();
        JsonObject jb = joinB.get();

        assertThat(ja.getString("stream_id")).as("round %d: %s / %s", round, ja, jb)
            .isEqualTo(jb.getString("stream_id"));
        assertThat(List.of(ja.getString("event"), jb.getString("event")))
            .containsExactlyInAnyOrder("stream_started", "joined_existing_stream");
        long from = Math.max(ja.getLong("seq", 0L), jb.getLong("seq", 0L));
        List<Long> rowsA = after(a, from, 5);
        List<Long> rowsB = after(b, from, 5);
        assertThat(rowsA).isEqualTo(rowsB).containsExactly(from + 1, from + 2, from + 3, from + 4, from + 5);
      }
    }
  }

  /** The next {@code n} rows after {@code seq}, checking the rows before it arrive in order too. */
  private static List<Long> after(ReplayTab tab, long seq, int n) {
    List<Long> rows = new ArrayList<>();
    long last = -1;
    while (rows.size() < n) {
      long s = tab.predictions(1).get(0);
      assertThat(s).as("rows arrive in order without duplicates").isGreaterThan(last);
      last = s;
      if (s > seq) {
        rows.add(s);
      }
    }
    return rows;
  }
}
