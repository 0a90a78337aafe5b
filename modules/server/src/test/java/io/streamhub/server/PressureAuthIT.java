package io.streamhub.server;

import static io.streamhub.server.NodeFixture.await;
import static io.streamhub.server.NodeFixture.config;
import static io.streamhub.server.NodeFixture.roles;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamhub.contracts.config.StreamhubConfig;
import io.streamhub.ingress.auth.TokenIssuer;
import io.streamhub.ingress.auth.TokenVerifier;
import io.streamhub.ingress.testing.WsClient;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Pressure sessions with auth.required.pressure: a workout belongs to the user who created it")
class PressureAuthIT {

  private static final String SECRET = "0123456789abcdef0123456789abcdef";

  private Vertx client;
  private WebClient web;
  private Node node;
  private int port;
  private TokenIssuer issuer;
  private StreamhubConfig config;
  @TempDir
  Path data;

  @BeforeEach
  void start() {
    client = Vertx.vertx();
    web = WebClient.create(client);
    JsonObject overrides = roles("ingress", "stats", "persistence").put("auth", new JsonObject()
        .put("jwt", new JsonObject().put("secret", SECRET)).put("dev_login", new JsonObject().put("enabled", false))
        .put("required", new JsonObject().put("pressure", true)))
        .put("mongo", new JsonObject().put("embedded", new JsonObject().put("data_dir", data.toString())));
    config = config(overrides);
    node = NodeFixture.start(config);
    port = node.httpPort();
    issuer = await(TokenVerifier.create(client, config.auth())).issuer().orElseThrow();
  }

  @AfterEach
  void stop() {
    await(node.close());
    await(client.close());
  }

  private String token(String sub) {
    return issuer.issue(sub, Duration.ofMinutes(10));
  }

