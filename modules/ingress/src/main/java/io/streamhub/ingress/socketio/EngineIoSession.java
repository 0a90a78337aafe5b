package io.streamhub.ingress.socketio;

import static io.streamhub.ingress.socketio.EngineIoCloseReason.PARSE_ERROR;
import static io.streamhub.ingress.socketio.EngineIoCloseReason.PING_TIMEOUT;
import static io.streamhub.ingress.socketio.EngineIoCloseReason.SERVER_CLOSE;
import static io.streamhub.ingress.socketio.EngineIoCloseReason.SLOW_CONSUMER;
import static io.streamhub.ingress.socketio.EngineIoCloseReason.TRANSPORT_CLOSE;
import static io.streamhub.ingress.socketio.EngineIoCloseReason.TRANSPORT_ERROR;

import java.util.List;
import java.util.Objects;

/**
 * One Engine.IO v4 session on the server, independent of any I/O: the HTTP server and WebSocket handlers call the
 * {@code on...} methods, and the session answers through {@link PollResponder} and {@link WsTransport}. Not
 * thread-safe: call it, and run its {@link EngineIoTimers} tasks, on one Vert.x context.
 *
 * <p>Lifecycle: {@link State#OPENING} until {@link #openPolling} or {@link #openWebSocket} sends the open packet;
 * {@link State#OPEN}; {@link State#UPGRADING} from the WebSocket probe ({@code 2probe}) until the client's
 * {@code 5}; {@link State#CLOSED} after which every call is ignored or refused. {@link EngineIoListener#onClose} is
 * called once, with an {@link EngineIoCloseReason}.
 */
public final class EngineIoSession {

  public enum State { OPENING, OPEN, UPGRADING, CLOSED }

  public enum Transport { POLLING, WEBSOCKET }

  private static final EngineIoPacket NOOP = EngineIoPacket.of(EngineIoPacketType.NOOP);
  private static final EngineIoPacket CLOSE = EngineIoPacket.of(EngineIoPacketType.CLOSE);

  private final String sid;
  private final EngineIoConfig config;
  private final EngineIoListener listener;
  private final PollingChannel polling;
  private final Heartbeat heartbeat;
  private final WsChannel webSockets;
  private State state = State.OPENING;
  private Transport transport = Transport.POLLING;

  /** @param sid the session id, e.g. {@link EngineIoHandshake#newSessionId()} */
  public EngineIoSession(String sid, EngineIoConfig config, EngineIoTimers timers, EngineIoListener listener) {
    this.sid = Objects.requireNonNull(sid, "sid");
    this.config = Objects.requireNonNull(config, "config");
    this.listener = Objects.requireNonNull(listener, "listener");
    this.polling = new PollingChannel(config.maxQueuedPackets(), config.maxPayloadBytes());
    this.heartbeat = new Heartbeat(timers, config.pingIntervalMs(), config.pingTimeoutMs(),
        () -> send(EngineIoPacket.of(EngineIoPacketType.PING)), () -> closeWith(PING_TIMEOUT, CLOSE));
    this.webSockets = new WsChannel(this, timers, config.upgradeTimeoutMs());
  }

  public String sid() {
    return sid;
  }

  public State state() {
    return state;
  }

  public Transport transport() {
    return transport;
  }

  /** Packets waiting for a poll (or, while upgrading, for the WebSocket). */
  public int queuedPackets() {
    return polling.size();
  }

  /** Starts a polling session: answers the handshake {@code GET} with the open packet and starts the heartbeat. */
  public void openPolling(PollResponder handshake) {
    requireOpening();
    state = State.OPEN;
    polling.enqueue(EngineIoHandshake.openPacket(sid, config, true));
    heartbeat.start();
    onPoll(handshake);
  }

  /** Starts a WebSocket-only session: sends the open packet (no upgrades offered) and starts the heartbeat. */
  public void openWebSocket(WsTransport ws) {
    requireOpening();
    state = State.OPEN;
    transport = Transport.WEBSOCKET;
    webSockets.attach(ws);
    ws.sendText(EngineIoHandshake.openPacket(sid, config, false).encodeText());
    heartbeat.start();
  }

  /**
   * A polling {@code GET} with this sid. It is answered at once when packets are queued (as many as fit in
   * {@code maxPayloadBytes}), with a noop while upgrading, or held until a packet is sent. A second {@code GET} while
   * one is held is refused with 400 and closes the session ("transport error"); the held one gets a close
   * packet. A {@code GET} on an upgraded or closed session is refused (400) and changes nothing.
   */
  public void onPoll(PollResponder poll) {
    if (state == State.CLOSED || state == State.OPENING) {
      poll.reject(EngineIoError.SESSION_ID_UNKNOWN);
    } else if (transport == Transport.WEBSOCKET) {
      poll.reject(EngineIoError.BAD_REQUEST);
    } else if (polling.hasWaitingPoll()) {
      poll.reject(EngineIoError.BAD_REQUEST);
      closeWith(TRANSPORT_ERROR, CLOSE);
    } else if (state == State.UPGRADING) {
      poll.respond(NOOP.encodeText());
    } else {
      polling.hold(poll);
      polling.flush();
    }
  }

  /** The connection of a held {@code GET} closed before it was answered: closes the session. */
  public void onPollAborted(PollResponder poll) {
    if (polling.isWaiting(poll)) {
      polling.dropWaiting();
      closeWith(TRANSPORT_ERROR, CLOSE);
    }
  }

