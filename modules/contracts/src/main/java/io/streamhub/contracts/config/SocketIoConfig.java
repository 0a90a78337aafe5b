package io.streamhub.contracts.config;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * The Socket.IO endpoint ({@code socketio.*}): Socket.IO v5 over Engine.IO v4 at {@code /socket.io/}. A session's
 * settings are read when it opens, so live changes apply to new sessions.
 *
 * @param enabled whether {@code /socket.io/} is served. Restart-only.
 * @param pingIntervalMs time between two server pings ({@code pingInterval}). Live.
 * @param pingTimeoutMs time a client has to answer a ping before its session closes ({@code pingTimeout}). Live.
 * @param maxPayloadBytes largest polling request body, polling response and WebSocket message, in bytes
 *     ({@code maxPayload}). Restart-only for the WebSocket limit, live for polling.
 * @param connectTimeoutMs an Engine.IO session that has connected to no namespace after this long is closed. Live.
 * @param upgradeTimeoutMs a WebSocket probing an upgrade from polling must finish it within this. Live.
 * @param maxQueuedPackets packets held for a polling client between two polls; past it the session closes as a slow
 *     consumer. Live.
 * @param maxAttachments binary attachments one packet may announce; more is a parse error closing the session. Live.
 * @param allowedOrigins browser {@code Origin}s accepted (CORS for polling, check on the WebSocket upgrade);
 *     empty or {@code "*"} accepts any, reflecting the request's origin. Live.
 * @param recovery connection state recovery (Socket.IO 4.6's {@code connectionStateRecovery})
 */
public record SocketIoConfig(boolean enabled, long pingIntervalMs, long pingTimeoutMs, int maxPayloadBytes,
    long connectTimeoutMs, long upgradeTimeoutMs, int maxQueuedPackets, int maxAttachments,
    List<String> allowedOrigins, Recovery recovery) {

  public SocketIoConfig {
    allowedOrigins = List.copyOf(allowedOrigins);
  }

  /**
   * Connection state recovery: a socket whose connection drops (ping timeout, transport closed or failed, slow
   * consumer) is kept, still in its rooms and streams, and what is sent to it meanwhile is kept; a client reconnecting
   * within {@code maxDisconnectionMs} with its private id and last offset gets the same socket back, with the events
   * it missed, on any node. Every event then carries its offset as an extra last argument (socket.io-client 4.6+
   * reads it; handlers of other clients see one more argument). Live for new sockets.
   *
   * @param maxDisconnectionMs how long a dropped socket waits for its client
   * @param maxBufferedPackets events kept per socket for a reconnecting client; a client that missed more gets a
   *     fresh socket ({@code recovered: false})
   */
  public record Recovery(boolean enabled, long maxDisconnectionMs, int maxBufferedPackets) {

    static Recovery read(ConfigReader r) {
      Recovery c = new Recovery(r.bool("enabled"), r.longIn("max_disconnection_ms", 100, 86_400_000),
          r.intIn("max_buffered_packets", 1, 1_000_000));
      r.rejectUnknown();
      return c;
    }

    JsonObject toJson() {
      return new JsonObject().put("enabled", enabled).put("max_disconnection_ms", maxDisconnectionMs)
          .put("max_buffered_packets", maxBufferedPackets);
    }
  }

  /** Whether a request with this {@code Origin} may proceed; {@code null} (not a browser) may. */
  public boolean originAllowed(String origin) {
    return AuthConfig.originIn(allowedOrigins, origin);
  }

  static SocketIoConfig read(ConfigReader r) {
    SocketIoConfig c = new SocketIoConfig(r.bool("enabled"), r.longIn("ping_interval_ms", 100, 3_600_000),
        r.longIn("ping_timeout_ms", 100, 3_600_000), r.intIn("max_payload_bytes", 1024, 256 * 1024 * 1024),
        r.longIn("connect_timeout_ms", 100, 3_600_000), r.longIn("upgrade_timeout_ms", 100, 3_600_000),
        r.intIn("max_queued_packets", 1, 1_000_000), r.intIn("max_attachments", 0, 10_000),
        r.strings("allowed_origins"), Recovery.read(r.section("recovery")));
    r.rejectUnknown();
    return c;
  }

  JsonObject toJson() {
    return new JsonObject().put("enabled", enabled).put("ping_interval_ms", pingIntervalMs)
        .put("ping_timeout_ms", pingTimeoutMs).put("max_payload_bytes", maxPayloadBytes)
        .put("connect_timeout_ms", connectTimeoutMs).put("upgrade_timeout_ms", upgradeTimeoutMs)
        .put("max_queued_packets", maxQueuedPackets).put("max_attachments", maxAttachments)
        .put("allowed_origins", new JsonArray(allowedOrigins)).put("recovery", recovery.toJson());
  }
}