  private WsClient device(String sub) {
    WsClient ws = WsClient.open(client, port, o -> o.addHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token(sub)));
    assertThat(ws.next("connected").getString("user_id")).isEqualTo(sub);
    return ws;
  }

  private HttpResponse<Buffer> http(HttpMethod method, String path, String sub, String body) {
    HttpRequest<Buffer> request = web.request(method, port, "127.0.0.1", path);
    if (sub != null) {
      request.putHeader(HttpHeaders.AUTHORIZATION.toString(), "Bearer " + token(sub));
    }
    return await(body == null ? request.send() : request.sendBuffer(Buffer.buffer(body)));
  }

  @Test
  @DisplayName("Over the WebSocket another user can neither join the workout nor subscribe to its room")
  void webSocketOwnership() {
    try (WsClient alice = device("alice"); WsClient bob = device("bob")) {
      alice.emit("join_session", new JsonObject().put("workout_id", "w-own"));
      assertThat(alice.next("session_joined").getString("workout_id")).isEqualTo("w-own");
      JsonObject refused = bob.request("join_session", new JsonObject().put("workout_id", "w-own"))
          .getJsonObject("data");
      assertThat(refused.getString("code")).isEqualTo("forbidden");
      assertThat(refused.getString("message")).contains("w-own");
      assertThat(alice.ok("subscribe", new JsonObject().put("room", "workout.w-own")).getBoolean("subscribed"))
          .isTrue();
      assertThat(bob.request("subscribe", new JsonObject().put("room", "workout.w-own")).getJsonObject("data")
          .getString("code")).isEqualTo("forbidden");
      bob.emit("join_session", new JsonObject().put("workout_id", "w-bob"));
      assertThat(bob.next("session_joined").getString("workout_id")).isEqualTo("w-bob");
    }
  }

  @Test
  @DisplayName("Over REST the owner reads its session, another user gets 403 and a caller without a token 401")
  void restOwnership() {
    HttpResponse<Buffer> joined = http(HttpMethod.POST, "/api/v1/sessions/w-rest", "alice", null);
    assertThat(joined.statusCode()).as(joined.bodyAsString()).isEqualTo(200);
    HttpResponse<Buffer> own = http(HttpMethod.GET, "/api/v1/sessions/w-rest", "alice", null);
    assertThat(own.statusCode()).isEqualTo(200);
    assertThat(own.bodyAsJsonObject().getString("owner_sub")).isEqualTo("alice");

    HttpResponse<Buffer> other = http(HttpMethod.GET, "/api/v1/sessions/w-rest", "bob", null);
    assertThat(other.statusCode()).isEqualTo(403);
    assertThat(other.bodyAsJsonObject().getJsonObject("error").getString("code")).isEqualTo("forbidden");
    assertThat(http(HttpMethod.GET, "/api/v1/sessions/w-rest/frames", "bob", null).statusCode()).isEqualTo(403);
    assertThat(http(HttpMethod.POST, "/api/v1/sessions/w-rest/frames", "bob", "{}").statusCode()).isEqualTo(403);
    assertThat(http(HttpMethod.POST, "/api/v1/sessions/w-rest", "bob", null).statusCode()).isEqualTo(403);

    HttpResponse<Buffer> anonymous = http(HttpMethod.GET, "/api/v1/sessions/w-rest", null, null);
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.bodyAsJsonObject().getJsonObject("error").getString("code")).isEqualTo("unauthorized");
    assertThat(http(HttpMethod.POST, "/api/v1/sessions/w-new", null, null).statusCode()).isEqualTo(401);
  }

  @Test
  @DisplayName("The owner is stored with the session and still guards it after the node restarts")
  void ownerSurvivesRestart() {
    assertThat(http(HttpMethod.POST, "/api/v1/sessions/w-kept", "alice", null).statusCode()).isEqualTo(200);
    await(node.close());
    node = NodeFixture.start(config);
    port = node.httpPort();
    HttpResponse<Buffer> own = http(HttpMethod.GET, "/api/v1/sessions/w-kept", "alice", null);
    assertThat(own.statusCode()).as(own.bodyAsString()).isEqualTo(200);
    assertThat(own.bodyAsJsonObject().getString("owner_sub")).isEqualTo("alice");
    try (WsClient bob = device("bob")) {
      assertThat(bob.request("join_session", new JsonObject().put("workout_id", "w-kept")).getJsonObject("data")
          .getString("code")).isEqualTo("forbidden");
    }
    assertThat(http(HttpMethod.POST, "/api/v1/sessions/w-kept", "alice", null).statusCode()).isEqualTo(200);
  }

  @Test
  @DisplayName("The list of stored workouts shows a user only its own; without a token it is 401")
  void listIsPerOwner() {
    assertThat(http(HttpMethod.POST, "/api/v1/sessions/w-alice-b", "alice", null).statusCode()).isEqualTo(200);
    assertThat(http(HttpMethod.POST, "/api/v1/sessions/w-bob-1", "bob", null).statusCode()).isEqualTo(200);
    assertThat(http(HttpMethod.POST, "/api/v1/sessions/w-alice-a", "alice", null).statusCode()).isEqualTo(200);

    HttpResponse<Buffer> alice = http(HttpMethod.GET, "/api/v1/sessions?limit=10", "alice", null);
    assertThat(alice.statusCode()).as(alice.bodyAsString()).isEqualTo(200);
    assertThat(alice.bodyAsJsonObject().getJsonArray("sessions").stream()
        .map(s -> ((JsonObject) s).getString("workout_id")).toList()).containsExactly("w-alice-a", "w-alice-b");
    HttpResponse<Buffer> bob = http(HttpMethod.GET, "/api/v1/sessions", "bob", null);
    assertThat(bob.bodyAsJsonObject().getJsonArray("sessions").stream()
        .map(s -> ((JsonObject) s).getString("workout_id")).toList()).containsExactly("w-bob-1");

    HttpResponse<Buffer> anonymous = http(HttpMethod.GET, "/api/v1/sessions", null, null);
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.bodyAsJsonObject().getJsonObject("error").getString("code")).isEqualTo("unauthorized");
  }
}
