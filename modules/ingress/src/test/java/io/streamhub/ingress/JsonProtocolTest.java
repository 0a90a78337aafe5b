package io.streamhub.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamhub.ingress.protocol.CloseCodes;
import io.streamhub.ingress.testing.IngressFixture;
import io.streamhub.ingress.testing.WsClient;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@ExtendWith(VertxExtension.class)
class JsonProtocolTest {

  private static final int MAX_MESSAGE_BYTES = 1024;
  private static final int MAX_FRAME_BYTES = 4096;

  private Vertx vertx;
  private int port;

  @BeforeEach
  void deploy(Vertx vertx) {
    this.vertx = vertx;
    port = IngressFixture.deploy(vertx, new JsonObject().put("ws", new JsonObject()
        .put("max_message_bytes", MAX_MESSAGE_BYTES).put("max_frame_bytes", MAX_FRAME_BYTES)));
  }

  private static JsonObject room(String name) {
    return new JsonObject().put("room", name);
  }

  @Test
  @DisplayName("A published message reaches every subscriber with seq counting from 1, and the publisher gets its seq")
  void publishReachesSubscribers() {
    try (WsClient alice = WsClient.connect(vertx, port); WsClient bob = WsClient.connect(vertx, port);
         WsClient publisher = WsClient.connect(vertx, port)) {
      assertThat(alice.ok("subscribe", room("news"))).isEqualTo(room("news").put("subscribed", true));
      bob.ok("subscribe", room("news"));
      JsonObject first = publisher.ok("publish", room("news").put("data", new JsonObject().put("text", "one")));
      JsonObject second = publisher.ok("publish", room("news").put("data", new JsonObject().put("text", "two")));
      assertThat(first.getLong("seq")).isEqualTo(1);
      assertThat(second.getLong("seq")).isEqualTo(2);
      for (WsClient subscriber : new WsClient[] {alice, bob}) {
        assertThat(subscriber.next("message"))
            .isEqualTo(room("news").put("seq", 1L).put("data", new JsonObject().put("text", "one")));
        assertThat(subscriber.next("message").getLong("seq")).isEqualTo(2);
      }
      assertThat(publisher.hasNoFrame()).isTrue();
    }
  }

  @Test
  @DisplayName("After unsubscribe a client receives nothing more from the room")
  void unsubscribeStopsDelivery() {
    try (WsClient alice = WsClient.connect(vertx, port); WsClient publisher = WsClient.connect(vertx, port)) {
      alice.ok("subscribe", room("r"));
      alice.ok("unsubscribe", room("r"));
      publisher.ok("publish", room("r").put("data", new JsonObject()));
      alice.ok("subscribe", room("other"));
      publisher.ok("publish", room("other").put("data", new JsonObject()));
      assertThat(alice.next("message").getString("room")).isEqualTo("other");
    }
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @DisplayName("Bad input gets an error naming the problem and the connection stays usable")
  @CsvSource(delimiter = '|', value = {
      "{\"event\":                                          | bad_json      | not valid JSON",
      "[1,2,3]                                              | bad_frame     | JSON object",
      "\"just a string\"                                    | bad_frame     | JSON object",
      "{\"data\":{}}                                        | bad_frame     | \"event\"",
      "{\"event\":\"teleport\",\"data\":{}}                 | unknown_event | teleport",
      "{\"event\":\"subscribe\",\"data\":{}}                | invalid_field | 'room' is required",
      "{\"event\":\"subscribe\",\"data\":{\"room\":5}}      | invalid_field | 'room' must be a string",
      "{\"event\":\"subscribe\",\"data\":{\"room\":\"a b\"}} | invalid_field | 'room'",
      "{\"event\":\"subscribe\",\"data\":{\"room\":\"\"}}   | invalid_field | 'room'",
      "{\"event\":\"publish\",\"data\":{\"room\":\"a\",\"data\":[1]}} | invalid_field | 'data' must be a JSON object",
      "{\"event\":\"publish\",\"data\":{\"room\":\"a\"}}    | invalid_field | 'data' is required",
  })
  void badInputGetsANamedError(String text, String code, String mentions) {
    try (WsClient client = WsClient.connect(vertx, port)) {
      client.sendText(text);
      JsonObject error = client.next("error");
      assertThat(error.getString("code")).isEqualTo(code);
      assertThat(error.getString("message")).contains(mentions);
      assertThat(client.ok("subscribe", room("still-works")).getBoolean("subscribed")).isTrue();
    }
  }

  @Test
  @DisplayName("A request with an ack that fails gets the error with the same ack")
  void errorsCarryTheAck() {
    try (WsClient client = WsClient.connect(vertx, port)) {
      JsonObject reply = client.request("subscribe", room("bad room"));
      assertThat(reply.getString("event")).isEqualTo("error");
      assertThat(reply.getJsonObject("data").getString("code")).isEqualTo("invalid_field");
    }
  }

  @Test
  @DisplayName("A message over ws.max_message_bytes gets message_too_large and the connection stays open")
  void oversizedMessageIsRefusedButConnectionSurvives() {
    try (WsClient client = WsClient.connect(vertx, port)) {
      String big = "x".repeat(MAX_MESSAGE_BYTES);
      client.emit("publish", room("a").put("data", new JsonObject().put("blob", big)));
      JsonObject error = client.next("error");
      assertThat(error.getString("code")).isEqualTo("message_too_large");
      assertThat(error.getString("message")).contains(String.valueOf(MAX_MESSAGE_BYTES));
      assertThat(client.ok("subscribe", room("a")).getBoolean("subscribed")).isTrue();
    }
  }

  @Test
  @DisplayName("A binary frame closes the connection with 1003 and other clients carry on")
  void binaryFrameCloses() {
    try (WsClient bad = WsClient.connect(vertx, port); WsClient good = WsClient.connect(vertx, port)) {
      bad.sendBinary(new byte[] {1, 2, 3});
      assertThat(bad.awaitClose()).isEqualTo(CloseCodes.UNSUPPORTED_DATA);
      assertThat(good.ok("subscribe", room("a")).getBoolean("subscribed")).isTrue();
    }
  }

  @Test
  @DisplayName("A message over ws.max_frame_bytes closes the connection with 1009")
  void overFrameLimitCloses() {
    try (WsClient bad = WsClient.connect(vertx, port)) {
      bad.sendText("{\"event\":\"publish\",\"data\":{\"blob\":\"" + "y".repeat(MAX_FRAME_BYTES * 2) + "\"}}");
      assertThat(bad.awaitClose()).isEqualTo(CloseCodes.MESSAGE_TOO_BIG);
    }
  }
}
