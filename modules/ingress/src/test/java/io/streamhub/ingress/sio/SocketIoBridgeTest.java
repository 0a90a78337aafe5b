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

/** Connection state recovery when the client comes back on another node (two ingress instances, one event bus). */
@ExtendWith(VertxExtension.class)
class SocketIoBridgeTest {

  private Vertx vertx;
  private int first;
  private int second;

  @BeforeEach
  void deploy(Vertx vertx) {
    this.vertx = vertx;
    JsonObject recovery = new JsonObject().put("socketio", new JsonObject().put("recovery",
        new JsonObject().put("enabled", true)));
    first = IngressFixture.deploy(vertx, recovery);
    second = IngressFixture.deploy(vertx, recovery);
  }

  private static int n(JsonArray message) {
    return message.getJsonObject(1).getJsonObject("data").getInteger("n");
  }

  @Test
  @DisplayName("A socket recovered on another node keeps its rooms: missed and live events arrive, requests still work")
  void recoversAcrossNodes() {
    PollingClient before = new PollingClient(vertx, first);
    JsonObject ids = before.connect(new JsonObject());
    String offset = before.event().getString(2);
    before.send("421[\"subscribe\",{\"room\":\"feed\"}]");
    assertThat(before.next()).startsWith("431[");
    before.send("1");
    try (WsClient publisher = WsClient.connect(vertx, first)) {
      publisher.ok("publish", new JsonObject().put("room", "feed").put("data", new JsonObject().put("n", 1)));

      PollingClient after = new PollingClient(vertx, second);
      JsonObject recovered = after.connect(new JsonObject().put("pid", ids.getString("pid")).put("offset", offset));
      assertThat(recovered.getString("sid")).isEqualTo(ids.getString("sid"));
      assertThat(n(after.event())).isEqualTo(1);

      publisher.ok("publish", new JsonObject().put("room", "feed").put("data", new JsonObject().put("n", 2)));
      JsonArray live = after.event();
      assertThat(n(live)).isEqualTo(2);

      after.send("422[\"subscribe\",{\"room\":\"second-room\"}]");
      assertThat(after.next()).isEqualTo("432[{\"room\":\"second-room\",\"subscribed\":true}]");
      publisher.ok("publish", new JsonObject().put("room", "second-room").put("data", new JsonObject().put("n", 3)));
      assertThat(n(after.event())).isEqualTo(3);

      after.send("1");
      publisher.ok("publish", new JsonObject().put("room", "feed").put("data", new JsonObject().put("n", 4)));
      PollingClient third = new PollingClient(vertx, first);
      JsonObject again = third.connect(new JsonObject().put("pid", ids.getString("pid"))
          .put("offset", live.getString(2)));
      assertThat(again.getString("sid")).isEqualTo(ids.getString("sid"));
      assertThat(n(third.event())).isEqualTo(3);
      assertThat(n(third.event())).isEqualTo(4);
    }
  }
}
