package io.streamhub.ingress.sio;

import io.streamhub.ingress.socketio.EngineIoError;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;

/** Engine.IO's HTTP error answers: the status and {@code {"code": N, "message": ...}} the reference server sends. */
final class EngineIoHttp {

  private EngineIoHttp() {
  }

  static void reject(HttpServerResponse response, EngineIoError error) {
    reject(response, error, error.message());
  }

  /** As {@link #reject(HttpServerResponse, EngineIoError)}, with a message naming what was wrong. */
  static void reject(HttpServerResponse response, EngineIoError error, String message) {
    if (!response.ended() && !response.closed()) {
      response.setStatusCode(error.httpStatus()).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
          .end(error.body(message).encode());
    }
  }
}
