package io.streamhub.server;

import static io.streamhub.server.NodeFixture.await;
import static io.streamhub.server.NodeFixture.config;
import static io.streamhub.server.NodeFixture.freePort;
import static io.streamhub.server.NodeFixture.roles;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stream owned by a node in another process, which is then killed with SIGKILL: no goodbye to the cluster, rows
 * in flight lost with it.
 */
@DisplayName("A stream whose node is killed")
class ReplayTakeoverIT {

  static final long DELAY_MAX_MS = 150;
  static final long TAKEOVER_LIMIT_MS = 5_000;

  private final List<Node> nodes = new ArrayList<>();
  private Process child;
  private Vertx client;

  @AfterEach
  void stop() {
    if (child != null) {
      child.destroyForcibly();
    }
    for (int i = nodes.size() - 1; i >= 0; i--) {
      await(nodes.get(i).close());
    }
    if (client != null) {
      await(client.close());
    }
  }

  static JsonObject cluster(int port, List<Integer> all) {
    JsonArray members = new JsonArray();
    all.forEach(p -> members.add("127.0.0.1:" + p));
    return new JsonObject().put("enabled", true).put("host", "127.0.0.1").put("port", port).put("members", members);
  }

  static JsonObject replay() {
    return new JsonObject().put("delay", new JsonObject().put("min_ms", 100).put("max_ms", DELAY_MAX_MS));
  }

  @Test
  @DisplayName("is taken over by another replay node within 5 s, and its tab sees no gap and no duplicate seq")
  void takeover(@TempDir Path dir) throws IOException {
    client = Vertx.vertx();
    List<Integer> ports = List.of(freePort(), freePort(), freePort());
    nodes.add(NodeFixture.start(config(roles("ingress", "persistence").put("cluster", cluster(ports.get(0), ports))
        .put("replay", replay()))));
    child = startChild(dir, ports);

    try (ReplayTab tab = ReplayTab.open(client, nodes.get(0).httpPort())) {
      JsonObject started = joinOnceReplayAnswers(tab);
      assertThat(started.getString("event")).isEqualTo("stream_started");
      List<Long> seen = new ArrayList<>(tab.predictions(5));

      nodes.add(NodeFixture.start(config(roles("replay").put("cluster", cluster(ports.get(2), ports))
          .put("replay", replay()))));
      seen.addAll(tab.predictions(3));

      long killedAt = System.currentTimeMillis();
      child.destroyForcibly();
      long lastBefore = seen.get(seen.size() - 1);
      long firstAfterAt = -1;
      while (seen.get(seen.size() - 1) < lastBefore + 5) {
        seen.addAll(tab.predictions(1));
        if (firstAfterAt < 0 && seen.get(seen.size() - 1) > lastBefore + 1) {
          firstAfterAt = System.currentTimeMillis();
        }
      }
      assertThat(seen).as("rows across the kill").isEqualTo(ReplayNodeIT.range(1, seen.get(seen.size() - 1)));
      assertThat(firstAfterAt - killedAt).as("ms from kill to the next row from the new owner")
          .isLessThan(TAKEOVER_LIMIT_MS + DELAY_MAX_MS);
    }
  }

  /** The child only answers once it has joined the cluster; until then a join gets error unavailable. */
  private JsonObject joinOnceReplayAnswers(ReplayTab tab) {
    for (int i = 0; i < 300; i++) {
      JsonObject reply = tab.request("join_stream", new JsonObject().put("visitor_id", "v-killed"));
      if ("ack".equals(reply.getString("event"))) {
        return reply.getJsonObject("data").copy().put("event", "stream_started");
      }
      assertThat(reply.getJsonObject("data").getString("code")).as("%s", reply).isEqualTo("unavailable");
      await(client.timer(100));
    }
    throw new AssertionError("the replay node in the child process never answered");
  }

  private static Process startChild(Path dir, List<Integer> ports) throws IOException {
    String members = ports.stream().map(p -> "127.0.0.1:" + p).collect(Collectors.joining(", "));
    Path yaml = Files.writeString(dir.resolve("child.yaml"), """
        http: {host: 127.0.0.1, port: 0}
        cluster: {enabled: true, host: 127.0.0.1, port: %d, members: [%s]}
        roles: [replay]
        replay: {delay: {min_ms: 100, max_ms: %d}}
        config: {watch_interval_ms: 0}
        """.formatted(ports.get(1), members, DELAY_MAX_MS));
    String java = ProcessHandle.current().info().command().orElse("java");
    Path log = Path.of("target", "replay-takeover-child.log");
    return new ProcessBuilder(java, "-Xmx256m", "-jar", Path.of("target", "streamhub.jar").toString(),
        "--config", yaml.toString())
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }
}
