package io.streamhub.ingress.auth;

import static io.streamhub.ingress.auth.AuthFixture.claims;
import static io.streamhub.ingress.auth.AuthFixture.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamhub.ingress.protocol.CloseCodes;
import io.streamhub.ingress.testing.WsClient;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.security.KeyPair;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@ExtendWith(VertxExtension.class)
@DisplayName("Authentication on the JSON WebSocket")
class WsAuthenticationTest {

  private Vertx vertx;
  private int port;

  @BeforeEach
  void deploy(Vertx vertx) {
    this.vertx = vertx;
    port = AuthFixture.deploy(vertx, new JsonObject().put("ws", new JsonObject().put("auth_deadline_ms", 300)
        .put("allowed_origins", new io.vertx.core.json.JsonArray().add("https://app.example"))));
  }

  private static void assertAuthenticated(WsClient ws, String sub) {
    JsonObject connected = ws.next("connected");
    assertThat(connected.getString("status")).isEqualTo("success");
    assertThat(connected.getString("user_id")).isEqualTo(sub);
    assertThat(connected.getString("connection_id")).isNotBlank();
  }

  @Test
  @DisplayName("A token in the Authorization header authenticates the connection at once")
  void headerToken() {
    try (WsClient ws = AuthFixture.withHeader(vertx, port, token("alice", 600))) {
      assertAuthenticated(ws, "alice");
      assertThat(ws.ok("subscribe", new JsonObject().put("room", "lobby")).getBoolean("subscribed")).isTrue();
    }
  }

  @Test
  @DisplayName("A token in the token query parameter authenticates the connection at once")
  void queryToken() {
    try (WsClient ws = AuthFixture.withQuery(vertx, port, token("bob", 600))) {
      assertAuthenticated(ws, "bob");
    }
  }

  @Test
  @DisplayName("A first message auth {token} authenticates an anonymous connection: ack, then connected with user_id")
  void firstMessageToken() {
    try (WsClient ws = AuthFixture.anonymous(vertx, port)) {
      assertThat(ws.next("connected").containsKey("user_id")).isFalse();
      ws.sendText(new JsonObject().put("event", "auth").put("data", new JsonObject().put("token",
          token("carol", 600))).put("ack", 1).encode());
      assertAuthenticated(ws, "carol");
      assertThat(ws.next("ack").getString("user_id")).isEqualTo("carol");
    }
  }

  static Stream<Arguments> refusedTokens() {
    KeyPair rsa = Tokens.rsa(2048);
    Map<String, Supplier<String>> cases = Map.of(
        "expired", () -> token("alice", -10),
        "tampered", () -> {
          String good = token("alice", 600);
          String[] parts = good.split("\\.");
          return parts[0] + "." + Tokens.b64(claims("mallory", 600)) + "." + parts[2];
        },
        "alg none", () -> Tokens.unsigned("none", claims("alice", 600)),
        "wrong issuer", () -> Tokens.hs256(claims("alice", 600).put("iss", "https://other.test")),
        "wrong audience", () -> Tokens.hs256(claims("alice", 600).put("aud", "someone-else")),
        "wrong key type", () -> Tokens.signed("RS256", rsa.getPrivate(), null, claims("alice", 600)),
        "missing", () -> "");
    return cases.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue().get(),
        e.getKey().equals("expired") ? "token_expired" : "unauthorized"));
  }

  @ParameterizedTest(name = "{0} token on the upgrade")
  @MethodSource("refusedTokens")
  @DisplayName("A refused token on the upgrade gets an error with its code, then close 4401, before any connected")
  void refusedOnUpgrade(String name, String token, String code) {
    try (WsClient ws = AuthFixture.withHeader(vertx, port, token)) {
      JsonObject error = ws.next("error");
      assertThat(error.getString("code")).as(name).isEqualTo(code);
      assertThat(error.getString("message")).isNotBlank().doesNotContain(token.isEmpty() ? "\u0000" : token);
      assertThat(ws.awaitClose()).isEqualTo(CloseCodes.UNAUTHORIZED);
    }
  }

  @ParameterizedTest(name = "{0} token in auth")
  @MethodSource("refusedTokens")
  @DisplayName("A refused token in auth gets an error with its code and the ack, then close 4401")
  void refusedInAuthMessage(String name, String token, String code) {
    try (WsClient ws = AuthFixture.anonymous(vertx, port)) {
      ws.next("connected");
      JsonObject reply = ws.request("auth", new JsonObject().put("token", token));
      assertThat(reply.getString("event")).isEqualTo("error");
      assertThat(reply.getJsonObject("data").getString("code")).as(name).isEqualTo(code);
      assertThat(ws.awaitClose()).isEqualTo(CloseCodes.UNAUTHORIZED);
    }
  }

  @Test
  @DisplayName("auth without a token field is an invalid_field error naming it, and the connection stays")
  void authWithoutTokenField() {
    try (WsClient ws = AuthFixture.anonymous(vertx, port)) {
      ws.next("connected");
      JsonObject error = ws.request("auth", new JsonObject()).getJsonObject("data");
      assertThat(error.getString("code")).isEqualTo("invalid_field");
      assertThat(error.getString("message")).contains("token");
      assertThat(ws.ok("subscribe", new JsonObject().put("room", "lobby")).getBoolean("subscribed")).isTrue();
    }
  }

  @Test
  @DisplayName("After auth.ws.auth_deadline_ms an anonymous connection stays anonymous: auth is refused, it stays open")
  void deadline() {
    try (WsClient ws = AuthFixture.anonymous(vertx, port)) {
      ws.next("connected");
      WsClient.waitMs(vertx, 600);
      JsonObject error = ws.request("auth", new JsonObject().put("token", token("alice", 600)))
          .getJsonObject("data");
      assertThat(error.getString("code")).isEqualTo("unauthorized");
      assertThat(error.getString("message")).contains("auth_deadline_ms");
      assertThat(ws.ok("subscribe", new JsonObject().put("room", "lobby")).getBoolean("subscribed")).isTrue();
    }
  }

  @Test
  @DisplayName("A browser Origin outside auth.ws.allowed_origins is refused with 403 before the upgrade")
  void originRefused() {
    assertThatThrownBy(() -> WsClient.open(vertx, port, o -> o.setAllowOriginHeader(true)
        .addHeader(HttpHeaders.ORIGIN, "https://evil.example")))
        .isInstanceOfSatisfying(UpgradeRejectedException.class, e -> assertThat(e.getStatus()).isEqualTo(403));
    try (WsClient ws = WsClient.open(vertx, port, o -> o.setAllowOriginHeader(true)
        .addHeader(HttpHeaders.ORIGIN, "https://app.example"))) {
      ws.sendText(new JsonObject().put("event", "subscribe").put("data", new JsonObject().put("room", "lobby"))
          .put("ack", 1).encode());
      JsonObject frame;
      do {
        frame = ws.next();
      } while (!Long.valueOf(1).equals(frame.getLong("ack")));
      assertThat(frame.getString("event")).as("%s", frame).isEqualTo("ack");
    }
  }
}
