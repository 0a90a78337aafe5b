package io.streamhub.ingress.socketio;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class EngineIoSessionPollingTest {

  private final SessionFixture fixture = new SessionFixture();
  private final EngineIoSession session = fixture.session;

  @Test
  @DisplayName("Opening on polling answers the handshake GET with the open packet offering the websocket upgrade")
  void handshake() {
    RecordingPoll handshake = fixture.openPolling();
    assertThat(handshake.payload()).isEqualTo("0{\"sid\":\"sid1\",\"upgrades\":[\"websocket\"],"
        + "\"pingInterval\":25000,\"pingTimeout\":20000,\"maxPayload\":100}");
    assertThat(session.state()).isEqualTo(EngineIoSession.State.OPEN);
    assertThat(session.transport()).isEqualTo(EngineIoSession.Transport.POLLING);
  }

  @Test
  @DisplayName("A GET with nothing queued is held and answered by the next message sent")
  void heldPollGetsNextMessage() {
    fixture.openPolling();
    RecordingPoll poll = fixture.poll();
    assertThat(poll.answered()).isFalse();
    assertThat(session.send(EngineIoPacket.message("2[\"hey\",\"Jude\"]"))).isTrue();
    assertThat(poll.payload()).isEqualTo("42[\"hey\",\"Jude\"]");
  }

  @Test
  @DisplayName("Packets sent between polls are queued and the next GET gets them all, joined by the separator")
  void queuedPacketsJoined() {
    fixture.openPolling();
    session.send(EngineIoPacket.message("a"));
    session.send(EngineIoPacket.binaryMessage(new byte[] {1, 2, 3}));
    assertThat(session.queuedPackets()).isEqualTo(2);
    assertThat(fixture.poll().payload()).isEqualTo("4a|bAQID");
    assertThat(session.queuedPackets()).isZero();
  }

  @Test
  @DisplayName("A GET takes only the packets that fit in maxPayload bytes; the rest go to the next GET")
  void flushUpToMaxPayload() {
    fixture.openPolling();
    String forty = "x".repeat(40);
    session.send(EngineIoPacket.message(forty));
    session.send(EngineIoPacket.message(forty));
    session.send(EngineIoPacket.message(forty));
    assertThat(fixture.poll().payload()).isEqualTo("4" + forty + "|4" + forty);
    assertThat(fixture.poll().payload()).isEqualTo("4" + forty);
  }

  @Test
  @DisplayName("A second GET while one is held is refused with 400 and closes the session; the held GET gets a close")
  void duplicatePoll() {
    fixture.openPolling();
    RecordingPoll first = fixture.poll();
    RecordingPoll second = fixture.poll();
    assertThat(second.error()).isEqualTo(EngineIoError.BAD_REQUEST);
    assertThat(first.payload()).isEqualTo("1");
    assertThat(session.state()).isEqualTo(EngineIoSession.State.CLOSED);
    assertThat(fixture.closeReasons).containsExactly("transport error");
    assertThat(session.send(EngineIoPacket.message("late"))).isFalse();
  }

  @Test
  @DisplayName("When a client does not poll, the queue holds maxQueuedPackets; one more closes it as a slow consumer")
  void queueBound() {
    fixture.openPolling();
    for (int i = 0; i < SessionFixture.CONFIG.maxQueuedPackets(); i++) {
      assertThat(session.send(EngineIoPacket.message("m" + i))).isTrue();
    }
    assertThat(session.send(EngineIoPacket.message("over"))).isFalse();
    assertThat(fixture.closeReasons).containsExactly("slow consumer");
    assertThat(session.queuedPackets()).isZero();
    assertThat(fixture.poll().error()).isEqualTo(EngineIoError.SESSION_ID_UNKNOWN);
  }

  @Test
  @DisplayName("A POST body 4hello\\x1e4€ delivers two messages in order and is answered ok")
  void postDeliversMessages() {
    fixture.openPolling();
    assertThat(session.onPost("4hello\u001e4€")).isEqualTo(EngineIoPostResult.OK);
    assertThat(fixture.messages).containsExactly(EngineIoPacket.message("hello"), EngineIoPacket.message("€"));
  }

  @Test
  @DisplayName("A close packet in a POST closes the session as transport close and the held GET gets a noop")
  void clientClose() {
    fixture.openPolling();
    RecordingPoll held = fixture.poll();
    assertThat(session.onPost("1")).isEqualTo(EngineIoPostResult.OK);
    assertThat(held.payload()).isEqualTo("6");
    assertThat(fixture.closeReasons).containsExactly("transport close");
  }

  @Test
  @DisplayName("A POST that does not decode is a 400 and closes the session as parse error")
  void badPost() {
    fixture.openPolling();
    assertThat(session.onPost("9x")).isEqualTo(EngineIoPostResult.BAD_REQUEST);
    assertThat(fixture.closeReasons).containsExactly("parse error");
  }

  @Test
  @DisplayName("A POST over maxPayload bytes is a 413 and closes the session")
  void oversizedPost() {
    fixture.openPolling();
    assertThat(session.onPost("4" + "€".repeat(34))).isEqualTo(EngineIoPostResult.PAYLOAD_TOO_LARGE);
    assertThat(fixture.closeReasons).containsExactly("transport error");
    assertThat(fixture.messages).isEmpty();
  }

  @Test
  @DisplayName("A client ping is the wrong heartbeat direction in v4 and closes the session")
  void clientPing() {
    fixture.openPolling();
    session.onPost("2");
    assertThat(fixture.closeReasons).containsExactly("transport error");
  }

  @Test
  @DisplayName("Noop and upgrade packets in a POST are ignored, as the reference server does")
  void ignoredPackets() {
    fixture.openPolling();
    assertThat(session.onPost("6\u001e5\u001e4x")).isEqualTo(EngineIoPostResult.OK);
    assertThat(fixture.messages).containsExactly(EngineIoPacket.message("x"));
    assertThat(fixture.closeReasons).isEmpty();
  }

  @Test
  @DisplayName("A held GET whose connection drops closes the session as transport error")
  void abortedPoll() {
    fixture.openPolling();
    RecordingPoll held = fixture.poll();
    session.onPollAborted(new RecordingPoll());
    assertThat(fixture.closeReasons).isEmpty();
    session.onPollAborted(held);
    assertThat(held.answered()).isFalse();
    assertThat(fixture.closeReasons).containsExactly("transport error");
  }

  @Test
  @DisplayName("Closing from the server answers a held GET with a close packet and reports server close once")
  void serverClose() {
    fixture.openPolling();
    RecordingPoll held = fixture.poll();
    session.close();
    session.close();
    assertThat(held.payload()).isEqualTo("1");
    assertThat(fixture.closeReasons).containsExactly("server close");
    assertThat(fixture.timers.pending()).isZero();
  }

  @Test
  @DisplayName("The layer above can close with its own reason, e.g. parse error for a bad Socket.IO packet")
  void closeWithReason() {
    fixture.openPolling();
    session.close(EngineIoCloseReason.PARSE_ERROR);
    assertThat(fixture.closeReasons).containsExactly("parse error");
  }

  @Test
  @DisplayName("After closing, GET and POST are answered as for an unknown session id")
  void afterClose() {
    fixture.openPolling();
    session.close();
    assertThat(fixture.poll().error()).isEqualTo(EngineIoError.SESSION_ID_UNKNOWN);
    assertThat(session.onPost("4x")).isEqualTo(EngineIoPostResult.SESSION_ID_UNKNOWN);
    assertThat(fixture.messages).isEmpty();
  }
}
