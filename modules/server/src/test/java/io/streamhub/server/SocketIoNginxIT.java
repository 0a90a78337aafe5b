package io.streamhub.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamhub.server.sio.SioClients;
import io.streamhub.server.sio.SioDriver;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * deploy/local-cluster.sh start 3 --nginx: three nodes (separate JVMs, the fat jar) behind nginx with plain
 * round-robin and no session affinity, driven by a polling-only socket.io-client.
 */
@DisplayName("Three nodes behind round-robin nginx, without sticky sessions")
class SocketIoNginxIT {

  static final Path ROOT = SioClients.dir().resolve("../../../../..").normalize();
  private static final Path RUN = ROOT.resolve("modules/server/target/nginx-cluster");
  private static Map<String, String> env;
  private static String url;

  /** The clients and nginx; skipped locally when missing, a failure on CI (see {@link SioClients}). */
  static void requireNginx() {
    SioClients.requireInstalled();
    if (!Files.isExecutable(Path.of("/usr/sbin/nginx"))) {
      String message = "nginx is not installed; run .ci/run's test dependencies step (apt-get install nginx)";
      if ("true".equals(System.getenv("CI"))) {
        Assertions.fail(message);
      }
      Assumptions.abort(message);
    }
  }

  @BeforeAll
  static void start() throws Exception {
    requireNginx();
    int lb = NodeFixture.freePort();
    env = Map.of("RUN_DIR", RUN.toString(), "LB_PORT", String.valueOf(lb),
        "HTTP_BASE_PORT", String.valueOf(freeRun()), "CLUSTER_BASE_PORT", String.valueOf(freeRun()),
        "STORE_PORT", String.valueOf(NodeFixture.freePort()), "JAVA_OPTS", "-Xmx384m -XX:+UseSerialGC",
        "STREAMHUB_SOCKETIO_RECOVERY_ENABLED", "true", "STREAMHUB_REPLAY_DELAY_MIN_MS", "20",
        "STREAMHUB_REPLAY_DELAY_MAX_MS", "40");
    script(env, "start", "3", "--nginx");
    url = "http://127.0.0.1:" + lb;
  }

  @AfterAll
  static void stop() throws Exception {
    if (env != null) {
      script(env, "stop");
    }
  }

  /** The first of three consecutive ports free right now. */
  static int freeRun() {
    for (int attempt = 0; attempt < 50; attempt++) {
      int base = 20_000 + (int) (Math.random() * 30_000);
      try (var a = new java.net.ServerSocket(base); var b = new java.net.ServerSocket(base + 1);
          var c = new java.net.ServerSocket(base + 2)) {
        return base;
      } catch (IOException taken) {
        // try another run of ports
      }
    }
    throw new IllegalStateException("no three consecutive free ports");
  }

  /** Runs deploy/local-cluster.sh with {@code environment}; it must succeed. */
  static void script(Map<String, String> environment, String... args) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(java.util.stream.Stream.concat(
        java.util.stream.Stream.of(ROOT.resolve("deploy/local-cluster.sh").toString()), java.util.Arrays.stream(args))
        .toList()).redirectErrorStream(true);
    builder.environment().putAll(environment);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(180, TimeUnit.SECONDS)).as("local-cluster.sh %s finished", args[0]).isTrue();
    assertThat(process.exitValue()).as("local-cluster.sh %s: %s", String.join(" ", args), output).isZero();
  }

  /** The upstream nodes nginx sent this session's polling requests to, from its access log. */
  private static Set<String> upstreamsOf(String sid) throws IOException {
    return Files.readAllLines(RUN.resolve("nginx-access.log")).stream()
        .filter(line -> line.contains("sid=" + sid))
        .map(line -> line.substring(line.indexOf("upstream=") + "upstream=".length()))
        .collect(Collectors.toSet());
  }

  @Test
  @DisplayName("A default client upgrades to WebSocket through the balancer, relayed to its session's node")
  void upgradeThroughRoundRobin() {
    try (SioDriver client = SioDriver.node(url).start()) {
      client.awaitConnect();
      assertThat(client.awaitType("upgrade").getString("transport")).isEqualTo("websocket");
      JsonObject joined = client.emitWithAck("join_stream", new JsonArray().add(new JsonObject()
          .put("visitor_id", "nginx-upgraded"))).getJsonObject(0);
      assertThat(joined.getString("stream_id")).isNotBlank();
      for (long seq = 1; seq <= 5; seq++) {
        assertThat(client.awaitEvent("prediction").getJsonArray("args").getJsonObject(0).getLong("seq"))
            .isEqualTo(seq);
      }
    }
  }

  @Test
  @DisplayName("A polling-only client streams, gets its acks and recovers after a cut, its requests spread over nodes")
  void pollingThroughRoundRobin() throws IOException {
    try (SioDriver client = SioDriver.node(url).transports("polling").reconnectionDelayMs(100).start()) {
      SocketIoRecoveryIT.recoversWithoutGap(client, "nginx-visitor");
      JsonObject subscribed = client.emitWithAck("subscribe", new JsonArray().add(new JsonObject()
          .put("room", "behind-nginx"))).getJsonObject(0);
      assertThat(subscribed.getBoolean("subscribed")).isTrue();
    }
    String log = Files.readString(RUN.resolve("nginx-access.log"));
    String sid = log.lines().filter(line -> line.matches(".*[?&]sid=.*")).findFirst().orElseThrow()
        .replaceAll(".*[?&]sid=([^& ]+).*", "$1");
    assertThat(upstreamsOf(sid)).as("nodes that served session %s", sid).hasSizeGreaterThan(1);
  }
}
