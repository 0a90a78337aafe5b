package io.streamhub.ingress.socketio;

/**
 * The polling to WebSocket upgrade of one session: the client sends {@code 2probe} on the new WebSocket, the server
 * answers {@code 3probe} and a noop to the held poll, the client sends {@code 5} and the WebSocket becomes the
 * transport. Anything else on the probe, its close or the upgrade timeout ends the probe; the session stays on polling.
 */
final class WsUpgrade {

  private static final String PROBE = "probe";

  private final EngineIoSession session;
  private final EngineIoTimers timers;
  private final long timeoutMs;
  private WsTransport probe;
  private EngineIoTimers.Cancellable timeout;

  WsUpgrade(EngineIoSession session, EngineIoTimers timers, long timeoutMs) {
    this.session = session;
    this.timers = timers;
    this.timeoutMs = timeoutMs;
  }

  boolean isProbing() {
    return probe != null;
  }

  boolean isProbe(WsTransport ws) {
    return probe != null && probe == ws;
  }

  void start(WsTransport ws) {
    probe = ws;
    timeout = timers.schedule(timeoutMs, () -> {
      timeout = null;
      abort(true);
    });
  }

  void onFrame(String frame) {
    EngineIoPacket packet;
    try {
      packet = EngineIoPacket.decodeText(frame);
    } catch (SocketIoProtocolException e) {
      abort(true);
      return;
    }
    if (packet.type() == EngineIoPacketType.PING && PROBE.equals(packet.text()) && !session.isUpgrading()) {
      probe.sendText(EngineIoPacket.of(EngineIoPacketType.PONG, PROBE).encodeText());
      session.onProbe();
    } else if (packet.type() == EngineIoPacketType.UPGRADE && session.isUpgrading()) {
      WsTransport ws = probe;
      clear();
      session.onUpgraded(ws);
    } else {
      abort(true);
    }
  }

  /** Ends a running probe, closing its WebSocket when {@code closeSocket} (not when it closed by itself). */
  void abort(boolean closeSocket) {
    if (probe == null) {
      return;
    }
    WsTransport ws = probe;
    clear();
    if (closeSocket) {
      ws.close();
    }
    session.onProbeAborted();
  }

  private void clear() {
    probe = null;
    if (timeout != null) {
      timeout.cancel();
      timeout = null;
    }
  }
}
