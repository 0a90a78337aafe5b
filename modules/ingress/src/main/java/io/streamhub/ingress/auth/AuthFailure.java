package io.streamhub.ingress.auth;

import io.streamhub.ingress.protocol.ErrorCode;

/**
 * A token that was refused. {@link #code()} is {@link ErrorCode#UNAUTHORIZED} or {@link ErrorCode#TOKEN_EXPIRED};
 * the message says what was wrong (never the token itself) and may be shown to the client in an
 * {@code error {code, message}} event or a 401 body.
 */
public final class AuthFailure extends RuntimeException {

  private final ErrorCode code;

  private AuthFailure(ErrorCode code, String message) {
    super(message, null, false, false);
    this.code = code;
  }

  /** Missing, malformed, wrongly signed, or with a claim that does not match the configuration. */
  public static AuthFailure unauthorized(String message) {
    return new AuthFailure(ErrorCode.UNAUTHORIZED, message);
  }

  /** Correctly signed, but past its {@code exp} plus the configured leeway. */
  public static AuthFailure expired(String message) {
    return new AuthFailure(ErrorCode.TOKEN_EXPIRED, message);
  }

  public ErrorCode code() {
    return code;
  }
}
