package io.streamhub.ingress;

import io.streamhub.contracts.Addresses;
import io.streamhub.contracts.FailureCodes;
import io.streamhub.contracts.JsonByReferenceCodec;
import io.streamhub.contracts.config.StreamhubConfig;
import io.streamhub.contracts.replay.StreamDeliveries;
import io.streamhub.contracts.replay.StreamDeliveriesCodec;
import io.streamhub.contracts.rooms.RoomMessage;
import io.streamhub.contracts.rooms.RoomName;
import io.streamhub.ingress.auth.RoomAccess;
import io.streamhub.ingress.auth.TokenVerifier;
import io.streamhub.ingress.auth.UserConnections;
import io.streamhub.ingress.dashboard.DashboardEvents;
import io.streamhub.ingress.http.BearerAuth;
import io.streamhub.ingress.http.DatasetRoutes;
import io.streamhub.ingress.http.DevLoginRoute;
import io.streamhub.ingress.http.HttpErrors;
import io.streamhub.ingress.http.LiveDataRoute;
import io.streamhub.ingress.http.PublishRoute;
import io.streamhub.ingress.http.SessionRoutes;
import io.streamhub.ingress.http.StreamRoutes;
import io.streamhub.ingress.http.WebAppRoutes;
import io.streamhub.ingress.ops.OpsRoutes;
import io.streamhub.ingress.pressure.PressureEvents;
import io.streamhub.ingress.protocol.ClientConnection;
import io.streamhub.ingress.protocol.CloseCodes;
import io.streamhub.ingress.protocol.ErrorCode;
import io.streamhub.ingress.protocol.EventDispatcher;
import io.streamhub.ingress.protocol.ProtocolException;
import io.streamhub.ingress.replay.ReplayEvents;
import io.streamhub.ingress.replay.ReplayTabs;
import io.streamhub.ingress.rooms.RoomDirectory;
import io.streamhub.ingress.rooms.RoomEvents;
import io.streamhub.ingress.rooms.RoomSequencer;
import io.streamhub.ingress.rooms.RoomSubscriptions;
import io.streamhub.ingress.rooms.StageAdapter;
import io.streamhub.ingress.rooms.Timers;
import io.streamhub.ingress.sio.SocketIoEndpoint;
import io.streamhub.ingress.sio.SocketIoNamespaces;
import io.streamhub.ingress.ws.JsonWsEndpoint;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's front door: the JSON WebSocket endpoint {@code /ws}, the HTTP API and the ops endpoints. It joins the
 * room directory as one member with its own delivery address. {@code start()} completes once the port is bound and
 * the delivery consumer is registered cluster-wide.
 */
