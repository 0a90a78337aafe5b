package io.streamhub.ingress.sio;

import io.streamhub.contracts.config.SocketIoConfig;
import io.streamhub.contracts.socketio.BridgeFrame;
import io.streamhub.ingress.ConnectionHub;
import io.streamhub.ingress.IngressMetrics;
import io.streamhub.ingress.auth.ConnectionAuth;
import io.streamhub.ingress.protocol.CloseCodes;
import io.streamhub.ingress.protocol.ErrorCode;
import io.streamhub.ingress.protocol.EventDispatcher;
import io.streamhub.ingress.protocol.ProtocolException;
import io.streamhub.ingress.sio.SocketIoNamespaces.AppNamespace;
import io.streamhub.ingress.socketio.EngineIoCloseReason;
import io.streamhub.ingress.socketio.EngineIoListener;
import io.streamhub.ingress.socketio.EngineIoPacket;
import io.streamhub.ingress.socketio.EngineIoSession;
import io.streamhub.ingress.socketio.EngineIoTimers;
import io.streamhub.ingress.socketio.SocketIoDecoder;
import io.streamhub.ingress.socketio.SocketIoEncoder;
import io.streamhub.ingress.socketio.SocketIoPacket;
import io.streamhub.ingress.socketio.SocketIoProtocolException;
import io.vertx.core.json.JsonObject;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Socket.IO layer of one Engine.IO session: decodes its messages into packets, connects namespaces — the main
 * namespace {@code /} and those an embedding application registered — authenticating the CONNECT payload's
 * {@code token} (else the handshake's bearer token), or recovering a dropped socket from its {@code pid} and
 * {@code offset} (on this node, or over the {@link SocketBridge}), and hands events and acks to each namespace's
 * {@link NamespaceMember}. A session connected to no namespace for {@code connect_timeout_ms} — after the handshake,
 * or after its last socket left — is closed.
 */
final class SocketIoClient implements EngineIoListener, SocketLink {

  private static final Logger LOG = LoggerFactory.getLogger(SocketIoClient.class);

  /** What a client needs from the endpoint. */
  record Deps(ConnectionHub hub, EventDispatcher dispatcher, IngressMetrics metrics, EngineIoTimers timers,
      SocketIoNamespaces apps, NamespaceRooms rooms, ParkedSockets parked, SocketBridge bridge, String memberId,
      Supplier<SocketIoConfig> config) {
  }

  /** Why a connection may drop and come back: its sockets wait for recovery (as Socket.IO's server does). */
  static final Set<String> RECOVERABLE = Set.of(EngineIoCloseReason.PING_TIMEOUT,
      EngineIoCloseReason.TRANSPORT_CLOSE, EngineIoCloseReason.TRANSPORT_ERROR, EngineIoCloseReason.SLOW_CONSUMER);

  private final Deps deps;
  private final String handshakeToken;
  private final Consumer<SocketIoClient> onClosed;
  private final SocketIoDecoder decoder;
  private final Map<String, NamespaceMember> members = new LinkedHashMap<>();
  private final Set<String> connecting = new HashSet<>();
  private EngineIoSession session;
  private EngineIoTimers.Cancellable connectTimer;

  /** @param handshakeToken a bearer token of the handshake request, used when CONNECT carries none; may be null */
  SocketIoClient(Deps deps, String handshakeToken, Consumer<SocketIoClient> onClosed) {
    this.deps = deps;
    this.handshakeToken = handshakeToken;
    this.onClosed = onClosed;
    this.decoder = new SocketIoDecoder(deps.config().get().maxAttachments());
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
    List<NamespaceMember> all = List.copyOf(members.values());
    members.clear();
    all.forEach(member -> member.dropped(reason));
    onClosed.accept(this);
  }

  @Override
  public void send(List<EngineIoPacket> packets) {
    session.sendAll(packets);
  }

  /** Shutdown and slow consumers close the transport, so the client reconnects (elsewhere if this node stops). */
  @Override
  public void close(SocketIoSocket socket, short code) {
    if (code == CloseCodes.UNAUTHORIZED) {
      disconnect(socket);
    } else if (members.get(socket.namespace()) == socket) {
      session.close();
    }
  }

  @Override
  public void disconnect(SocketIoSocket socket) {
    if (members.get(socket.namespace()) == socket) {
      send(SocketIoPacket.disconnect(socket.namespace()));
      leave(socket.namespace());
      socket.end();
    }
  }

  /** A recovery over the bridge starts: events for the namespace are held until it is answered. */
  void bridging(BridgedSocket stand) {
    members.put(stand.namespace(), stand);
  }

  void notBridged(BridgedSocket stand) {
    members.remove(stand.namespace(), stand);
  }

  /** A socket recovered over the bridge: CONNECT with its id. */
  void connected(BridgedSocket stand, String socketId, String pid) {
    cancelConnectTimer();
    send(SocketIoPacket.connect(stand.namespace(), new JsonObject().put("sid", socketId).put("pid", pid)));
  }

  /** A frame from the node of a socket bridged into this session. */
  void fromBridge(BridgeFrame.Kind kind, String namespace, List<EngineIoPacket> packets) {
    if (!(members.get(namespace) instanceof BridgedSocket stand)) {
      return;
    }
    switch (kind) {
      case OUT -> stand.deliver(packets);
      case CLOSE -> session.close();
      case DISCONNECT -> {
        send(SocketIoPacket.disconnect(namespace));
        leave(namespace);
      }
      default -> LOG.debug("bridge frame {} ignored by session {}", kind, session.sid());
    }
  }

  private void send(SocketIoPacket packet) {
    session.sendAll(SocketIoEncoder.encode(packet).engineIoPackets());
  }

  private void onPacket(SocketIoPacket packet) {
    NamespaceMember member = members.get(packet.namespace());
    switch (packet.type()) {
      case CONNECT -> connect(packet.namespace(), packet.data() instanceof JsonObject auth ? auth : new JsonObject());
      case DISCONNECT -> {
        if (member != null) {
          leave(packet.namespace());
          member.clientLeft();
        }
      }
      case EVENT, BINARY_EVENT -> {
        if (member != null) {
          member.onEvent(packet.eventName(), packet.args(), packet.ackId());
        }
      }
      case ACK, BINARY_ACK -> {
        if (member != null) {
          member.onAck(packet.ackId(), packet.args());
        }
      }
      default -> LOG.debug("Socket.IO session {}: {} packet ignored", session.sid(), packet.type());
    }
  }

  private void connect(String namespace, JsonObject auth) {
    if (members.get(namespace) instanceof SocketIoSocket existing) {
      send(SocketIoPacket.connect(namespace, connectData(existing)));
      return;
    }
    boolean main = SocketIoPacket.MAIN_NAMESPACE.equals(namespace);
    AppNamespace app = deps.apps().find(namespace).orElse(null);
    if (!main && app == null) {
      send(SocketIoPacket.connectError(namespace, "Invalid namespace", null));
      return;
    }
    if (members.containsKey(namespace) || !connecting.add(namespace)) {
      return;
    }
    String offset = auth.getValue("offset") instanceof String o ? o : null;
    if (!(auth.getValue("pid") instanceof String pid)) {
      fresh(namespace, app, auth);
    } else if (deps.bridge().isRemote(pid)) {
      deps.bridge().recover(this, namespace, pid, offset).onSuccess(recovered -> {
        if (!recovered && session.state() != EngineIoSession.State.CLOSED) {
          fresh(namespace, app, auth);
        } else {
          connecting.remove(namespace);
        }
      });
    } else if (!recoverHere(namespace, pid, offset)) {
      fresh(namespace, app, auth);
    } else {
      connecting.remove(namespace);
    }
  }

  /**
   * Connection state recovery on this node: the parked socket takes the new connection, with the same socket id,
   * rooms and streams, and first receives the events after {@code offset}. False when there is no such socket here
   * or it missed more events than are kept: the client then gets a fresh socket.
   */
  private boolean recoverHere(String namespace, String pid, String offset) {
    Optional<SocketIoSocket> parked = deps.parked().take(pid, namespace);
    if (parked.isEmpty()) {
      return false;
    }
    SocketIoSocket socket = parked.get();
    Optional<List<EngineIoPacket>> missed = socket.missedAfter(offset);
    if (missed.isEmpty()) {
      LOG.debug("Socket.IO socket {} missed more than its kept events; the client gets a fresh socket", socket.id());
      socket.end();
      return false;
    }
    cancelConnectTimer();
    members.put(namespace, socket);
    send(SocketIoPacket.connect(namespace, connectData(socket)));
    socket.reattach(this, missed.get());
    return true;
  }

  private void fresh(String namespace, AppNamespace app, JsonObject auth) {
    boolean main = SocketIoPacket.MAIN_NAMESPACE.equals(namespace);
    SocketIoConfig.Recovery recovery = deps.config().get().recovery();
    ConnectionAuth connectionAuth = deps.hub().newAuth();
    SocketIoSocket socket = new SocketIoSocket(namespace, this, main ? deps.dispatcher() : null, app, deps,
        connectionAuth, recovery.enabled() ? deps.memberId() + "." + UUID.randomUUID() : null,
        recovery.maxBufferedPackets());
    String token = auth.getValue("token") instanceof String t ? t : handshakeToken;
    if (token == null) {
      connecting.remove(namespace);
      opened(socket);
      connectionAuth.openWindow();
      return;
    }
    connectionAuth.authenticate(socket, token).onComplete(result -> {
      connecting.remove(namespace);
      if (session.state() == EngineIoSession.State.CLOSED) {
        connectionAuth.close();
      } else if (result.failed()) {
        connectionAuth.close();
        ProtocolException e = result.cause() instanceof ProtocolException pe ? pe
            : new ProtocolException(ErrorCode.UNAUTHORIZED, "authentication failed");
        deps.metrics().error(e.code().wire());
        send(SocketIoPacket.connectError(namespace, e.getMessage(), new JsonObject().put("code", e.code().wire())));
      } else {
        opened(socket);
      }
    });
  }

  private static JsonObject connectData(SocketIoSocket socket) {
    JsonObject data = new JsonObject().put("sid", socket.id());
    if (socket.pid() != null) {
      data.put("pid", socket.pid());
    }
    return data;
  }

  private void opened(SocketIoSocket socket) {
    cancelConnectTimer();
    members.put(socket.namespace(), socket);
    deps.hub().opened(socket, socket.auth());
    deps.metrics().connectionOpened();
    send(SocketIoPacket.connect(socket.namespace(), connectData(socket)));
    if (SocketIoPacket.MAIN_NAMESPACE.equals(socket.namespace())) {
      socket.send("connected", socket.user().map(u -> ConnectionAuth.connected(socket, u))
          .orElseGet(() -> new JsonObject().put("connection_id", socket.id())));
    }
    if (socket.app() != null) {
      socket.app().connected(socket);
    }
  }

  private void leave(String namespace) {
    members.remove(namespace);
    if (members.isEmpty() && session.state() != EngineIoSession.State.CLOSED) {
      startConnectTimer();
    }
  }

  private void startConnectTimer() {
    cancelConnectTimer();
    long timeoutMs = deps.config().get().connectTimeoutMs();
    connectTimer = deps.timers().schedule(timeoutMs, () -> {
      if (members.isEmpty()) {
        LOG.debug("Socket.IO session {} joined no namespace within {} ms; closing it", session.sid(), timeoutMs);
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
