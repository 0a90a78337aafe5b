package io.streamhub.ingress.protocol;

/** A request the client got wrong, or one the server could not serve; becomes an {@code error} event. */
public final class ProtocolException extends RuntimeException {

  private final ErrorCode code;
  private final Long ack;
  private final short closeCode;

  public ProtocolException(ErrorCode code, String message) {
    this(code, null, message);
  }

  /** For an envelope error found after the {@code ack} was read, so the error can still carry it. */
  public ProtocolException(ErrorCode code, Long ack, String message) {
    this(code, ack, message, (short) 0);
  }

  private ProtocolException(ErrorCode code, Long ack, String message, short closeCode) {
    super(message, null, false, false);
    this.code = code;
    this.ack = ack;
    this.closeCode = closeCode;
  }

  /** An error after which the transport closes the connection with {@code closeCode} (see {@link CloseCodes}). */
  public static ProtocolException closing(ErrorCode code, String message, short closeCode) {
    return new ProtocolException(code, null, message, closeCode);
  }

  /** The close code to close with once the error is sent; 0 when the connection stays open. */
  public short closeCode() {
    return closeCode;
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
