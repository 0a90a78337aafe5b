package io.streamhub.ingress.auth;

import static io.streamhub.ingress.auth.AuthFixture.token;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamhub.contracts.Addresses;
import io.streamhub.contracts.FailureCodes;
import io.streamhub.contracts.replay.JoinStream;
import io.streamhub.ingress.testing.WsClient;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("The user of a connection, as other roles see it")
class UserIdentityTest {

  @Test
  @DisplayName("With auth.required.replay an authenticated join_stream carries the user's sub as user_id")
  void joinStreamCarriesUserId(Vertx vertx) {
    Promise<JoinStream> joined = Promise.promise();
    vertx.eventBus().<JsonObject>consumer(Addresses.REPLAY_STREAM_JOIN, m -> {
      joined.tryComplete(JoinStream.fromJson(m.body()));
      m.fail(FailureCodes.UNAVAILABLE, "stand-in replay role");
    });
    int port = AuthFixture.deploy(vertx, new JsonObject().put("required", new JsonObject().put("replay", true)));
    try (WsClient ws = AuthFixture.withHeader(vertx, port, token("alice", 600))) {
      ws.next("connected");
      ws.emit("join_stream", new JsonObject().put("visitor_id", "v1"));
      assertThat(WsClient.await(joined.future()).userId()).isEqualTo("alice");
    }
  }

  @Test
  @DisplayName("Presence of an open authenticated connection is announced again every presence_refresh_ms")
  void presenceRefresh(Vertx vertx) throws InterruptedException {
    LinkedBlockingQueue<JsonObject> presence = new LinkedBlockingQueue<>();
    WsClient.await(vertx.eventBus().<JsonObject>consumer(Addresses.DASHBOARD_PRESENCE, m -> presence.add(m.body()))
        .completion());
    int port = AuthFixture.deploy(vertx, new JsonObject().put("ws", new JsonObject()
        .put("presence_refresh_ms", 1000)));
    long start = System.currentTimeMillis();
    try (WsClient ws = AuthFixture.withHeader(vertx, port, token("erin", 600))) {
      String connectionId = ws.next("connected").getString("connection_id");
      for (int i = 0; i < 3; i++) {
        JsonObject announced = presence.poll(WsClient.TIMEOUT_S, TimeUnit.SECONDS);
        assertThat(announced).isNotNull();
        assertThat(announced.getString("user_id")).isEqualTo("erin");
        assertThat(announced.getString("connection_id")).isEqualTo(connectionId);
        assertThat(announced.getBoolean("online")).isTrue();
        assertThat(announced.getString("member_id")).isNotBlank();
      }
      assertThat(System.currentTimeMillis() - start).as("online, then two refreshes a period apart")
          .isGreaterThanOrEqualTo(1000);
    }
  }
}
