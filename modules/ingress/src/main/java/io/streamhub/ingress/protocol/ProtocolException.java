package io.streamhub.ingress.protocol;

/** A request the client got wrong, or one the server could not serve; becomes an {@code error} event. */
public final class ProtocolException extends RuntimeException {

  private final ErrorCode code;
  private final Long ack;

  public ProtocolException(ErrorCode code, String message) {
    this(code, null, message);
  }

  /** For an envelope error found after the {@code ack} was read, so the error can still carry it. */
  public ProtocolException(ErrorCode code, Long ack, String message) {
    super(message, null, false, false);
    this.code = code;
    this.ack = ack;
  }

  public ErrorCode code() {
    return code;
  }

  public Long ack() {
    return ack;
  }

  public static ProtocolException invalidField(String field, String problem) {
    return new ProtocolException(ErrorCode.INVALID_FIELD, "field '" + field + "' " + problem);
  }
}
