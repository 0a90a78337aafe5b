package io.streamhub.ingress.sio;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamhub.ingress.testing.IngressFixture;
import io.streamhub.ingress.testing.WsClient;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Connection state recovery on one node, on the wire: the client side is what socket.io-client 4.6+ does. */
@ExtendWith(VertxExtension.class)
class SocketIoRecoveryTest {

  private Vertx vertx;
  private int port;

  @BeforeEach
  void deploy(Vertx vertx) {
    this.vertx = vertx;
    port = IngressFixture.deploy(vertx, new JsonObject().put("socketio", new JsonObject().put("recovery",
        new JsonObject().put("enabled", true).put("max_buffered_packets", 5).put("max_disconnection_ms", 500))));
  }

  private void publish(WsClient publisher, int n) {
    publisher.ok("publish", new JsonObject().put("room", "feed").put("data", new JsonObject().put("n", n)));
  }

  @Test
  @DisplayName("A client that reconnects with its pid and offset gets its socket back and every event it missed")
  void recovers() {
    PollingClient first = new PollingClient(vertx, port);
    JsonObject ids = first.connect(new JsonObject());
    assertThat(ids.getString("pid")).isNotBlank();
    JsonArray connected = first.event();
    assertThat(connected.getString(0)).isEqualTo("connected");
    first.send("421[\"subscribe\",{\"room\":\"feed\"}]");
    assertThat(first.next()).startsWith("431[");
    try (WsClient publisher = WsClient.connect(vertx, port)) {
      publish(publisher, 1);
      JsonArray one = first.event();
      assertThat(one.getJsonObject(1).getJsonObject("data").getInteger("n")).isEqualTo(1);
      String offset = one.getString(2);

      first.send("1");
      publish(publisher, 2);
      publish(publisher, 3);

      PollingClient second = new PollingClient(vertx, port);
      JsonObject recovered = second.connect(new JsonObject().put("pid", ids.getString("pid")).put("offset", offset));
      assertThat(recovered.getString("sid")).isEqualTo(ids.getString("sid"));
      assertThat(recovered.getString("pid")).isEqualTo(ids.getString("pid"));
      assertThat(second.event().getJsonObject(1).getJsonObject("data").getInteger("n")).isEqualTo(2);
      assertThat(second.event().getJsonObject(1).getJsonObject("data").getInteger("n")).isEqualTo(3);
      publish(publisher, 4);
      assertThat(second.event().getJsonObject(1).getJsonObject("data").getInteger("n")).isEqualTo(4);
    }
  }

  @Test
  @DisplayName("A client that missed more events than are kept, or brings an unknown pid, gets a fresh socket")
  void freshWhenUnrecoverable() {
    PollingClient first = new PollingClient(vertx, port);
    JsonObject ids = first.connect(new JsonObject());
    String offset = first.event().getString(2);
    first.send("421[\"subscribe\",{\"room\":\"feed\"}]");
    first.next();
    first.send("1");
    try (WsClient publisher = WsClient.connect(vertx, port)) {
      for (int n = 1; n <= 6; n++) {
        publish(publisher, n);
      }
    }
    PollingClient late = new PollingClient(vertx, port);
    JsonObject fresh = late.connect(new JsonObject().put("pid", ids.getString("pid")).put("offset", offset));
    assertThat(fresh.getString("sid")).isNotEqualTo(ids.getString("sid"));
    assertThat(late.event().getString(0)).isEqualTo("connected");

    PollingClient stranger = new PollingClient(vertx, port);
    JsonObject other = stranger.connect(new JsonObject().put("pid", "nobody.1234").put("offset", "1"));
    assertThat(other.getString("sid")).isNotEqualTo(ids.getString("sid"));
  }

  @Test
  @DisplayName("A socket whose client stays away longer than max_disconnection_ms ends: a late client starts fresh")
  void expires() {
    PollingClient first = new PollingClient(vertx, port);
    JsonObject ids = first.connect(new JsonObject());
    String offset = first.event().getString(2);
    first.send("1");
    WsClient.waitMs(vertx, 1_000);
    PollingClient late = new PollingClient(vertx, port);
    JsonObject fresh = late.connect(new JsonObject().put("pid", ids.getString("pid")).put("offset", offset));
    assertThat(fresh.getString("sid")).isNotEqualTo(ids.getString("sid"));
  }
}
