package io.streamhub.ingress.sio;

import io.streamhub.ingress.ConnectionHub;
import io.streamhub.ingress.IngressMetrics;
import io.streamhub.ingress.auth.AuthenticatedUser;
import io.streamhub.ingress.auth.ConnectionAuth;
import io.streamhub.ingress.protocol.ClientConnection;
import io.streamhub.ingress.protocol.ErrorCode;
import io.streamhub.ingress.protocol.EventDispatcher;
import io.streamhub.ingress.protocol.OutboundEvent;
import io.streamhub.ingress.protocol.ProtocolException;
import io.streamhub.ingress.sio.SocketIoNamespaces.AppNamespace;
import io.streamhub.ingress.socketio.EngineIoPacket;
import io.streamhub.ingress.socketio.EngineIoTimers;
import io.streamhub.ingress.socketio.SocketIoEncoder;
import io.streamhub.ingress.socketio.SocketIoPacket;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Socket.IO socket: a client in one namespace. In the main namespace {@code /} its events go through the same
 * {@link EventDispatcher} as the JSON WebSocket protocol: {@code emit(event, data, ack)} is a request with its data
 * object as the only argument; the ack callback receives the answer, or {@code {error: {code, message}}} when the
 * request was refused — which, as on the JSON protocol, also sends the {@code error} event {@code {code, message}}.
 * Other events, and every event of an application namespace, go to the application's {@link SocketIoHandler}.
 * At most {@link #MAX_IN_FLIGHT} protocol requests are handled at once and {@link #MAX_PENDING_ACKS} acks awaited;
 * beyond, a request is refused with {@code backpressure} and {@code emitWithAck} fails (nothing accepted is dropped).
 */
final class SocketIoSocket implements ClientConnection, SocketIoConnection, NamespaceMember {

  private static final Logger LOG = LoggerFactory.getLogger(SocketIoSocket.class);

  /** Protocol requests of one socket being handled at once. */
  static final int MAX_IN_FLIGHT = 256;
  /** Acknowledgements one socket may owe the server at once. */
  static final int MAX_PENDING_ACKS = 1024;

  private final String id = UUID.randomUUID().toString();
  private final String namespace;
  private final EventDispatcher dispatcher;
  private final AppNamespace app;
  private final IngressMetrics metrics;
  private final ConnectionAuth auth;
  private final NamespaceRooms rooms;
  private final EngineIoTimers timers;
  private final ConnectionHub hub;
  private final ParkedSockets parked;
  private final String pid;
  private final PacketHistory history;
  private SocketLink link;
  private final Set<String> joined = new LinkedHashSet<>();
  private final Map<Long, Promise<JsonArray>> pendingAcks = new HashMap<>();
  private long nextAckId;
  private int inFlight;
  private boolean released;

  /**
   * @param dispatcher Streamhub's protocol, for the main namespace; null in an application namespace
   * @param app the application's handlers of this namespace; null when it registered none
   */
  /**
   * @param link the client's session
   * @param pid the private id for connection state recovery; null when recovery is off
   * @param historySize events kept for a reconnecting client (with {@code pid})
   */
  SocketIoSocket(String namespace, SocketLink link, EventDispatcher dispatcher, AppNamespace app,
      SocketIoClient.Deps deps, ConnectionAuth auth, String pid, int historySize) {
    this.namespace = namespace;
    this.link = link;
    this.dispatcher = dispatcher;
    this.hub = deps.hub();
    this.parked = deps.parked();
    this.pid = pid;
    this.history = pid == null ? null : new PacketHistory(historySize);
    this.app = app;
    this.metrics = deps.metrics();
    this.rooms = deps.rooms();
    this.timers = deps.timers();
    this.auth = auth;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public String namespace() {
    return namespace;
  }

  ConnectionAuth auth() {
    return auth;
  }

  /** The private id a client reconnects with to recover this socket; null when recovery is off. */
  String pid() {
    return pid;
  }

  boolean recoverable() {
    return pid != null && !released;
  }

  AppNamespace app() {
    return app;
  }

  @Override
  public Optional<AuthenticatedUser> user() {
    return auth.user();
  }

  @Override
  public Optional<String> userId() {
    return auth.user().map(AuthenticatedUser::sub);
  }

  @Override
  public void send(OutboundEvent event) {
    metrics.sent(event.event());
    sendEvent(List.of(EngineIoPacket.message("2" + (SocketIoPacket.MAIN_NAMESPACE.equals(namespace) ? ""
        : namespace + ",") + event.socketIoArgs())));
  }

  /** The server ends the socket (token expired, shutdown, slow consumer), see {@link SocketLink#close}. */
  @Override
  public void close(short code, String reason) {
    metrics.closed(code);
    if (link != null) {
      link.close(this, code);
    }
  }

  @Override
  public void emit(String event, Object... args) {
    metrics.sent(event);
    sendEvent(SocketIoEncoder.encode(SocketIoPacket.event(namespace, null, event, args)).engineIoPackets());
  }

  @Override
  public Future<JsonArray> emitWithAck(long timeoutMs, String event, Object... args) {
    if (released) {
      return Future.failedFuture("socket " + id + " is disconnected");
    }
    if (pendingAcks.size() >= MAX_PENDING_ACKS) {
      return Future.failedFuture(MAX_PENDING_ACKS + " acknowledgements of socket " + id + " are outstanding");
    }
    long ackId = nextAckId++;
    Promise<JsonArray> answer = Promise.promise();
    pendingAcks.put(ackId, answer);
    EngineIoTimers.Cancellable timeout = timers.schedule(timeoutMs, () -> {
      Promise<JsonArray> late = pendingAcks.remove(ackId);
      if (late != null) {
        late.fail("no acknowledgement of " + event + " within " + timeoutMs + " ms");
      }
    });
    metrics.sent(event);
    sendEvent(SocketIoEncoder.encode(SocketIoPacket.event(namespace, ackId, event, args)).engineIoPackets());
    return answer.future().onComplete(done -> timeout.cancel());
  }

  @Override
  public void join(String room) {
    if (!released && joined.add(room)) {
      rooms.join(this, room);
    }
  }

  @Override
  public void leave(String room) {
    if (joined.remove(room)) {
      rooms.leave(this, room);
    }
  }

  @Override
  public Set<String> rooms() {
    return Set.copyOf(joined);
  }

  @Override
  public void disconnect() {
    if (link != null) {
      link.disconnect(this);
    }
  }

  /** An event already encoded (a room emit): numbered for recovery, then sent. */
  void sendPackets(List<EngineIoPacket> packets) {
    sendEvent(packets);
  }

  /** The client's connection dropped: what is sent from now on is only recorded (see {@link ParkedSockets}). */
  void detach() {
    link = null;
  }

  /** The events after a reconnecting client's {@code offset}; empty when they are no longer all kept. */
  Optional<List<EngineIoPacket>> missedAfter(String offset) {
    return history == null ? Optional.empty() : history.after(offset);
  }

  /** A reconnecting client takes this socket back: the events it missed go out first, then live ones. */
  void reattach(SocketLink client, List<EngineIoPacket> missed) {
    link = client;
    if (!missed.isEmpty()) {
      client.send(missed);
    }
  }

  private void sendEvent(List<EngineIoPacket> packets) {
    List<EngineIoPacket> numbered = history == null ? packets : history.record(packets);
    if (link != null) {
      link.send(numbered);
    }
  }

  private void sendPlain(SocketIoPacket packet) {
    if (link != null) {
      link.send(SocketIoEncoder.encode(packet).engineIoPackets());
    }
  }

  @Override
  public void clientLeft() {
    end();
  }

  /** The client's connection dropped: the socket waits for its client when it can be recovered, else it ends. */
  @Override
  public void dropped(String reason) {
    if (SocketIoClient.RECOVERABLE.contains(reason) && recoverable()) {
      parked.park(this);
    } else {
      end();
    }
  }

  /** An EVENT from the client: {@code [name, args...]}, with an ack id when it wants an answer. */
  @Override
  public void onEvent(String event, JsonArray args, Long ackId) {
    if (dispatcher != null && dispatcher.has(event)) {
      onProtocolEvent(event, args, ackId);
      return;
    }
    metrics.received(event);
    SocketIoHandler handler = app == null ? null : app.handler(event);
    if (handler == null) {
      refuse(ackId, new ProtocolException(ErrorCode.UNKNOWN_EVENT, "unknown event \"" + event + "\" in namespace "
          + namespace));
      return;
    }
    try {
      handler.handle(this, args, ackId == null ? null : ackOnce(ackId));
    } catch (RuntimeException e) {
      LOG.error("handler for {} in namespace {} failed on socket {}", event, namespace, id, e);
      refuse(ackId, new ProtocolException(ErrorCode.INTERNAL, "internal error while handling " + event));
    }
  }

  /** An ACK from the client for an {@link #emitWithAck}. */
  @Override
  public void onAck(long ackId, JsonArray args) {
    Promise<JsonArray> answer = pendingAcks.remove(ackId);
    if (answer != null) {
      answer.complete(args);
    }
  }

  /**
   * The socket is gone for good: rooms are left, outstanding acks fail, the connection hub releases what it held
   * (Streamhub rooms, streams, sessions) and the application hears of it. Safe to call twice.
   */
  void end() {
    if (released) {
      return;
    }
    released = true;
    link = null;
    List.copyOf(joined).forEach(this::leave);
    List.copyOf(pendingAcks.values()).forEach(p -> p.tryFail("socket " + id + " disconnected"));
    pendingAcks.clear();
    metrics.connectionClosed();
    hub.closed(this);
    if (app != null) {
      app.disconnected(this);
    }
  }

  private SocketIoAck ackOnce(long ackId) {
    boolean[] answered = {false};
    return replyArgs -> {
      if (!answered[0]) {
        answered[0] = true;
        sendPlain(SocketIoPacket.ack(namespace, ackId, new JsonArray(List.of(replyArgs))));
      }
    };
  }

  private void onProtocolEvent(String event, JsonArray args, Long ackId) {
    JsonObject data;
    if (args.isEmpty()) {
      data = new JsonObject();
    } else if (args.getValue(0) instanceof JsonObject object) {
      data = object;
    } else {
      metrics.received(event);
      refuse(ackId, new ProtocolException(ErrorCode.BAD_FRAME, "the argument of " + event
          + " must be a JSON object (the event's data), got " + describe(args.getList().get(0))));
      return;
    }
    if (inFlight >= MAX_IN_FLIGHT) {
      metrics.received(event);
      refuse(ackId, new ProtocolException(ErrorCode.BACKPRESSURE, MAX_IN_FLIGHT
          + " requests of this socket are being handled; retry " + event + " later"));
      return;
    }
    inFlight++;
    dispatcher.dispatch(this, event, data).onComplete(result -> {
      inFlight--;
      if (result.succeeded()) {
        if (ackId != null) {
          sendPlain(SocketIoPacket.ack(namespace, ackId,
              new JsonArray().add(result.result() == null ? new JsonObject() : result.result())));
        }
      } else {
        ProtocolException e = (ProtocolException) result.cause();
        refuse(ackId, e);
        if (e.closeCode() != 0) {
          close(e.closeCode(), e.getMessage());
        }
      }
    });
  }

  private void refuse(Long ackId, ProtocolException e) {
    metrics.error(e.code().wire());
    JsonObject error = new JsonObject().put("code", e.code().wire()).put("message", e.getMessage());
    if (ackId != null) {
      sendPlain(SocketIoPacket.ack(namespace, ackId, new JsonArray().add(new JsonObject().put("error", error))));
    }
    send(new OutboundEvent("error", error));
  }

  private static String describe(Object value) {
    return value == null ? "null" : value instanceof List<?> || value instanceof JsonArray ? "an array"
        : value instanceof String ? "a string" : value instanceof byte[] ? "binary"
        : value.getClass().getSimpleName().toLowerCase();
  }
}
