package io.streamhub.ingress.socketio;

import io.vertx.core.json.JsonObject;

/**
 * The HTTP errors of an Engine.IO server, with the codes and messages of the reference server. Each answers with
 * {@link #httpStatus()} (403 for {@link #FORBIDDEN}, 400 otherwise), {@code Content-Type: application/json} and the
 * body {@code {"code":N,"message":"..."}}.
 */
public enum EngineIoError {
  TRANSPORT_UNKNOWN(0, "Transport unknown"),
  SESSION_ID_UNKNOWN(1, "Session ID unknown"),
  BAD_HANDSHAKE_METHOD(2, "Bad handshake method"),
  BAD_REQUEST(3, "Bad request"),
  FORBIDDEN(4, "Forbidden"),
  UNSUPPORTED_PROTOCOL_VERSION(5, "Unsupported protocol version");

  private final int code;
  private final String message;

  EngineIoError(int code, String message) {
    this.code = code;
    this.message = message;
  }

  public int code() {
    return code;
  }

  public String message() {
    return message;
  }

  public int httpStatus() {
    return this == FORBIDDEN ? 403 : 400;
  }

  /** The response body, {@code {"code":N,"message":"..."}}. */
  public JsonObject body() {
    return body(message);
  }

  /** The response body with a custom message, as the reference server sends for a refused handshake. */
  public JsonObject body(String customMessage) {
    return new JsonObject().put("code", code).put("message", customMessage);
  }
}
