package io.streamhub.ingress.socketio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class EngineIoHandshakeTest {

  @Test
  @DisplayName("The open packet of a polling session carries sid, upgrades [websocket], times in ms and maxPayload")
  void openPacketForPolling() {
    EngineIoConfig config = new EngineIoConfig(25_000, 20_000, 1_000_000, 100, 10_000);
    EngineIoPacket open = EngineIoHandshake.openPacket("lv_VI97HAXpY6yYWAAAC", config, true);
    assertThat(open.type()).isEqualTo(EngineIoPacketType.OPEN);
    assertThat(open.encodeText()).isEqualTo("0{\"sid\":\"lv_VI97HAXpY6yYWAAAC\",\"upgrades\":[\"websocket\"],"
        + "\"pingInterval\":25000,\"pingTimeout\":20000,\"maxPayload\":1000000}");
  }

  @Test
  @DisplayName("A WebSocket-only session offers no upgrades")
  void openDataForWebSocket() {
    JsonObject data = EngineIoHandshake.openData("s", EngineIoConfig.defaults(), false);
    assertThat(data.getJsonArray("upgrades")).isEmpty();
  }

  @Test
  @DisplayName("Session ids are 20 URL-safe characters and do not repeat")
  void sessionIds() {
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      String id = EngineIoHandshake.newSessionId();
      assertThat(id).hasSize(20).matches("[A-Za-z0-9_-]+");
      ids.add(id);
    }
    assertThat(ids).hasSize(1000);
  }

  @Test
  @DisplayName("The config refuses zero or negative values, naming the field")
  void configValidation() {
    assertThatThrownBy(() -> new EngineIoConfig(0, 1, 1, 1, 1)).hasMessageContaining("pingIntervalMs");
    assertThatThrownBy(() -> new EngineIoConfig(1, 1, 1, 0, 1)).hasMessageContaining("maxQueuedPackets");
  }

  @Test
  @DisplayName("The HTTP errors have the reference server's codes, messages and statuses")
  void httpErrors() {
    assertThat(EngineIoError.TRANSPORT_UNKNOWN.body().encode()).isEqualTo("{\"code\":0,\"message\":\"Transport unknown\"}");
    assertThat(EngineIoError.SESSION_ID_UNKNOWN.body().encode()).isEqualTo("{\"code\":1,\"message\":\"Session ID unknown\"}");
    assertThat(EngineIoError.BAD_HANDSHAKE_METHOD.body().encode())
        .isEqualTo("{\"code\":2,\"message\":\"Bad handshake method\"}");
    assertThat(EngineIoError.BAD_REQUEST.body().encode()).isEqualTo("{\"code\":3,\"message\":\"Bad request\"}");
    assertThat(EngineIoError.FORBIDDEN.body().encode()).isEqualTo("{\"code\":4,\"message\":\"Forbidden\"}");
    assertThat(EngineIoError.UNSUPPORTED_PROTOCOL_VERSION.body().encode())
        .isEqualTo("{\"code\":5,\"message\":\"Unsupported protocol version\"}");
    for (EngineIoError error : EngineIoError.values()) {
      assertThat(error.httpStatus()).isEqualTo(error == EngineIoError.FORBIDDEN ? 403 : 400);
    }
    assertThat(EngineIoError.FORBIDDEN.body("Not allowed").getString("message")).isEqualTo("Not allowed");
  }

  @Test
  @DisplayName("POST results map to 200 ok, 400 with the JSON error, and 413 with an empty body")
  void postResults() {
    assertThat(EngineIoPostResult.OK.httpStatus()).isEqualTo(200);
    assertThat(EngineIoPostResult.OK.body()).isEqualTo("ok");
    assertThat(EngineIoPostResult.BAD_REQUEST.body()).isEqualTo("{\"code\":3,\"message\":\"Bad request\"}");
    assertThat(EngineIoPostResult.BAD_REQUEST.contentType()).isEqualTo("application/json");
    assertThat(EngineIoPostResult.PAYLOAD_TOO_LARGE.httpStatus()).isEqualTo(413);
    assertThat(EngineIoPostResult.PAYLOAD_TOO_LARGE.body()).isEmpty();
    assertThat(EngineIoPostResult.SESSION_ID_UNKNOWN.body()).contains("\"code\":1");
  }
}
