package io.streamhub.ingress.socketio;

import static org.assertj.core.api.Assertions.assertThat;

/** A {@link PollResponder} that remembers its single answer. */
final class RecordingPoll implements PollResponder {

  private String payload;
  private EngineIoError error;
  private int answers;

  @Override
  public void respond(String payload) {
    this.payload = payload;
    answers++;
  }

  @Override
  public void reject(EngineIoError error) {
    this.error = error;
    answers++;
  }

  boolean answered() {
    assertThat(answers).as("answers to one poll").isLessThanOrEqualTo(1);
    return answers == 1;
  }

  /** The payload, with the record separator shown as '|'. */
  String payload() {
    assertThat(answered()).as("poll answered").isTrue();
    return payload == null ? null : payload.replace(EngineIoPayload.SEPARATOR, '|');
  }

  EngineIoError error() {
    return error;
  }
}
