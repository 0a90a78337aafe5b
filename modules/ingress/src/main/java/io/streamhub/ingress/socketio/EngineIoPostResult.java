package io.streamhub.ingress.socketio;

/** How to answer a polling {@code POST}, as returned by {@link EngineIoSession#onPost(String)}. */
public enum EngineIoPostResult {
  /** 200 with body {@code ok} ({@code Content-Type: text/html}, as the reference server). */
  OK(200, null),
  /** The body was not a valid payload (the session is closed), or the session is on WebSocket now (it is not). */
  BAD_REQUEST(400, EngineIoError.BAD_REQUEST),
  /** The body was over {@code maxPayloadBytes}; the session is closed. Empty body. */
  PAYLOAD_TOO_LARGE(413, null),
  /** The session is closed; answer as for an unknown sid. */
  SESSION_ID_UNKNOWN(400, EngineIoError.SESSION_ID_UNKNOWN);

  private final int httpStatus;
  private final EngineIoError error;

  EngineIoPostResult(int httpStatus, EngineIoError error) {
    this.httpStatus = httpStatus;
    this.error = error;
  }

  public int httpStatus() {
    return httpStatus;
  }

  /** The response body: {@code ok}, the JSON error body, or empty. */
  public String body() {
    return this == OK ? "ok" : error == null ? "" : error.body().encode();
  }

  /** The response content type, or null for an empty body. */
  public String contentType() {
    return this == OK ? "text/html" : error == null ? null : "application/json";
  }
}
