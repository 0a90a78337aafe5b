package io.streamhub.ingress.socketio;

/**
 * Engine.IO server settings.
 *
 * @param pingIntervalMs   time between two server pings, in milliseconds (sent to the client as {@code pingInterval})
 * @param pingTimeoutMs    time the client has to answer a ping with a pong, in milliseconds ({@code pingTimeout})
 * @param maxPayloadBytes  largest polling body accepted and largest polling response built, in UTF-8 bytes
 *                         ({@code maxPayload}); the WebSocket server should use it as its max message size
 * @param maxQueuedPackets most packets buffered for a client that is not polling; one more closes the session with
 *                         reason {@value EngineIoCloseReason#SLOW_CONSUMER}
 * @param upgradeTimeoutMs time a probing WebSocket has to complete the upgrade (send {@code 5}) before it is closed,
 *                         in milliseconds; the session itself stays on polling
 */
public record EngineIoConfig(long pingIntervalMs, long pingTimeoutMs, long maxPayloadBytes, int maxQueuedPackets,
    long upgradeTimeoutMs) {

  public EngineIoConfig {
    requirePositive(pingIntervalMs, "pingIntervalMs");
    requirePositive(pingTimeoutMs, "pingTimeoutMs");
    requirePositive(maxPayloadBytes, "maxPayloadBytes");
    requirePositive(maxQueuedPackets, "maxQueuedPackets");
    requirePositive(upgradeTimeoutMs, "upgradeTimeoutMs");
  }

  /** The reference server's defaults (25 s, 20 s, 1 000 000 bytes, 10 s upgrade) and 1 000 queued packets. */
  public static EngineIoConfig defaults() {
    return new EngineIoConfig(25_000, 20_000, 1_000_000, 1_000, 10_000);
  }

  private static void requirePositive(long value, String name) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be positive, was " + value);
    }
  }
}
