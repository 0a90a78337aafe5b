package io.streamhub.server;

import static io.streamhub.server.NodeFixture.await;
import static io.streamhub.server.NodeFixture.config;
import static io.streamhub.server.NodeFixture.get;
import static io.streamhub.server.NodeFixture.roles;
import static io.streamhub.server.NodeFixture.start;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamhub.contracts.Addresses;
import io.streamhub.contracts.config.ConfigLoader;
import io.streamhub.ingress.testing.WsClient;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Node (one node, not clustered)")
class NodeIT {

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
  @DisplayName("a node with ingress and persistence is healthy, ready once its store answers, and serves metrics")
  void ingressAndPersistence() {
    node = start(config(roles("ingress", "persistence")));

    assertThat(get(web, node.httpPort(), "/health").statusCode()).isEqualTo(200);
    HttpResponse<Buffer> ready = get(web, node.httpPort(), "/ready");
    assertThat(ready.statusCode()).as(ready.bodyAsString()).isEqualTo(200);
    assertThat(ready.bodyAsJsonObject().getJsonObject("checks"))
        .isEqualTo(new JsonObject().put("store", "ok").put("verticles", "ok"));
    HttpResponse<Buffer> metrics = get(web, node.httpPort(), "/metrics");
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.bodyAsString()).contains("vertx_http_server").contains("jvm_memory_used_bytes")
        .contains("streamhub_connections");
  }

  @Test
  @DisplayName("without a persistence node, /ready is 503 and says that no persistence node answers")
  void noPersistence() {
    node = start(config(roles("ingress")));

    HttpResponse<Buffer> ready = get(web, node.httpPort(), "/ready");
    assertThat(ready.statusCode()).isEqualTo(503);
    assertThat(ready.bodyAsJsonObject().getJsonObject("checks").getString("store"))
        .isEqualTo("no persistence node answers");
    assertThat(ready.bodyAsJsonObject().getJsonObject("checks").getString("verticles")).isEqualTo("ok");
  }

  @Test
  @DisplayName("a node without the ingress role serves only the ops endpoints")
  void opsOnly() {
    node = start(config(roles("persistence", "stats")));

    assertThat(get(web, node.httpPort(), "/health").statusCode()).isEqualTo(200);
    assertThat(get(web, node.httpPort(), "/ready").statusCode()).isEqualTo(200);
    assertThat(get(web, node.httpPort(), "/metrics").statusCode()).isEqualTo(200);
    assertThat(get(web, node.httpPort(), "/ws").statusCode()).isEqualTo(404);
  }

  @Test
  @DisplayName("a deployment that fails (HTTP port taken) fails the start with its cause")
  void deploymentFailure() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      JsonObject overrides = roles("persistence", "ingress")
          .put("http", new JsonObject().put("port", taken.getLocalPort()));

      Throwable failure = Node.start(config(overrides), List.of()).toCompletionStage().toCompletableFuture()
          .handle((n, e) -> e).join();

      assertThat(failure).isNotNull();
      assertThat(failure.getMessage()).containsIgnoringCase("address already in use");
    }
  }

  @Test
  @DisplayName("close stops the HTTP server, and closing again returns the same result")
  void close() {
    node = start(config(roles("ingress", "persistence")));
    int port = node.httpPort();

    await(node.close());

    assertThat(node.close().succeeded()).isTrue();
    Throwable refused = web.get(port, "127.0.0.1", "/health").send().toCompletionStage().toCompletableFuture()
        .handle((r, e) -> e).join();
    assertThat(refused).isNotNull();
    node = null;
  }

  @Test
  @DisplayName("a graceful stop closes open WebSockets with 1001 (going away) so clients reconnect elsewhere")
  void closeSaysGoingAway() {
    node = start(config(roles("ingress", "persistence")));
    WsClient ws = WsClient.connect(client, node.httpPort());

    await(node.close());
    node = null;

    assertThat(ws.awaitClose()).isEqualTo((short) 1001);
    ws.close();
  }

  @Test
  @DisplayName("an edit of a watched config file reaches the node as config.changed")
  void watchesConfigFiles(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("node.yaml"), """
        http: {host: 127.0.0.1, port: 0}
        roles: [ingress, persistence]
        config: {watch_interval_ms: 20}
        """);
    node = await(Node.start(ConfigLoader.load(List.of(file), Map.of()), List.of(file)));
    Promise<JsonObject> changed = Promise.promise();
    node.vertx().eventBus().<JsonObject>localConsumer(Addresses.CONFIG_CHANGED, m -> changed.tryComplete(m.body()));

    Files.writeString(file, Files.readString(file) + "ws: {max_message_bytes: 2048}\n");

    assertThat(await(changed.future()).getJsonObject("ws").getInteger("max_message_bytes")).isEqualTo(2048);
  }
}
