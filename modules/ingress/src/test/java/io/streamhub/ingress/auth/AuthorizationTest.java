package io.streamhub.ingress.auth;

import static io.streamhub.ingress.auth.AuthFixture.token;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamhub.contracts.Addresses;
import io.streamhub.contracts.rooms.UserRoom;
import io.streamhub.ingress.testing.WsClient;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("Per-user rooms, room rules, user push and presence")
class AuthorizationTest {

  private Vertx vertx;
  private int port;

  @BeforeEach
  void deploy(Vertx vertx) {
    this.vertx = vertx;
    JsonArray rules = new JsonArray().add(new JsonObject().put("pattern", "user.*")
        .put("actions", new JsonArray().add("publish")).put("claims", new JsonObject().put("role", "backend")));
    port = AuthFixture.deploy(vertx, new JsonObject().put("rooms", new JsonObject().put("rules", rules))
        .put("required", new JsonObject().put("pressure", true).put("replay", true)));
  }

  private HttpResponse<Buffer> publish(String room, String token) {
    HttpRequest<Buffer> request = WebClient.create(vertx).post(port, "127.0.0.1", "/api/v1/rooms/" + room + "/publish");
    if (token != null) {
      request.putHeader(HttpHeaders.AUTHORIZATION.toString(), "Bearer " + token);
    }
    return WsClient.await(request.sendBuffer(Buffer.buffer("{\"n\":1}")));
  }

  @Test
  @DisplayName("A user sits in its own room at once; another user's room is forbidden, anonymous ones unauthorized")
  void userRoomIsolation() {
    try (WsClient alice = AuthFixture.withHeader(vertx, port, token("alice", 600));
        WsClient bob = AuthFixture.withHeader(vertx, port, token("bob", 600));
        WsClient anon = AuthFixture.anonymous(vertx, port)) {
      alice.next("connected");
      bob.next("connected");
      anon.next("connected");
      JsonObject denied = bob.request("subscribe", new JsonObject().put("room", "user.alice")).getJsonObject("data");
      assertThat(denied.getString("code")).isEqualTo("forbidden");
      assertThat(denied.getString("message")).contains("user.alice");
      assertThat(anon.request("subscribe", new JsonObject().put("room", "user.alice")).getJsonObject("data")
          .getString("code")).isEqualTo("unauthorized");
      assertThat(bob.request("publish", new JsonObject().put("room", "user.alice").put("data", new JsonObject()))
          .getJsonObject("data").getString("code")).isEqualTo("forbidden");

      assertThat(publish("user.alice", token("svc", 600)).statusCode()).as("token without the claim").isEqualTo(403);
      assertThat(publish("user.alice", null).statusCode()).isEqualTo(401);
      assertThat(publish("user.alice", "not-a-token").statusCode()).isEqualTo(401);
      String backend = Tokens.hs256(AuthFixture.claims("svc", 600).put("role", "backend"));
      assertThat(publish("user.alice", backend).statusCode()).isEqualTo(200);
      assertThat(alice.next("message").getString("room")).isEqualTo("user.alice");
      assertThat(publish("lobby", null).statusCode()).as("other rooms stay open").isEqualTo(200);
      assertThat(bob.hasNoFrame() && anon.hasNoFrame()).isTrue();
    }
  }

  @Test
  @DisplayName("A user room for a sub that is no valid room name is the mapped one")
  void mappedUserRoom() {
    try (WsClient ws = AuthFixture.withHeader(vertx, port, token("auth0|123", 600))) {
      ws.next("connected");
      String room = UserRoom.of("auth0|123");
      assertThat(ws.ok("subscribe", new JsonObject().put("room", room)).getBoolean("subscribed")).isTrue();
    }
  }

  @Test
  @DisplayName("An anonymous connection gets unauthorized for events that need a token and stays usable")
  void anonymousNeedsAuth() {
    try (WsClient anon = AuthFixture.anonymous(vertx, port)) {
      anon.next("connected");
      for (String event : new String[] {"join_session", "pressure_frame", "leave_session"}) {
        JsonObject error = anon.request(event, new JsonObject().put("workout_id", "w1")).getJsonObject("data");
        assertThat(error.getString("code")).as(event).isEqualTo("unauthorized");
        assertThat(error.getString("message")).contains(event);
      }
      assertThat(anon.request("join_stream", new JsonObject().put("visitor_id", "v1")).getJsonObject("data")
          .getString("code")).isEqualTo("unauthorized");
      assertThat(anon.ok("subscribe", new JsonObject().put("room", "lobby")).getBoolean("subscribed")).isTrue();
    }
  }

  @Test
  @DisplayName("user.push reaches every connection of that user only; presence goes online and offline")
  void userPushAndPresence() throws InterruptedException {
    LinkedBlockingQueue<JsonObject> presence = new LinkedBlockingQueue<>();
    WsClient.await(vertx.eventBus().<JsonObject>consumer(Addresses.DASHBOARD_PRESENCE, m -> presence.add(m.body()))
        .completion());
    WsClient alice1 = AuthFixture.withHeader(vertx, port, token("alice", 600));
    try (WsClient alice2 = AuthFixture.withQuery(vertx, port, token("alice", 600));
        WsClient bob = AuthFixture.withHeader(vertx, port, token("bob", 600))) {
      String connectionId = alice1.next("connected").getString("connection_id");
      alice2.next("connected");
      bob.next("connected");
      vertx.eventBus().publish(Addresses.USER_PUSH, new JsonObject().put("user_id", "alice").put("event", "ping")
          .put("data", new JsonObject().put("n", 7)));
      assertThat(alice1.next("ping").getInteger("n")).isEqualTo(7);
      assertThat(alice2.next("ping").getInteger("n")).isEqualTo(7);
      JsonObject online = presence.poll(WsClient.TIMEOUT_S, TimeUnit.SECONDS);
      assertThat(online.getString("user_id")).isEqualTo("alice");
      assertThat(online.getBoolean("online")).isTrue();
      assertThat(online.getString("connection_id")).isEqualTo(connectionId);
      alice1.close();
      JsonObject offline;
      do {
        offline = presence.poll(WsClient.TIMEOUT_S, TimeUnit.SECONDS);
        assertThat(offline).isNotNull();
      } while (offline.getBoolean("online") || !connectionId.equals(offline.getString("connection_id")));
      assertThat(offline.getString("user_id")).isEqualTo("alice");
      assertThat(bob.hasNoFrame()).isTrue();
    }
  }
}
