package io.streamhub.ingress.socketio;

/** The reasons {@link EngineIoListener#onClose(String)} reports; the same strings as the reference server's. */
public final class EngineIoCloseReason {

  /** The client did not answer a ping within {@code pingTimeoutMs}. */
  public static final String PING_TIMEOUT = "ping timeout";
  /** The client sent a close packet, or its WebSocket closed. */
  public static final String TRANSPORT_CLOSE = "transport close";
  /** The client broke a transport rule: a second concurrent poll, a dropped poll, a ping, an oversized body. */
  public static final String TRANSPORT_ERROR = "transport error";
  /** The client sent a packet that does not decode. */
  public static final String PARSE_ERROR = "parse error";
  /** {@link EngineIoSession#close()} was called. */
  public static final String SERVER_CLOSE = "server close";
  /** More than {@code maxQueuedPackets} packets waited for a client that did not poll (not a reference reason). */
  public static final String SLOW_CONSUMER = "slow consumer";

  private EngineIoCloseReason() {
  }
}
