package io.streamhub.ingress.socketio;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class EngineIoSessionUpgradeTest {

  private final SessionFixture fixture = new SessionFixture();
  private final EngineIoSession session = fixture.session;
  private final RecordingWs ws = new RecordingWs();

  @Test
  @DisplayName("The upgrade: 2probe gets 3probe and a noop to the held GET, then 5 makes the WebSocket the transport")
  void fullUpgrade() {
    fixture.openPolling();
    RecordingPoll held = fixture.poll();
    assertThat(session.onWebSocketUpgrade(ws)).isTrue();
    session.onWebSocketText(ws, "2probe");
    assertThat(ws.frames).containsExactly("3probe");
    assertThat(held.payload()).isEqualTo("6");
    assertThat(session.state()).isEqualTo(EngineIoSession.State.UPGRADING);
    session.onWebSocketText(ws, "5");
    assertThat(session.state()).isEqualTo(EngineIoSession.State.OPEN);
    assertThat(session.transport()).isEqualTo(EngineIoSession.Transport.WEBSOCKET);
    session.send(EngineIoPacket.message("0{\"sid\":\"x\"}"));
    assertThat(ws.frames).last().isEqualTo("40{\"sid\":\"x\"}");
  }

  @Test
  @DisplayName("Packets sent while upgrading wait for the WebSocket and are flushed to it in order after 5")
  void bufferedPacketsFlushedToWebSocket() {
    fixture.openPolling();
    session.onWebSocketUpgrade(ws);
    session.onWebSocketText(ws, "2probe");
    session.send(EngineIoPacket.message("a"));
    session.send(EngineIoPacket.binaryMessage(new byte[] {1, 2}));
    assertThat(fixture.poll().payload()).as("a poll while upgrading gets a noop").isEqualTo("6");
    session.onWebSocketText(ws, "5");
    assertThat(ws.frames).containsExactly("3probe", "4a", "bin:2");
    assertThat(session.queuedPackets()).isZero();
  }

  @Test
  @DisplayName("After the upgrade, WebSocket text and binary frames reach the layer above")
  void inboundAfterUpgrade() {
    RecordingWs upgraded = fixture.openUpgraded();
    session.onWebSocketText(upgraded, "42[\"foo\"]");
    session.onWebSocketBinary(upgraded, new byte[] {9});
    assertThat(fixture.messages).containsExactly(EngineIoPacket.message("2[\"foo\"]"),
        EngineIoPacket.binaryMessage(new byte[] {9}));
  }

  @Test
  @DisplayName("After the upgrade, a polling GET or POST is a 400 that leaves the session open")
  void pollingAfterUpgrade() {
    fixture.openUpgraded();
    assertThat(fixture.poll().error()).isEqualTo(EngineIoError.BAD_REQUEST);
    assertThat(session.onPost("4x")).isEqualTo(EngineIoPostResult.BAD_REQUEST);
    assertThat(session.state()).isEqualTo(EngineIoSession.State.OPEN);
  }

  @Test
  @DisplayName("A second WebSocket while one is probing, or after the upgrade, is closed at once")
  void secondWebSocketRefused() {
    fixture.openPolling();
    session.onWebSocketUpgrade(ws);
    RecordingWs other = new RecordingWs();
    assertThat(session.onWebSocketUpgrade(other)).isFalse();
    assertThat(other.closed).isTrue();
    session.onWebSocketText(ws, "2probe");
    session.onWebSocketText(ws, "5");
    RecordingWs late = new RecordingWs();
    assertThat(session.onWebSocketUpgrade(late)).isFalse();
    assertThat(late.closed).isTrue();
    assertThat(ws.closed).isFalse();
  }

  @Test
  @DisplayName("Without 5 within upgradeTimeout the probe WebSocket is closed and the session stays on polling")
  void upgradeTimeout() {
    fixture.openPolling();
    session.onWebSocketUpgrade(ws);
    session.onWebSocketText(ws, "2probe");
    fixture.timers.advance(9_999);
    assertThat(ws.closed).isFalse();
    fixture.timers.advance(1);
    assertThat(ws.closed).isTrue();
    assertThat(session.state()).isEqualTo(EngineIoSession.State.OPEN);
    assertThat(session.transport()).isEqualTo(EngineIoSession.Transport.POLLING);
    session.send(EngineIoPacket.message("still polling"));
    assertThat(fixture.poll().payload()).isEqualTo("4still polling");
  }

  @Test
  @DisplayName("An unexpected frame on the probe, 5 before 2probe, or a binary frame ends the probe only")
  void unexpectedProbeFrames() {
    fixture.openPolling();
    session.onWebSocketUpgrade(ws);
    session.onWebSocketText(ws, "4hello");
    assertThat(ws.closed).isTrue();
    RecordingWs early = new RecordingWs();
    session.onWebSocketUpgrade(early);
    session.onWebSocketText(early, "5");
    assertThat(early.closed).isTrue();
    RecordingWs binary = new RecordingWs();
    session.onWebSocketUpgrade(binary);
    session.onWebSocketBinary(binary, new byte[] {1});
    assertThat(binary.closed).isTrue();
    assertThat(fixture.messages).isEmpty();
    assertThat(session.transport()).isEqualTo(EngineIoSession.Transport.POLLING);
    assertThat(fixture.closeReasons).isEmpty();
  }

  @Test
  @DisplayName("The probe WebSocket closing by itself returns the session to plain polling")
  void probeClosedByClient() {
    fixture.openPolling();
    session.onWebSocketUpgrade(ws);
    session.onWebSocketText(ws, "2probe");
    session.onWebSocketClosed(ws);
    assertThat(ws.closed).isFalse();
    assertThat(session.state()).isEqualTo(EngineIoSession.State.OPEN);
    assertThat(fixture.timers.pending()).as("only the heartbeat is scheduled").isEqualTo(1);
  }

  @Test
  @DisplayName("The upgraded WebSocket closing closes the session as transport close")
  void upgradedWebSocketClosed() {
    RecordingWs upgraded = fixture.openUpgraded();
    session.onWebSocketClosed(upgraded);
    assertThat(fixture.closeReasons).containsExactly("transport close");
    assertThat(upgraded.closed).as("not closed again by the session").isFalse();
  }

  @Test
  @DisplayName("A close packet over the WebSocket closes the session and the socket")
  void closePacketOverWebSocket() {
    RecordingWs upgraded = fixture.openUpgraded();
    session.onWebSocketText(upgraded, "1");
    assertThat(fixture.closeReasons).containsExactly("transport close");
    assertThat(upgraded.closed).isTrue();
    session.onWebSocketClosed(upgraded);
    assertThat(fixture.closeReasons).hasSize(1);
  }

  @Test
  @DisplayName("A WebSocket frame that does not decode closes the session as parse error")
  void badFrame() {
    RecordingWs upgraded = fixture.openUpgraded();
    session.onWebSocketText(upgraded, "");
    assertThat(fixture.closeReasons).containsExactly("parse error");
    assertThat(upgraded.closed).isTrue();
  }

  @Test
  @DisplayName("Closing the session while probing closes the probe WebSocket too")
  void closeWhileProbing() {
    fixture.openPolling();
    session.onWebSocketUpgrade(ws);
    session.onWebSocketText(ws, "2probe");
    session.close();
    assertThat(ws.closed).isTrue();
    assertThat(fixture.closeReasons).containsExactly("server close");
    assertThat(fixture.timers.pending()).isZero();
  }

  @Test
  @DisplayName("Frames from a WebSocket the session does not know are ignored")
  void strangerFrames() {
    fixture.openUpgraded();
    session.onWebSocketText(new RecordingWs(), "4x");
    session.onWebSocketClosed(new RecordingWs());
    assertThat(fixture.messages).isEmpty();
    assertThat(fixture.closeReasons).isEmpty();
  }
}
