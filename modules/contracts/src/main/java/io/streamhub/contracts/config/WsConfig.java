package io.streamhub.contracts.config;

import io.vertx.core.json.JsonObject;

/**
 * The JSON WebSocket endpoint.
 *
 * @param maxMessageBytes largest text message processed; a larger one gets {@code error {code: message_too_large}}
 *     and the connection stays open. Live.
 * @param maxFrameBytes hard limit of one WebSocket message or frame; a larger one closes the connection with 1009.
 *     Restart-only; must be at least {@code maxMessageBytes}.
 * @param maxPendingMessages outbound messages written but not yet flushed to one client; at the bound the client
 *     is a slow consumer and is closed with 4008. Live.
 * @param compression whether WebSocket per-message compression (permessage-deflate) is accepted when a client offers
 *     it, on {@code /ws} and {@code /socket.io/}. Off by default, as in Node's socket.io server: each message is then
 *     compressed once per client, which costs far more CPU than the bandwidth it saves on small JSON messages.
 *     Restart-only.
 */
public record WsConfig(int maxMessageBytes, int maxFrameBytes, int maxPendingMessages, boolean compression) {

  static WsConfig read(ConfigReader r) {
    int maxMessage = r.intIn("max_message_bytes", 64, 64 * 1024 * 1024);
    int maxFrame = r.intIn("max_frame_bytes", 64, 256 * 1024 * 1024);
    if (maxFrame < maxMessage) {
      throw new ConfigException(r.key("max_frame_bytes"), "must be at least ws.max_message_bytes (" + maxMessage + ")");
    }
    WsConfig c = new WsConfig(maxMessage, maxFrame, r.intIn("max_pending_messages", 1, 1_000_000),
        r.bool("compression"));
    r.rejectUnknown();
    return c;
  }

  JsonObject toJson() {
    return new JsonObject().put("max_message_bytes", maxMessageBytes).put("max_frame_bytes", maxFrameBytes)
        .put("max_pending_messages", maxPendingMessages).put("compression", compression);
  }
}
