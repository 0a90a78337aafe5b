package io.streamhub.ingress.sio;

import io.streamhub.ingress.ConnectionHub;
import io.streamhub.ingress.IngressMetrics;
import io.streamhub.ingress.auth.ConnectionAuth;
import io.streamhub.ingress.protocol.CloseCodes;
import io.streamhub.ingress.protocol.ErrorCode;
import io.streamhub.ingress.protocol.EventDispatcher;
import io.streamhub.ingress.protocol.ProtocolException;
import io.streamhub.ingress.socketio.EngineIoCloseReason;
import io.streamhub.ingress.socketio.EngineIoListener;
import io.streamhub.ingress.socketio.EngineIoPacket;
import io.streamhub.ingress.socketio.EngineIoSession;
import io.streamhub.ingress.socketio.EngineIoTimers;
import io.streamhub.ingress.socketio.SocketIoDecoder;
import io.streamhub.ingress.socketio.SocketIoEncoder;
import io.streamhub.ingress.socketio.SocketIoPacket;
import io.streamhub.ingress.socketio.SocketIoProtocolException;
import io.streamhub.ingress.auth.ConnectionAuth;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Socket.IO layer of one Engine.IO session: decodes its messages into Socket.IO packets, connects the main
 * namespace (authenticating the {@code auth} payload's {@code token}, else the handshake's bearer token) and hands
 * its events to a {@link SocketIoSocket}. A session connected to no namespace for {@code connect_timeout_ms} — after
 * the handshake, or after its socket disconnected — is closed.
 */
final class SocketIoClient implements EngineIoListener {

  private static final Logger LOG = LoggerFactory.getLogger(SocketIoClient.class);

  /** What a client needs from the endpoint. */
  record Deps(ConnectionHub hub, EventDispatcher dispatcher, IngressMetrics metrics, EngineIoTimers timers,
      long connectTimeoutMs, int maxAttachments) {
  }

  private final Deps deps;
  private final String handshakeToken;
  private final Consumer<SocketIoClient> onClosed;
  private final SocketIoDecoder decoder;
  private EngineIoSession session;
  private SocketIoSocket main;
  private boolean connecting;
  private EngineIoTimers.Cancellable connectTimer;

  /**
   * @param handshakeToken a bearer token of the handshake request, used when CONNECT carries none; may be null
   */
  SocketIoClient(Deps deps, String handshakeToken, Consumer<SocketIoClient> onClosed) {
    this.deps = deps;
    this.handshakeToken = handshakeToken;
    this.onClosed = onClosed;
    this.decoder = new SocketIoDecoder(deps.maxAttachments());
  }

  /** Binds the session this client listens to; the connect timeout starts now. */
  void attach(EngineIoSession session) {
    this.session = session;
    startConnectTimer();
  }

  EngineIoSession session() {
    return session;
  }

  @Override
  public void onMessage(EngineIoPacket message) {
    try {
      (message.isBinary() ? decoder.addBinary(message.binary()) : decoder.addText(message.text()))
          .ifPresent(this::onPacket);
    } catch (SocketIoProtocolException e) {
      LOG.debug("Socket.IO session {}: {}", session.sid(), e.getMessage());
      session.close(EngineIoCloseReason.PARSE_ERROR);
    }
  }

  @Override
  public void onClose(String reason) {
    cancelConnectTimer();
    if (main != null) {
      release(main);
    }
    onClosed.accept(this);
  }

  void sendEventText(String namespace, String argsJson) {
    session.send(EngineIoPacket.message("2" + (SocketIoPacket.MAIN_NAMESPACE.equals(namespace) ? ""
        : namespace + ",") + argsJson));
  }

  void sendAck(String namespace, long ackId, JsonArray args) {
    send(SocketIoPacket.ack(namespace, ackId, args));
  }