public final class IngressVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(IngressVerticle.class);

  private final RoomDirectory directory;
  private final String nodeId;
  private final SocketIoNamespaces apps;
  private final String memberId = UUID.randomUUID().toString();
  private volatile StreamhubConfig config;
  private IngressMetrics metrics;
  private RoomSubscriptions subscriptions;
  private RoomSequencer sequencer;
  private EventDispatcher dispatcher;
  private HttpServer server;
  private long refreshTimer = -1;
  private long presenceTimer = -1;
  private Timers timers;
  private Optional<TokenVerifier> verifier = Optional.empty();
  private BearerAuth bearer;
  private RoomAccess roomAccess;
  private UserConnections users;
  private ConnectionHub hub;
  private SocketIoEndpoint socketIo;

  private final ReplayTabs replayTabs = new ReplayTabs();
  private ReplayEvents replayEvents;
  private PressureEvents pressureEvents;

  /**
   * @param nodeId this node's cluster id; the replay role drops the tabs of a node that leaves the cluster
   */
  public IngressVerticle(StreamhubConfig config, RoomDirectory directory, String nodeId) {
    this(config, directory, nodeId, null);
  }

  /**
   * @param apps the Socket.IO namespaces and handlers of an application embedding Streamhub; null for none
   */
  public IngressVerticle(StreamhubConfig config, RoomDirectory directory, String nodeId, SocketIoNamespaces apps) {
    this.config = config;
    this.directory = directory;
    this.nodeId = nodeId;
    this.apps = apps;
  }

  /** The bound HTTP port (useful with {@code http.port: 0}). */
  public int actualPort() {
    return server.actualPort();
  }

  @Override
  public Future<?> start() {
    return loadVerifier().compose(v -> {
      wire();
      return registerDelivery();
    }).compose(v -> watchConfig())
        .compose(v -> socketIo == null ? Future.succeededFuture() : socketIo.start())
        .compose(v -> listen())
        .onSuccess(v -> startRefresh());
  }

  /**
   * The token verifier: none when no key is configured and dev login is off (the config allows that only when
   * nothing on this node requires a token; every token offered is then refused). A bad key file fails the start.
   */
  private Future<Void> loadVerifier() {
    if (!config.auth().jwt().hasKey() && !config.auth().devLoginEnabled()) {
      LOG.info("no auth.jwt key and dev login off: every connection is anonymous and every token is refused");
      return Future.succeededFuture();
    }
    return TokenVerifier.create(vertx, config.auth()).map(created -> {
      verifier = Optional.of(created);
      return null;
    });
  }

  private void wire() {
    StageAdapter adapter = new StageAdapter() {
      @Override
      public <T> Future<T> adapt(CompletionStage<T> stage) {
        return Future.fromCompletionStage(stage, context);
      }
    };
    timers = new Timers() {
      @Override
      public long schedule(long delayMs, Runnable action) {
        return vertx.setTimer(delayMs, id -> action.run());
      }

      @Override
      public void cancel(long id) {
        vertx.cancelTimer(id);
      }
    };
    metrics = IngressMetrics.fromVertxRegistry();
    subscriptions = new RoomSubscriptions(memberId, directory, adapter, timers, () -> config.rooms().reorderTimeoutMs());
    sequencer = new RoomSequencer(directory, adapter,
        (member, message) -> vertx.eventBus().send(Addresses.roomsDeliver(member), message.toJson()),
        () -> config.rooms().maxPendingPublishes());
    dispatcher = new EventDispatcher(metrics);
    pressureEvents = new PressureEvents(vertx.eventBus(), memberId, () -> config.auth().pressureRequired());
    pressureEvents.register(dispatcher);
    bearer = new BearerAuth(verifier);
    roomAccess = new RoomAccess(() -> config.auth(), pressureEvents::ownerOf);
    users = new UserConnections(vertx.eventBus(), memberId);
    RoomEvents.register(dispatcher, subscriptions, sequencer, roomAccess);
    replayEvents = new ReplayEvents(vertx.eventBus(), replayTabs, memberId, nodeId,
        () -> config.auth().replayRequired());
    replayEvents.register(dispatcher);
    hub = new ConnectionHub(verifier, timers, () -> config.auth(), users, subscriptions,
        List.of(replayEvents::connectionClosed, pressureEvents::connectionClosed));
    hub.register(dispatcher);
    new DashboardEvents(vertx.eventBus()).register(dispatcher);
    if (config.socketIo().enabled()) {
      socketIo = new SocketIoEndpoint(vertx, () -> config, hub, dispatcher, metrics, timers, memberId,
          apps != null ? apps : new SocketIoNamespaces(vertx.eventBus()));
    }
  }

  private Future<Void> registerDelivery() {
    StreamDeliveriesCodec.register(vertx.eventBus());
    JsonByReferenceCodec.register(vertx.eventBus());
    return Future.all(
        vertx.eventBus().<JsonObject>consumer(Addresses.roomsDeliver(memberId),
            message -> subscriptions.onMessage(RoomMessage.fromJson(message.body()))).completion(),
        vertx.eventBus().<StreamDeliveries>consumer(Addresses.replayDeliver(memberId),
            message -> message.body().items().forEach(replayTabs::onDelivery)).completion(),
        vertx.eventBus().<JsonObject>consumer(Addresses.ROOMS_PUBLISH, this::publishFromRole).completion(),
        vertx.eventBus().<JsonObject>consumer(Addresses.connectionPush(memberId),
            message -> pressureEvents.push(message.body())).completion(),
        vertx.eventBus().<JsonObject>consumer(Addresses.PRESSURE_SESSION_ENDED,
            message -> pressureEvents.sessionEnded(message.body())).completion(),
        vertx.eventBus().<JsonObject>consumer(Addresses.USER_PUSH, message -> users.push(message.body()))
            .completion())
        .mapEmpty();
  }

  /** Another role publishes into a room ({@link Addresses#ROOMS_PUBLISH}), exactly as a client would. */
  private void publishFromRole(Message<JsonObject> message) {
    JsonObject body = message.body() == null ? new JsonObject() : message.body();
    String room = body.getString("room");
    JsonObject data = body.getValue("data") instanceof JsonObject d ? d : null;
    if (!RoomName.isValid(room) || data == null) {
      message.fail(FailureCodes.BAD_REQUEST, "rooms.publish needs a valid room and a data object");
      return;
    }
    sequencer.publish(room, data).onSuccess(seq -> message.reply(new JsonObject().put("room", room).put("seq", seq)))
        .onFailure(e -> message.fail(e instanceof ProtocolException pe && pe.code() == ErrorCode.BACKPRESSURE
            ? FailureCodes.BACKPRESSURE : FailureCodes.UNAVAILABLE, e.getMessage()));
  }

  private Future<Void> watchConfig() {
    return vertx.eventBus().<JsonObject>localConsumer(Addresses.CONFIG_CHANGED,
        message -> config = StreamhubConfig.fromJson(message.body())).completion();
  }

  private Future<HttpServer> listen() {
    int frameLimit = config.ws().maxFrameBytes();
    // Port 0 (tests) with several instances: Vert.x shares one random port among servers listening on the same
    // negative port, so every instance gets the port the first one bound.
    int port = config.http().port() == 0 && config.http().ingressInstances() > 1 ? -1 : config.http().port();
    HttpServerOptions options = new HttpServerOptions().setHost(config.http().host()).setPort(port)
        .setMaxWebSocketFrameSize(frameLimit).setMaxWebSocketMessageSize(frameLimit)
        .setPerMessageWebSocketCompressionSupported(config.ws().compression())
        .setPerFrameWebSocketCompressionSupported(config.ws().compression());
    Router router = Router.router(vertx);
    router.route("/ws").handler(new JsonWsEndpoint(() -> config, hub, dispatcher, metrics)::upgrade);
    if (socketIo != null) {
      socketIo.mount(router);
    }
    PublishRoute publish = new PublishRoute(sequencer, () -> config.ws().maxMessageBytes(), bearer, roomAccess);
    router.post("/api/v1/rooms/:room/publish").handler(BodyHandler.create(false).setBodyLimit(frameLimit))
        .handler(publish::handle);
    StreamRoutes.mount(router, vertx.eventBus());
    DatasetRoutes.mount(router, vertx.eventBus());
    SessionRoutes.mount(router, pressureEvents, vertx.eventBus(), frameLimit, bearer);
    DevLoginRoute.mount(router, config.auth().devLoginEnabled()
        ? verifier.flatMap(TokenVerifier::issuer) : Optional.empty());
    LiveDataRoute.mount(router, bearer, vertx.eventBus());
    OpsRoutes.mount(vertx, router);
    WebAppRoutes.mount(router);
    router.route().last().handler(rc -> HttpErrors.send(rc, 404, "not_found", "no route for " + rc.request().path()));
    return vertx.createHttpServer(options).requestHandler(router).listen().onSuccess(s -> {
      server = s;
      LOG.info("ingress listening on {}:{} (member {})", config.http().host(), s.actualPort(), memberId);
    });
  }

  private void startRefresh() {
    long idleMs = config.rooms().idleExpiryS() * 1000;
    refreshTimer = vertx.setPeriodic(Math.max(1000, idleMs / 3), id -> {
      subscriptions.joinedRooms().forEach(room -> directory.join(room, memberId));
      directory.expireIdle(idleMs);
    });
    presenceTimer = vertx.setPeriodic(config.auth().presenceRefreshMs(), id -> users.refresh());
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(refreshTimer);
    vertx.cancelTimer(presenceTimer);
    for (ClientConnection connection : hub.connections()) {
      connection.close(CloseCodes.GOING_AWAY, "server shutting down");
      // Release its replay tabs, sessions and rooms now rather than when the socket's close completes, which may be
      // after the roles undeployed after ingress (replay) have stopped: their final state must be the last word.
      hub.closed(connection);
    }
    if (socketIo != null) {
      socketIo.closeAll();
    }
    return server == null ? Future.succeededFuture() : server.close();
  }
}
