package io.streamhub.ingress.socketio;

import static io.streamhub.ingress.socketio.EngineIoCloseReason.PARSE_ERROR;
import static io.streamhub.ingress.socketio.EngineIoCloseReason.TRANSPORT_CLOSE;

/**
 * The WebSocket side of a session: the active WebSocket, and the upgrade probe. The upgrade: the client sends
 * {@code 2probe} on the new WebSocket, the server answers {@code 3probe} and a noop to the held poll, the client sends
 * {@code 5} and the WebSocket becomes the transport. Anything else on the probe, its close or the upgrade timeout ends
 * the probe; the session stays on polling.
 */
final class WsChannel {

  private static final String PROBE = "probe";

  private final EngineIoSession session;
  private final EngineIoTimers timers;
  private final long upgradeTimeoutMs;
  private WsTransport probe;
  private EngineIoTimers.Cancellable upgradeTimeout;
  private WsTransport active;

  WsChannel(EngineIoSession session, EngineIoTimers timers, long upgradeTimeoutMs) {
    this.session = session;
    this.timers = timers;
    this.upgradeTimeoutMs = upgradeTimeoutMs;
  }

  boolean isProbing() {
    return probe != null;
  }

  /** Makes {@code ws} the transport (a WebSocket-only session, or a completed upgrade). */
  void attach(WsTransport ws) {
    active = ws;
  }

  void startProbe(WsTransport ws) {
    probe = ws;
    upgradeTimeout = timers.schedule(upgradeTimeoutMs, () -> {
      upgradeTimeout = null;
      abortProbe(true);
    });
  }

  /** Writes {@code packet} to the active WebSocket: a text frame, or a binary frame for a binary message. */
  void write(EngineIoPacket packet) {
    if (packet.isBinary()) {
      active.sendBinary(packet.binary());
    } else {
      active.sendText(packet.encodeText());
    }
  }

  void onText(WsTransport ws, String frame) {
    if (ws != probe && ws != active) {
      return;
    }
    EngineIoPacket packet;
    try {
      packet = EngineIoPacket.decodeText(frame);
    } catch (SocketIoProtocolException e) {
      if (ws == probe) {
        abortProbe(true);
      } else {
        session.fail(PARSE_ERROR);
      }
      return;
    }
    if (ws == probe) {
      onProbePacket(packet);
    } else {
      session.onPacket(packet);
    }
  }

  void onBinary(WsTransport ws, byte[] frame) {
    if (ws == probe) {
      abortProbe(true);
    } else if (ws == active) {
      session.onPacket(EngineIoPacket.decodeBinaryFrame(frame));
    }
  }

  void onClosed(WsTransport ws) {
    if (ws == probe) {
      abortProbe(false);
    } else if (ws == active) {
      active = null;
      session.fail(TRANSPORT_CLOSE);
    }
  }

  /** Closes the probe and the active WebSocket, if any. */
  void closeAll() {
    abortProbe(true);
    if (active != null) {
      WsTransport ws = active;
      active = null;
      ws.close();
    }
  }

  private void onProbePacket(EngineIoPacket packet) {
    if (packet.type() == EngineIoPacketType.PING && PROBE.equals(packet.text()) && !session.isUpgrading()) {
      probe.sendText(EngineIoPacket.of(EngineIoPacketType.PONG, PROBE).encodeText());
      session.onProbe();
    } else if (packet.type() == EngineIoPacketType.UPGRADE && session.isUpgrading()) {
      active = probe;
      clearProbe();
      session.onUpgraded();
    } else {
      abortProbe(true);
    }
  }

  private void abortProbe(boolean closeSocket) {
    if (probe == null) {
      return;
    }
    WsTransport ws = probe;
    clearProbe();
    if (closeSocket) {
      ws.close();
    }
    session.onProbeAborted();
  }

  private void clearProbe() {
    probe = null;
    if (upgradeTimeout != null) {
      upgradeTimeout.cancel();
      upgradeTimeout = null;
    }
  }
}
