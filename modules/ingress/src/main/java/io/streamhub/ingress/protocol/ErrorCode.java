package io.streamhub.ingress.protocol;

/** The {@code code} of an {@code error} event. Documented in the README; clients may switch on them. */
public enum ErrorCode {
  /** The text frame is not JSON. */
  BAD_JSON("bad_json"),
  /** JSON, but not {@code {"event": string, "data"?: object, "ack"?: integer}}. */
  BAD_FRAME("bad_frame"),
  /** No handler for this event name. */
  UNKNOWN_EVENT("unknown_event"),
  /** A field of {@code data} is missing, of the wrong type or out of range; the message names it. */
  INVALID_FIELD("invalid_field"),
  /** The message exceeds {@code ws.max_message_bytes}. */
  MESSAGE_TOO_LARGE("message_too_large"),
  /**
   * A request for a stream or session this connection has not joined ({@code leave_stream}, {@code stream_control},
   * {@code pressure_frame}, {@code leave_session}).
   */
  NOT_JOINED("not_joined"),
  /** The dataset named in {@code join_stream} does not exist. */
  UNKNOWN_DATASET("unknown_dataset"),
  /** The node runs as many streams as it may ({@code replay.max_streams_per_node}); retry later or elsewhere. */
  CAPACITY("capacity"),
  /** A bounded queue is full; retry later. */
  BACKPRESSURE("backpressure"),
  /** No token where one is needed, or a token that is malformed, wrongly signed or has a claim that does not match. */
  UNAUTHORIZED("unauthorized"),
  /** A correctly signed token past its {@code exp} (plus {@code auth.jwt.leeway_s}). */
  TOKEN_EXPIRED("token_expired"),
  /**
   * The connection is authenticated but may not do this: a room a rule does not grant, another user's room or
   * workout, a {@code refresh_token} for another {@code sub}.
   */
  FORBIDDEN("forbidden"),
  /** A dependency (the cluster, a role on another node) did not answer. */
  UNAVAILABLE("unavailable"),
  /** Unexpected server failure; logged with the connection id. */
  INTERNAL("internal");

  private final String wire;

  ErrorCode(String wire) {
    this.wire = wire;
  }

  public String wire() {
    return wire;
  }
}
