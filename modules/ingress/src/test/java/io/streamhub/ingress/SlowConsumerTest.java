package io.streamhub.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamhub.ingress.protocol.CloseCodes;
import io.streamhub.ingress.testing.IngressFixture;
import io.streamhub.ingress.testing.WsClient;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class SlowConsumerTest {

  @Test
  @DisplayName("A subscriber that stops reading is closed with 4008 while a reading subscriber gets every message")
  void slowConsumerIsDisconnectedWithoutHurtingOthers(Vertx vertx) {
    int port = IngressFixture.deploy(vertx, new JsonObject().put("ws", new JsonObject()
        .put("max_message_bytes", 65536).put("max_pending_messages", 64)));
    try (WsClient slow = WsClient.connect(vertx, port); WsClient fast = WsClient.connect(vertx, port);
         WsClient publisher = WsClient.connect(vertx, port)) {
      slow.ok("subscribe", new JsonObject().put("room", "firehose"));
      fast.ok("subscribe", new JsonObject().put("room", "firehose"));
      slow.socket().pause();
      String blob = "z".repeat(60_000);
      int count = 400;
      for (int i = 1; i <= count; i++) {
        publisher.emit("publish", new JsonObject().put("room", "firehose").put("data", new JsonObject().put("blob", blob)));
      }
      for (int i = 1; i <= count; i++) {
        assertThat(fast.next("message").getLong("seq")).isEqualTo(i);
      }
      slow.socket().resume();
      assertThat(slow.awaitClose()).isEqualTo(CloseCodes.SLOW_CONSUMER);
    }
  }
}
