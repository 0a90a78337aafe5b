package io.streamhub.ingress.socketio;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.security.SecureRandom;
import java.util.Base64;

/** The Engine.IO v4 {@code open} packet and session ids. */
public final class EngineIoHandshake {

  private static final SecureRandom RANDOM = new SecureRandom();

  private EngineIoHandshake() {
  }

  /**
   * The open packet's data: {@code {"sid","upgrades","pingInterval","pingTimeout","maxPayload"}}, times in
   * milliseconds, size in bytes.
   *
   * @param canUpgrade true for a polling session (offers {@code ["websocket"]}), false for a WebSocket-only one
   *                   (offers {@code []}, as the reference server does)
   */
  public static JsonObject openData(String sid, EngineIoConfig config, boolean canUpgrade) {
    return new JsonObject()
        .put("sid", sid)
        .put("upgrades", canUpgrade ? new JsonArray().add("websocket") : new JsonArray())
        .put("pingInterval", config.pingIntervalMs())
        .put("pingTimeout", config.pingTimeoutMs())
        .put("maxPayload", config.maxPayloadBytes());
  }

  /** The open packet, {@code 0{"sid":...}}. */
  public static EngineIoPacket openPacket(String sid, EngineIoConfig config, boolean canUpgrade) {
    return EngineIoPacket.of(EngineIoPacketType.OPEN, openData(sid, config, canUpgrade).encode());
  }

  /** A new random session id: 20 URL-safe base64 characters (120 random bits), like the reference server's. */
  public static String newSessionId() {
    byte[] bytes = new byte[15];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
