package io.streamhub.ingress.auth;

import static io.streamhub.ingress.auth.AuthFixture.token;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamhub.ingress.protocol.CloseCodes;
import io.streamhub.ingress.testing.WsClient;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("Token expiry and refresh on a live WebSocket")
class WsExpiryTest {

  private Vertx vertx;
  private int port;

  @BeforeEach
  void deploy(Vertx vertx) {
    this.vertx = vertx;
    port = AuthFixture.deploy(vertx, new JsonObject().put("expiring_notice_s", 1));
  }

  @Test
  @DisplayName("expiring {in_s} comes before exp, then error token_expired and close 4401 at exp")
  void expiresAndCloses() {
    try (WsClient ws = AuthFixture.withHeader(vertx, port, token("alice", 2))) {
      ws.next("connected");
      assertThat(ws.next("expiring").getLong("in_s")).isBetween(0L, 1L);
      assertThat(ws.next("error").getString("code")).isEqualTo("token_expired");
      assertThat(ws.awaitClose()).isEqualTo(CloseCodes.UNAUTHORIZED);
    }
  }

  @Test
  @DisplayName("refresh_token with a later token of the same sub keeps the connection open past the first exp")
  void refreshExtends() {
    long start = System.currentTimeMillis();
    try (WsClient ws = AuthFixture.withHeader(vertx, port, token("alice", 2))) {
      ws.next("connected");
      JsonObject ack = ws.ok("refresh_token", new JsonObject().put("token", token("alice", 5)));
      assertThat(ack.getString("user_id")).isEqualTo("alice");
      assertThat(ws.next("expiring").getLong("in_s")).isBetween(0L, 1L);
      assertThat(ws.next("error").getString("code")).isEqualTo("token_expired");
      assertThat(ws.awaitClose()).isEqualTo(CloseCodes.UNAUTHORIZED);
      assertThat(System.currentTimeMillis() - start).as("closed at the new exp, not the first").isGreaterThan(3000);
    }
  }

  @Test
  @DisplayName("refresh_token for another sub is forbidden, a bad one unauthorized; the connection stays")
  void refreshRefusals() {
    try (WsClient ws = AuthFixture.withHeader(vertx, port, token("alice", 600))) {
      ws.next("connected");
      JsonObject other = ws.request("refresh_token", new JsonObject().put("token", token("bob", 900)));
      assertThat(other.getJsonObject("data").getString("code")).isEqualTo("forbidden");
      JsonObject bad = ws.request("refresh_token", new JsonObject().put("token", token("alice", 900) + "x"));
      assertThat(bad.getJsonObject("data").getString("code")).isEqualTo("unauthorized");
      JsonObject earlier = ws.request("refresh_token", new JsonObject().put("token", token("alice", 300)));
      assertThat(earlier.getJsonObject("data").getString("code")).isEqualTo("invalid_field");
      assertThat(ws.ok("subscribe", new JsonObject().put("room", "lobby")).getBoolean("subscribed")).isTrue();
    }
  }

  @Test
  @DisplayName("refresh_token on an anonymous connection is unauthorized and the connection stays")
  void refreshAnonymous() {
    try (WsClient ws = AuthFixture.anonymous(vertx, port)) {
      ws.next("connected");
      JsonObject reply = ws.request("refresh_token", new JsonObject().put("token", token("alice", 600)));
      assertThat(reply.getJsonObject("data").getString("code")).isEqualTo("unauthorized");
      assertThat(ws.ok("subscribe", new JsonObject().put("room", "lobby")).getBoolean("subscribed")).isTrue();
    }
  }
}
