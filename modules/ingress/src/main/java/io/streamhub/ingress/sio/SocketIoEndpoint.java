package io.streamhub.ingress.sio;

import io.streamhub.contracts.Addresses;
import io.streamhub.contracts.config.SocketIoConfig;
import io.streamhub.contracts.config.StreamhubConfig;
import io.streamhub.contracts.socketio.RoomEmit;
import io.streamhub.ingress.ConnectionHub;
import io.streamhub.ingress.IngressMetrics;
import io.streamhub.ingress.http.BearerAuth;
import io.streamhub.ingress.protocol.EventDispatcher;
import io.streamhub.ingress.rooms.Timers;
import io.streamhub.ingress.socketio.EngineIoConfig;
import io.streamhub.ingress.socketio.EngineIoError;
import io.streamhub.ingress.socketio.EngineIoHandshake;
import io.streamhub.ingress.socketio.EngineIoPostResult;
import io.streamhub.ingress.socketio.EngineIoSession;
import io.streamhub.ingress.socketio.EngineIoTimers;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /socket.io/}: Engine.IO v4 over HTTP long-polling and WebSocket, with the polling → WebSocket upgrade, for
 * Socket.IO v5 clients. Checks each request (origin, {@code EIO=4}, transport, sid, method) and answers a bad one
 * with the protocol's HTTP error; hands good ones to the session of their sid. Confined to the ingress event loop.
 */
public final class SocketIoEndpoint {

  private static final Logger LOG = LoggerFactory.getLogger(SocketIoEndpoint.class);

  /** The path socket.io clients use by default. */
  public static final String PATH = "/socket.io/";

  /** How much longer than the session's own limits a forwarded request may take before it counts as lost, in ms. */
  private static final long FORWARD_MARGIN_MS = 10_000;

  private final Vertx vertx;
  private final Supplier<StreamhubConfig> config;
  private final SocketIoClient.Deps deps;
  private final Map<String, SocketIoClient> clients = new HashMap<>();
  private final PollForwarding forwarding;
  private final WsRelay relay;

  /**
   * @param memberId this ingress's id in the cluster; session ids start with it, so any node can send a polling
   *     request on to the session's ingress
   */
  public SocketIoEndpoint(Vertx vertx, Supplier<StreamhubConfig> config, ConnectionHub hub,
      EventDispatcher dispatcher, IngressMetrics metrics, Timers ingressTimers, String memberId,
      SocketIoNamespaces apps) {
    this.vertx = vertx;
    this.config = config;
    this.forwarding = new PollForwarding(vertx.eventBus(), memberId);
    this.relay = new WsRelay(vertx.eventBus(), memberId, () -> config.get().ws().maxPendingMessages());
    EngineIoTimers timers = (delayMs, task) -> {
      long id = ingressTimers.schedule(Math.max(1, delayMs), task);
      return () -> ingressTimers.cancel(id);
    };
    Supplier<SocketIoConfig> socketIo = () -> config.get().socketIo();
    ParkedSockets parked = new ParkedSockets(timers, () -> socketIo.get().recovery().maxDisconnectionMs());
    this.deps = new SocketIoClient.Deps(hub, dispatcher, metrics, timers, apps, new NamespaceRooms(), parked,
        new SocketBridge(vertx.eventBus(), memberId, parked), memberId, socketIo);
  }

  /**
   * Starts serving polling requests other nodes forward here, WebSockets they relay, sockets recovered on other
   * nodes and room emits of application namespaces; completes once these consumers are registered cluster-wide.
   */
  public Future<Void> start() {
    return Future.all(forwarding.serve(this::sessionOf), relay.serve(this::sessionOf),
        deps.bridge().serve(clients::get),
        vertx.eventBus().<JsonObject>consumer(Addresses.SOCKETIO_ROOM_EMIT, this::onRoomEmit).completion())
        .mapEmpty();
  }

  private EngineIoSession sessionOf(String sid) {
    SocketIoClient client = clients.get(sid);
    return client == null ? null : client.session();
  }

  private void onRoomEmit(Message<JsonObject> message) {
    try {
      deps.rooms().deliver(RoomEmit.fromJson(message.body()));
    } catch (IllegalArgumentException e) {
      LOG.warn("room emit dropped: {}", e.getMessage());
    }
  }

  public void mount(Router router) {
    router.post(PATH).handler(BodyHandler.create(false).setBodyLimit(config.get().socketIo().maxPayloadBytes()));
    router.route(PATH).handler(this::handle);
  }

  /** Open Engine.IO sessions on this node. */
  public int sessions() {
    return clients.size();
  }

  /** Closes every session and ends every socket waiting for recovery (shutdown). */
  public void closeAll() {
    List.copyOf(clients.values()).forEach(client -> client.session().close());
    deps.parked().endAll();
  }

