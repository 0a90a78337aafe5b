package io.streamhub.ingress.socketio;

/** The response of one HTTP long-polling {@code GET}; the session calls exactly one method, at most once. */
public interface PollResponder {

  /** Answers 200, {@code Content-Type: text/plain; charset=UTF-8}, with the payload as body (UTF-8). */
  void respond(String payload);

  /** Answers {@link EngineIoError#httpStatus()}, JSON content type, body {@link EngineIoError#body()}. */
  void reject(EngineIoError error);
}
