package io.streamhub.ingress.sio;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamhub.ingress.testing.IngressFixture;
import io.streamhub.ingress.testing.WsClient;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Two ingress instances on one event bus, as two nodes behind a round-robin balancer without session affinity. */
@ExtendWith(VertxExtension.class)
class SocketIoForwardingTest {

  private int first;
  private int second;
  private Vertx vertx;

  @BeforeEach
  void deploy(Vertx vertx) {
    this.vertx = vertx;
    first = IngressFixture.deploy(vertx, new JsonObject());
    second = IngressFixture.deploy(vertx, new JsonObject());
  }

  @Test
  @DisplayName("Polling requests alternating between two nodes all reach the session on the node that holds it")
  void alternatingRequests() {
    PollingClient client = new PollingClient(vertx, first, second);
    client.open();
    client.send("40");
    assertThat(client.next()).startsWith("40{\"sid\"");
    assertThat(client.next()).startsWith("42[\"connected\"");
    for (int i = 1; i <= 4; i++) {
      client.send("42" + i + "[\"subscribe\",{\"room\":\"r" + i + "\"}]");
      assertThat(new JsonArray(client.next().substring(2 + String.valueOf(i).length())).getJsonObject(0))
          .isEqualTo(new JsonObject().put("room", "r" + i).put("subscribed", true));
    }
  }

  @Test
  @DisplayName("A poll held through a node that does not hold the session is answered when the session has a packet")
  void heldPollThroughAnotherNode() {
    PollingClient client = new PollingClient(vertx, first, second, first);
    client.open();
    Future<HttpResponse<Buffer>> held = client.pollAsync();
    client.send("40");
    HttpResponse<Buffer> answer = WsClient.await(held);
    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.bodyAsString()).startsWith("40{\"sid\"");
  }

  @Test
  @DisplayName("A WebSocket upgrade reaching the other node is relayed: probe, upgrade, then requests over it")
  void upgradeThroughAnotherNode() throws Exception {
    PollingClient client = new PollingClient(vertx, first);
    client.open();
    client.send("40");
    client.next();
    client.next();
    java.util.concurrent.LinkedBlockingQueue<String> frames = new java.util.concurrent.LinkedBlockingQueue<>();
    io.vertx.core.http.WebSocket ws = WsClient.await(vertx.createWebSocketClient().connect(second, "127.0.0.1",
        "/socket.io/?EIO=4&transport=websocket&sid=" + client.sid()));
    ws.textMessageHandler(frames::add);
    ws.writeTextMessage("2probe");
    assertThat(frames.poll(10, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo("3probe");
    ws.writeTextMessage("5");
    ws.writeTextMessage("421[\"subscribe\",{\"room\":\"relayed\"}]");
    String frame = frames.poll(10, java.util.concurrent.TimeUnit.SECONDS);
    while ("6".equals(frame)) {
      frame = frames.poll(10, java.util.concurrent.TimeUnit.SECONDS);
    }
    assertThat(frame).isEqualTo("431[{\"room\":\"relayed\",\"subscribed\":true}]");
    ws.close();
  }

  @Test
  @DisplayName("A session id naming a node that is gone, or none, is answered as an unknown session")
  void goneNode() {
    PollingClient client = new PollingClient(vertx, first);
    HttpResponse<Buffer> gone = client.get("EIO=4&transport=polling&sid=no-such-member.abcdefghijklmnopqrst");
    assertThat(gone.statusCode()).isEqualTo(400);
    assertThat(gone.bodyAsJsonObject().getInteger("code")).isEqualTo(1);
    HttpResponse<Buffer> none = client.post("EIO=4&transport=polling&sid=plain", "40");
    assertThat(none.statusCode()).isEqualTo(400);
    assertThat(none.bodyAsJsonObject().getInteger("code")).isEqualTo(1);
  }
}
