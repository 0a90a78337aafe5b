package io.streamhub.server;

import static io.streamhub.server.NodeFixture.await;
import static io.streamhub.server.NodeFixture.config;
import static io.streamhub.server.NodeFixture.roles;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamhub.server.sio.SioDriver;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Three clustered nodes embedding the README's chat namespace ({@link SocketIoEmbeddingIT#readmeExample}), behind
 * deploy/local-cluster.sh's round-robin nginx (no session affinity), driven by polling-only clients whose requests
 * spread over the three.
 */
@DisplayName("Application events through round-robin nginx over three embedded nodes")
class SocketIoNginxEmbeddedIT {

  private static final List<Node> NODES = new ArrayList<>();
  private static Map<String, String> env;
  private static String url;

  @BeforeAll
  static void start() throws Exception {
    SocketIoNginxIT.requireNginx();
    int base = SocketIoNginxIT.freeRun();
    List<JsonObject> cluster = NodeFixture.clusterOf(3);
    for (int i = 0; i < 3; i++) {
      NODES.add(await(Node.start(config(roles("ingress").put("cluster", cluster.get(i))
          .put("http", new JsonObject().put("host", "127.0.0.1").put("port", base + i))),
          SocketIoEmbeddingIT::readmeExample)));
    }
    int lb = NodeFixture.freePort();
    env = Map.of("RUN_DIR", SocketIoNginxIT.ROOT.resolve("modules/server/target/nginx-embedded").toString(),
        "LB_PORT", String.valueOf(lb), "HTTP_BASE_PORT", String.valueOf(base));
    SocketIoNginxIT.script(env, "nginx", "3");
    url = "http://127.0.0.1:" + lb;
  }

  @AfterAll
  static void stop() throws Exception {
    if (env != null) {
      SocketIoNginxIT.script(env, "stop");
    }
    for (int i = NODES.size() - 1; i >= 0; i--) {
      await(NODES.get(i).close());
    }
  }

  private static SioDriver client(SioDriver.Kind kind, String namespace) {
    return SioDriver.of(kind, url).namespace(namespace).transports("polling").start();
  }

  @ParameterizedTest
  @EnumSource(SioDriver.Kind.class)
  @DisplayName("A binary event, acks both ways and a cluster-wide room emit work across the balanced nodes")
  void applicationEvents(SioDriver.Kind kind) {
    byte[] bytes = "through nginx".getBytes(StandardCharsets.UTF_8);
    try (SioDriver client = client(kind, "/chat"); SioDriver other = client(SioDriver.Kind.NODE, "/chat")) {
      String id = client.awaitConnect().getString("id");
      other.awaitConnect();
      JsonArray echoed = client.emitWithAck("echo", new JsonArray().add(SioDriver.bin(bytes)));
      assertThat(SioDriver.bytes(echoed.getValue(0))).isEqualTo(bytes);

      client.replyTo("are_you_there", new JsonArray().add("here"));
      client.emit("ping_me", new JsonArray());
      assertThat(client.awaitEvent("pong").getJsonArray("args").getJsonArray(0))
          .isEqualTo(new JsonArray().add("here"));

      client.emit("say", new JsonArray().add("hi all"));
      assertThat(other.awaitEvent("said").getJsonArray("args")).isEqualTo(new JsonArray().add(id).add("hi all"));
    }
  }

  @ParameterizedTest
  @EnumSource(SioDriver.Kind.class)
  @DisplayName("A bad token gets a connect error through the balancer")
  void badToken(SioDriver.Kind kind) {
    try (SioDriver client = SioDriver.of(kind, url).transports("polling").reconnection(false)
        .auth(new JsonObject().put("token", "bad")).start()) {
      assertThat(client.awaitConnectError().getJsonObject("data").getString("code")).isEqualTo("unauthorized");
    }
  }
}
