package io.streamhub.ingress.protocol;

/** WebSocket close codes the server uses. Documented in the README. */
public final class CloseCodes {

  /** The node is shutting down; reconnect (to another node). */
  public static final short GOING_AWAY = 1001;
  /** A binary frame arrived; the protocol is JSON text only. */
  public static final short UNSUPPORTED_DATA = 1003;
  /** A frame or message exceeded {@code ws.max_frame_bytes}. */
  public static final short MESSAGE_TOO_BIG = 1009;
  /**
   * Authentication failed: a token offered on the upgrade or in {@code auth} was refused (the {@code error} sent just
   * before says {@code unauthorized} or {@code token_expired}), or the connection's token expired.
   */
  public static final short UNAUTHORIZED = 4401;
  /** More than {@code ws.max_pending_messages} outbound messages were waiting for the client to read them. */
  public static final short SLOW_CONSUMER = 4008;

  private CloseCodes() {
  }
}