  /**
   * The server ends a socket. Refused credentials send DISCONNECT (the client does not reconnect by itself);
   * anything else (shutdown, slow consumer) closes the transport so the client reconnects, to another node if this
   * one is going away.
   */
  void disconnect(SocketIoSocket socket, short code) {
    if (socket != main) {
      return;
    }
    if (code == CloseCodes.UNAUTHORIZED) {
      send(SocketIoPacket.disconnect(SocketIoPacket.MAIN_NAMESPACE));
      release(socket);
      startConnectTimer();
    } else {
      session.close();
    }
  }

  private void onPacket(SocketIoPacket packet) {
    boolean mainNamespace = SocketIoPacket.MAIN_NAMESPACE.equals(packet.namespace());
    switch (packet.type()) {
      case CONNECT -> {
        if (!mainNamespace) {
          send(SocketIoPacket.connectError(packet.namespace(), "Invalid namespace", null));
        } else {
          connectMain(packet.data() instanceof JsonObject auth ? auth : new JsonObject());
        }
      }
      case DISCONNECT -> {
        if (mainNamespace && main != null) {
          release(main);
          startConnectTimer();
        }
      }
      case EVENT, BINARY_EVENT -> {
        if (mainNamespace && main != null) {
          main.onEvent(packet.eventName(), packet.args(), packet.ackId());
        } else {
          LOG.debug("Socket.IO session {}: event for unconnected namespace {} ignored", session.sid(),
              packet.namespace());
        }
      }
      default -> LOG.debug("Socket.IO session {}: {} packet ignored", session.sid(), packet.type());
    }
  }

  private void connectMain(JsonObject auth) {
    if (main != null) {
      send(SocketIoPacket.connect(SocketIoPacket.MAIN_NAMESPACE, new JsonObject().put("sid", main.id())));
      return;
    }
    if (connecting) {
      return;
    }
    ConnectionAuth connectionAuth = deps.hub().newAuth();
    SocketIoSocket socket = new SocketIoSocket(this, deps.dispatcher(), deps.metrics(), connectionAuth);
    String token = auth.getValue("token") instanceof String t ? t : handshakeToken;
    if (token == null) {
      opened(socket);
      connectionAuth.openWindow();
      return;
    }
    connecting = true;
    connectionAuth.authenticate(socket, token).onComplete(result -> {
      connecting = false;
      if (session.state() == EngineIoSession.State.CLOSED) {
        connectionAuth.close();
        return;
      }
      if (result.failed()) {
        connectionAuth.close();
        ProtocolException e = result.cause() instanceof ProtocolException pe ? pe
            : new ProtocolException(ErrorCode.UNAUTHORIZED, "authentication failed");
        deps.metrics().error(e.code().wire());
        send(SocketIoPacket.connectError(SocketIoPacket.MAIN_NAMESPACE, e.getMessage(),
            new JsonObject().put("code", e.code().wire())));
        return;
      }
      opened(socket);
    });
  }

  private void opened(SocketIoSocket socket) {
    cancelConnectTimer();
    main = socket;
    deps.hub().opened(socket, socket.auth());
    deps.metrics().connectionOpened();
    send(SocketIoPacket.connect(SocketIoPacket.MAIN_NAMESPACE, new JsonObject().put("sid", socket.id())));
    socket.send("connected", socket.user().map(u -> ConnectionAuth.connected(socket, u))
        .orElseGet(() -> new JsonObject().put("connection_id", socket.id())));
  }

  private void release(SocketIoSocket socket) {
    main = null;
    deps.metrics().connectionClosed();
    deps.hub().closed(socket);
  }

  private void send(SocketIoPacket packet) {
    session.sendAll(SocketIoEncoder.encode(packet).engineIoPackets());
  }

  private void startConnectTimer() {
    cancelConnectTimer();
    connectTimer = deps.timers().schedule(deps.connectTimeoutMs(), () -> {
      if (main == null) {
        LOG.debug("Socket.IO session {} joined no namespace within {} ms; closing it", session.sid(),
            deps.connectTimeoutMs());
        session.close();
      }
    });
  }

  private void cancelConnectTimer() {
    if (connectTimer != null) {
      connectTimer.cancel();
      connectTimer = null;
    }
  }
}