  private void handle(RoutingContext rc) {
    HttpServerRequest request = rc.request();
    HttpServerResponse response = rc.response();
    SocketIoConfig c = config.get().socketIo();
    String origin = request.getHeader(HttpHeaders.ORIGIN);
    if (!c.originAllowed(origin)) {
      EngineIoHttp.reject(response, EngineIoError.FORBIDDEN, "origin " + origin
          + " is not allowed (socketio.allowed_origins)");
      return;
    }
    if (origin != null) {
      response.putHeader("Access-Control-Allow-Origin", origin).putHeader("Access-Control-Allow-Credentials", "true")
          .putHeader(HttpHeaders.VARY, "Origin");
    }
    if (request.method() == HttpMethod.OPTIONS) {
      String headers = request.getHeader("Access-Control-Request-Headers");
      response.putHeader("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
      if (headers != null) {
        response.putHeader("Access-Control-Allow-Headers", headers);
      }
      response.setStatusCode(204).end();
      return;
    }
    if (!"4".equals(request.getParam("EIO"))) {
      EngineIoHttp.reject(response, EngineIoError.UNSUPPORTED_PROTOCOL_VERSION, "unsupported protocol version: EIO="
          + request.getParam("EIO") + " (this server speaks Engine.IO 4: socket.io-client 3.x/4.x)");
      return;
    }
    String transport = request.getParam("transport");
    boolean upgrade = "websocket".equalsIgnoreCase(request.getHeader(HttpHeaders.UPGRADE));
    if (!"polling".equals(transport) && !"websocket".equals(transport)) {
      EngineIoHttp.reject(response, EngineIoError.TRANSPORT_UNKNOWN, "transport unknown: " + transport
          + " (polling or websocket)");
    } else if ("websocket".equals(transport) != upgrade) {
      EngineIoHttp.reject(response, EngineIoError.BAD_REQUEST, upgrade ? "a WebSocket upgrade needs transport=websocket"
          : "transport=websocket needs a WebSocket upgrade request");
    } else if (request.getParam("sid") == null) {
      handshake(rc, upgrade, c);
    } else {
      existing(rc, request.getParam("sid"), upgrade);
    }
  }

  private void handshake(RoutingContext rc, boolean upgrade, SocketIoConfig c) {
    if (rc.request().method() != HttpMethod.GET) {
      EngineIoHttp.reject(rc.response(), EngineIoError.BAD_HANDSHAKE_METHOD, "a handshake must be a GET, not "
          + rc.request().method());
      return;
    }
    String token = BearerAuth.token(rc.request().getHeader(HttpHeaders.AUTHORIZATION));
    EngineIoConfig engine = new EngineIoConfig(c.pingIntervalMs(), c.pingTimeoutMs(), c.maxPayloadBytes(),
        c.maxQueuedPackets(), c.upgradeTimeoutMs());
    SocketIoClient client = new SocketIoClient(deps, token, closed -> clients.remove(closed.session().sid()));
    EngineIoSession session = new EngineIoSession(forwarding.newSid(EngineIoHandshake.newSessionId()), engine, deps.timers(), client);
    if (!upgrade) {
      register(client, session);
      session.openPolling(new HttpPoll(rc.response()));
      return;
    }
    rc.request().toWebSocket().onSuccess(socket -> {
      register(client, session);
      session.openWebSocket(transport(socket, session));
    });
  }

  private void register(SocketIoClient client, EngineIoSession session) {
    clients.put(session.sid(), client);
    client.attach(session);
  }

  private void existing(RoutingContext rc, String sid, boolean upgrade) {
    SocketIoClient client = clients.get(sid);
    if (client == null) {
      elsewhere(rc, sid, upgrade);
      return;
    }
    EngineIoSession session = client.session();
    if (upgrade) {
      rc.request().toWebSocket().onSuccess(socket -> session.onWebSocketUpgrade(transport(socket, session)));
    } else if (rc.request().method() == HttpMethod.GET) {
      HttpPoll poll = new HttpPoll(rc.response());
      rc.response().closeHandler(v -> session.onPollAborted(poll));
      session.onPoll(poll);
    } else if (rc.request().method() == HttpMethod.POST) {
      EngineIoPostResult result = session.onPost(rc.body().asString());
      HttpServerResponse response = rc.response().setStatusCode(result.httpStatus());
      if (result.contentType() != null) {
        response.putHeader(HttpHeaders.CONTENT_TYPE, result.contentType());
      }
      response.end(result.body());
    } else {
      EngineIoHttp.reject(rc.response(), EngineIoError.BAD_REQUEST, "polling takes GET and POST, not "
          + rc.request().method());
    }
  }

  /** A request for a session this ingress does not hold: sent on to the session's ingress, if it names one. */
  private void elsewhere(RoutingContext rc, String sid, boolean upgrade) {
    String owner = PollForwarding.ownerOf(sid);
    SocketIoConfig c = config.get().socketIo();
    if (owner == null || forwarding.isMine(sid)) {
      EngineIoHttp.reject(rc.response(), EngineIoError.SESSION_ID_UNKNOWN, "session id unknown: " + sid);
    } else if (upgrade) {
      rc.request().toWebSocket().onSuccess(socket -> relay.relay(socket, sid, owner));
    } else if (rc.request().method() == HttpMethod.GET) {
      forwarding.forwardGet(rc.response(), sid, owner, c.pingIntervalMs() + c.pingTimeoutMs() + FORWARD_MARGIN_MS);
    } else if (rc.request().method() == HttpMethod.POST) {
      forwarding.forwardPost(rc.response(), sid, owner, rc.body().asString(), FORWARD_MARGIN_MS);
    } else {
      EngineIoHttp.reject(rc.response(), EngineIoError.BAD_REQUEST, "polling takes GET and POST, not "
          + rc.request().method());
    }
  }

  private WebSocketTransport transport(ServerWebSocket socket, EngineIoSession session) {
    WebSocketTransport transport = new WebSocketTransport(socket, () -> config.get().ws().maxPendingMessages());
    socket.textMessageHandler(text -> session.onWebSocketText(transport, text));
    socket.binaryMessageHandler(buffer -> session.onWebSocketBinary(transport, buffer.getBytes()));
    socket.closeHandler(v -> session.onWebSocketClosed(transport));
    socket.exceptionHandler(e -> transport.close());
    return transport;
  }
}
