package io.streamhub.server;

import static io.streamhub.server.NodeFixture.await;
import static io.streamhub.server.NodeFixture.config;
import static io.streamhub.server.NodeFixture.freePort;
import static io.streamhub.server.NodeFixture.roles;
import static io.streamhub.server.NodeFixture.start;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamhub.ingress.testing.WsClient;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/** Three clustered nodes in this JVM: the first has ingress and persistence, the other two only ingress. */
@DisplayName("A three-member cluster")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(OrderAnnotation.class)
class ClusterIT {

  private final List<Node> nodes = new ArrayList<>();
  private Vertx client;
  private WebClient web;

  @BeforeAll
  void startCluster() {
    client = Vertx.vertx();
    web = WebClient.create(client);
    List<Integer> ports = List.of(freePort(), freePort(), freePort());
    JsonArray members = new JsonArray();
    ports.forEach(port -> members.add("127.0.0.1:" + port));
    for (int i = 0; i < ports.size(); i++) {
      JsonObject cluster = new JsonObject().put("enabled", true).put("host", "127.0.0.1").put("port", ports.get(i))
          .put("members", members);
      JsonObject overrides = i == 0 ? roles("ingress", "persistence") : roles("ingress");
      nodes.add(start(config(overrides.put("cluster", cluster))));
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
  @Order(1)
  @DisplayName("every member becomes ready: the persistence member answers the store ping for all of them")
  void everyMemberIsReady() {
    for (Node node : nodes) {
      JsonObject checks = awaitReadiness(node, r -> r.statusCode() == 200).bodyAsJsonObject().getJsonObject("checks");
      assertThat(checks).isEqualTo(new JsonObject().put("cluster", "ok").put("store", "ok").put("verticles", "ok"));
    }
  }

  @Test
  @Order(2)
  @DisplayName("a message published over HTTP on one member reaches a WebSocket subscriber on another")
  void publishCrossesMembers() {
    try (WsClient subscriber = WsClient.connect(client, nodes.get(2).httpPort())) {
      subscriber.ok("subscribe", new JsonObject().put("room", "cluster-it"));

      HttpResponse<Buffer> published = await(web.post(nodes.get(1).httpPort(), "127.0.0.1",
          "/api/v1/rooms/cluster-it/publish").sendJsonObject(new JsonObject().put("text", "hello")));

      assertThat(published.statusCode()).as(published.bodyAsString()).isEqualTo(200);
      assertThat(subscriber.next("message")).isEqualTo(new JsonObject().put("room", "cluster-it").put("seq", 1L)
          .put("data", new JsonObject().put("text", "hello")));
    }
  }

  @Test
  @Order(3)
  @DisplayName("a subscribe acknowledged on one member receives a publish made right after on another")
  void subscribeAckHolds() {
    for (int round = 0; round < 20; round++) {
      String room = "ack-holds-" + round;
      try (WsClient subscriber = WsClient.connect(client, nodes.get(2).httpPort());
          WsClient publisher = WsClient.connect(client, nodes.get(0).httpPort())) {
        subscriber.ok("subscribe", new JsonObject().put("room", room));
        publisher.ok("publish", new JsonObject().put("room", room).put("data", new JsonObject().put("round", round)));
        assertThat(subscriber.next("message").getJsonObject("data").getInteger("round")).isEqualTo(round);
      }
    }
  }

  @Test
  @Order(4)
  @DisplayName("two publishers on two members: seq runs 1..N without gap, and each publisher's messages keep their order")
  void twoPublishersKeepOrder() {
    int perPublisher = 200;
    try (WsClient subscriber = WsClient.connect(client, nodes.get(2).httpPort());
        WsClient a = WsClient.connect(client, nodes.get(0).httpPort());
        WsClient b = WsClient.connect(client, nodes.get(1).httpPort())) {
      subscriber.ok("subscribe", new JsonObject().put("room", "two-publishers"));
      for (int i = 0; i < perPublisher; i++) {
        a.emit("publish", new JsonObject().put("room", "two-publishers").put("data", new JsonObject().put("a", i)));
        b.emit("publish", new JsonObject().put("room", "two-publishers").put("data", new JsonObject().put("b", i)));
      }
      List<Integer> fromA = new ArrayList<>();
      List<Integer> fromB = new ArrayList<>();
      for (long seq = 1; seq <= 2L * perPublisher; seq++) {
        JsonObject message = subscriber.next("message");
        assertThat(message.getLong("seq")).isEqualTo(seq);
        JsonObject data = message.getJsonObject("data");
        (data.containsKey("a") ? fromA : fromB).add(data.containsKey("a") ? data.getInteger("a") : data.getInteger("b"));
      }
      assertThat(fromA).isSorted().hasSize(perPublisher);
      assertThat(fromB).isSorted().hasSize(perPublisher);
    }
  }

  @Test
  @Order(5)
  @DisplayName("when the persistence member leaves, the others report that no persistence node answers")
  void persistenceMemberLeaves() {
    await(nodes.remove(0).close());

    HttpResponse<Buffer> ready = awaitReadiness(nodes.get(0),
        r -> "no persistence node answers".equals(r.bodyAsJsonObject().getJsonObject("checks").getString("store")));
    assertThat(ready.statusCode()).isEqualTo(503);
  }

  /** Asks /ready until the answer matches (membership and partitions settle asynchronously). */
  private HttpResponse<Buffer> awaitReadiness(Node node, Predicate<HttpResponse<Buffer>> until) {
    long deadline = System.currentTimeMillis() + TimeUnit.SECONDS.toMillis(NodeFixture.TIMEOUT_S - 5);
    return await(poll(node.httpPort(), until, deadline));
  }

  private Future<HttpResponse<Buffer>> poll(int port, Predicate<HttpResponse<Buffer>> until, long deadline) {
    return web.get(port, "127.0.0.1", "/ready").send().compose(response -> until.test(response)
        || System.currentTimeMillis() > deadline
        ? Future.succeededFuture(response)
        : client.timer(100).compose(t -> poll(port, until, deadline)));
  }
}