  /**
   * A polling {@code POST} body (UTF-8 text): its packets are handled in order. See {@link EngineIoPostResult} for the
   * answer; a body over {@code maxPayloadBytes} or that does not decode closes the session.
   */
  public EngineIoPostResult onPost(String body) {
    if (state == State.CLOSED || state == State.OPENING) {
      return EngineIoPostResult.SESSION_ID_UNKNOWN;
    }
    if (transport == Transport.WEBSOCKET) {
      return EngineIoPostResult.BAD_REQUEST;
    }
    if (Utf8.byteLength(body) > config.maxPayloadBytes()) {
      closeWith(TRANSPORT_ERROR, CLOSE);
      return EngineIoPostResult.PAYLOAD_TOO_LARGE;
    }
    List<EngineIoPacket> packets;
    try {
      packets = EngineIoPayload.decode(body, config.maxPayloadBytes());
    } catch (SocketIoProtocolException e) {
      closeWith(PARSE_ERROR, CLOSE);
      return EngineIoPostResult.BAD_REQUEST;
    }
    for (EngineIoPacket packet : packets) {
      onPacket(packet);
    }
    return EngineIoPostResult.OK;
  }

  /**
   * A WebSocket opened with this sid, to upgrade from polling. Refused (closed at once, false returned) unless the
   * session is open on polling and not already probing. The client must send {@code 2probe} then {@code 5} within
   * {@code upgradeTimeoutMs}, or the WebSocket is closed and the session stays on polling.
   */
  public boolean onWebSocketUpgrade(WsTransport ws) {
    if (state != State.OPEN || transport != Transport.POLLING || webSockets.isProbing()) {
      ws.close();
      return false;
    }
    webSockets.startProbe(ws);
    return true;
  }

  /** A text frame from a WebSocket of this session (the upgrade probe or the transport); others are ignored. */
  public void onWebSocketText(WsTransport ws, String frame) {
    webSockets.onText(ws, frame);
  }

  /** A binary frame from a WebSocket of this session: a binary message (it ends a probe). */
  public void onWebSocketBinary(WsTransport ws, byte[] frame) {
    webSockets.onBinary(ws, frame);
  }

  /** A WebSocket of this session closed: ends a probe, or closes the session if it was the transport. */
  public void onWebSocketClosed(WsTransport ws) {
    webSockets.onClosed(ws);
  }

  /**
   * Sends a packet: written to the WebSocket at once, or queued for the next poll (and while upgrading). Over
   * {@code maxQueuedPackets} queued packets the session closes as "slow consumer".
   *
   * @return false when the session is closed (or just closed by this call), true otherwise
   */
  public boolean send(EngineIoPacket packet) {
    return sendAll(List.of(packet));
  }

  /**
   * Sends packets in order, like {@link #send} but answering a held poll once for all of them, so a Socket.IO binary
   * packet and its attachments ({@link SocketIoEncoder.Encoded#engineIoPackets()}) go out in one response.
   */
  public boolean sendAll(List<EngineIoPacket> packets) {
    if (state == State.CLOSED || state == State.OPENING) {
      return false;
    }
    if (transport == Transport.WEBSOCKET && state == State.OPEN) {
      packets.forEach(webSockets::write);
      return true;
    }
    for (EngineIoPacket packet : packets) {
      if (!polling.enqueue(packet)) {
        closeWith(SLOW_CONSUMER, CLOSE);
        return false;
      }
    }
    if (state == State.OPEN) {
      polling.flush();
    }
    return true;
  }

  /**
   * Closes the session from the server: a held poll gets a close packet, a WebSocket is closed. Packets still queued
   * for a client that is not polling are dropped.
   */
  public void close() {
    closeWith(SERVER_CLOSE, CLOSE);
  }

  /**
   * Closes the session like {@link #close()} but reports {@code reason}, e.g. {@link EngineIoCloseReason#PARSE_ERROR}
   * when the {@link SocketIoDecoder} refuses a message, as the reference Socket.IO server does.
   */
  public void close(String reason) {
    closeWith(Objects.requireNonNull(reason, "reason"), CLOSE);
  }

  void onProbe() {
    state = State.UPGRADING;
    polling.answerWith(NOOP);
  }

  void onUpgraded() {
    state = State.OPEN;
    transport = Transport.WEBSOCKET;
    polling.answerWith(NOOP);
    polling.drain().forEach(webSockets::write);
  }

  void onProbeAborted() {
    if (state == State.UPGRADING) {
      state = State.OPEN;
    }
  }

  boolean isUpgrading() {
    return state == State.UPGRADING;
  }

  void onPacket(EngineIoPacket packet) {
    if (state == State.CLOSED) {
      return;
    }
    switch (packet.type()) {
      case MESSAGE -> listener.onMessage(packet);
      case PONG -> heartbeat.onPong();
      case CLOSE -> closeWith(TRANSPORT_CLOSE, NOOP);
      case PING -> closeWith(TRANSPORT_ERROR, CLOSE);
      default -> {
        // open, upgrade and noop from a client mean nothing here; the reference server ignores them too
      }
    }
  }

  void fail(String reason) {
    closeWith(reason, CLOSE);
  }

  private void closeWith(String reason, EngineIoPacket pollAnswer) {
    if (state == State.CLOSED) {
      return;
    }
    state = State.CLOSED;
    heartbeat.stop();
    webSockets.closeAll();
    polling.finish(pollAnswer);
    listener.onClose(reason);
  }

  private void requireOpening() {
    if (state != State.OPENING) {
      throw new IllegalStateException("session " + sid + " is already " + state);
    }
  }
}
