package io.streamhub.ingress.sio;

import io.streamhub.ingress.socketio.EngineIoError;
import io.streamhub.ingress.socketio.PollResponder;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;

/** One long-polling {@code GET} held by a session, answered once. */
final class HttpPoll implements PollResponder {

  private final HttpServerResponse response;

  HttpPoll(HttpServerResponse response) {
    this.response = response;
  }

  @Override
  public void respond(String payload) {
    if (!response.ended() && !response.closed()) {
      response.putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; charset=UTF-8").end(payload);
    }
  }

  @Override
  public void reject(EngineIoError error) {
    EngineIoHttp.reject(response, error);
  }
}
