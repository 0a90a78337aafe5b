package io.streamhub.ingress.socketio;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class EngineIoSessionHeartbeatTest {

  private final SessionFixture fixture = new SessionFixture();
  private final EngineIoSession session = fixture.session;

  @Test
  @DisplayName("The server sends a ping after pingInterval and nothing before")
  void pingAfterInterval() {
    fixture.openPolling();
    RecordingPoll poll = fixture.poll();
    fixture.timers.advance(24_999);
    assertThat(poll.answered()).isFalse();
    fixture.timers.advance(1);
    assertThat(poll.payload()).isEqualTo("2");
  }

  @Test
  @DisplayName("Without a pong within pingTimeout of the ping, the session closes with reason ping timeout")
  void pingTimeout() {
    fixture.openPolling();
    fixture.timers.advance(25_000 + 19_999);
    assertThat(fixture.closeReasons).isEmpty();
    fixture.timers.advance(1);
    assertThat(fixture.closeReasons).containsExactly("ping timeout");
    assertThat(session.state()).isEqualTo(EngineIoSession.State.CLOSED);
    assertThat(fixture.timers.pending()).isZero();
  }

  @Test
  @DisplayName("A pong in time keeps the session open and the next ping comes pingInterval after the pong")
  void pongKeepsAlive() {
    fixture.openPolling();
    fixture.timers.advance(25_000);
    fixture.poll();
    fixture.timers.advance(5_000);
    session.onPost("3");
    RecordingPoll poll = fixture.poll();
    fixture.timers.advance(24_999);
    assertThat(poll.answered()).isFalse();
    fixture.timers.advance(1);
    assertThat(poll.payload()).isEqualTo("2");
    assertThat(fixture.closeReasons).isEmpty();
  }

  @Test
  @DisplayName("Over many intervals a client that always answers is never closed")
  void manyIntervals() {
    fixture.openPolling();
    for (int i = 0; i < 10; i++) {
      fixture.timers.advance(25_000);
      assertThat(fixture.poll().payload()).isEqualTo("2");
      fixture.timers.advance(1_000);
      session.onPost("3");
    }
    assertThat(fixture.closeReasons).isEmpty();
  }

  @Test
  @DisplayName("Messages from the client do not replace the pong: only a pong resets the deadline")
  void messagesAreNotPongs() {
    fixture.openPolling();
    fixture.timers.advance(25_000);
    session.onPost("4still here");
    fixture.timers.advance(20_000);
    assertThat(fixture.closeReasons).containsExactly("ping timeout");
  }

  @Test
  @DisplayName("On a WebSocket-only session the open packet offers no upgrade and pings go out as frames")
  void webSocketOnly() {
    RecordingWs ws = new RecordingWs();
    session.openWebSocket(ws);
    assertThat(ws.frames).singleElement().asString().startsWith("0{\"sid\":\"sid1\",\"upgrades\":[]");
    fixture.timers.advance(25_000);
    assertThat(ws.frames).last().isEqualTo("2");
    session.onWebSocketText(ws, "3");
    fixture.timers.advance(25_000 + 19_999);
    assertThat(fixture.closeReasons).isEmpty();
    fixture.timers.advance(1);
    assertThat(fixture.closeReasons).containsExactly("ping timeout");
    assertThat(ws.closed).isTrue();
  }
}
