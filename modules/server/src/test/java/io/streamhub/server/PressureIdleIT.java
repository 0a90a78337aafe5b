package io.streamhub.server;

import static io.streamhub.server.NodeFixture.await;
import static io.streamhub.server.NodeFixture.config;
import static io.streamhub.server.NodeFixture.roles;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamhub.ingress.testing.WsClient;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("An idle pressure session")
class PressureIdleIT {

  private Vertx client;
  private Node node;

  @AfterEach
  void stop() {
    await(node.close());
    await(client.close());
  }

  @Test
  @DisplayName("ends after pressure.idle_timeout_ms: its device gets session_ended, and a later join continues the count")
  void endsWhenIdle() {
    client = Vertx.vertx();
    node = NodeFixture.start(config(roles("ingress", "stats", "persistence")
        .put("pressure", new JsonObject().put("idle_timeout_ms", 300))));
    try (WsClient device = WsClient.connect(client, node.httpPort())) {
      PressureNodeIT.request(device, 1, "join_session", new JsonObject().put("workout_id", "w-idle"));
      PressureNodeIT.request(device, 2, "pressure_frame", PressureNodeIT.frame("w-idle", PressureNodeIT.twoByTwo()));
      JsonObject ended;
      do {
        ended = device.next();
      } while (!"session_ended".equals(ended.getString("event")));
      assertThat(ended.getJsonObject("data").getLong("frame_count")).isEqualTo(1);
      assertThat(ended.getJsonObject("data").getString("reason")).isEqualTo("idle");

      JsonObject refused = PressureNodeIT.request(device, 3, "pressure_frame",
          PressureNodeIT.frame("w-idle", PressureNodeIT.twoByTwo()));
      assertThat(refused.getJsonObject("data").getString("code")).isEqualTo("not_joined");
      JsonObject rejoined = PressureNodeIT.request(device, 4, "join_session", new JsonObject().put("workout_id", "w-idle"));
      assertThat(rejoined.getJsonObject("data").getLong("frame_count")).isEqualTo(1);
    }
  }
}
