package io.streamhub.ingress.socketio;

import java.util.ArrayList;
import java.util.List;

/** An {@link EngineIoSession} on fake timers, recording what it hands to the layer above. */
final class SessionFixture implements EngineIoListener {

  static final EngineIoConfig CONFIG = new EngineIoConfig(25_000, 20_000, 100, 5, 10_000);

  final FakeTimers timers = new FakeTimers();
  final List<EngineIoPacket> messages = new ArrayList<>();
  final List<String> closeReasons = new ArrayList<>();
  final EngineIoSession session;

  SessionFixture() {
    this(CONFIG);
  }

  SessionFixture(EngineIoConfig config) {
    session = new EngineIoSession("sid1", config, timers, this);
  }

  @Override
  public void onMessage(EngineIoPacket message) {
    messages.add(message);
  }

  @Override
  public void onClose(String reason) {
    closeReasons.add(reason);
  }

  /** Opens a polling session and returns the handshake poll (already answered with the open packet). */
  RecordingPoll openPolling() {
    RecordingPoll handshake = new RecordingPoll();
    session.openPolling(handshake);
    return handshake;
  }

  /** A new poll, held or answered. */
  RecordingPoll poll() {
    RecordingPoll poll = new RecordingPoll();
    session.onPoll(poll);
    return poll;
  }

  /** Opens a polling session and upgrades it to a WebSocket, returning the WebSocket. */
  RecordingWs openUpgraded() {
    openPolling();
    RecordingWs ws = new RecordingWs();
    session.onWebSocketUpgrade(ws);
    session.onWebSocketText(ws, "2probe");
    session.onWebSocketText(ws, "5");
    ws.frames.clear();
    return ws;
  }
}
