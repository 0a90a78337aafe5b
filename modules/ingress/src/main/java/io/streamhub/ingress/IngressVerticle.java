package io.streamhub.ingress;

import io.streamhub.contracts.Addresses;
import io.streamhub.contracts.config.StreamhubConfig;
import io.streamhub.contracts.rooms.RoomMessage;
import io.streamhub.ingress.http.HttpErrors;
import io.streamhub.contracts.replay.StreamDeliveries;
import io.streamhub.contracts.replay.StreamDeliveriesCodec;
import io.streamhub.contracts.JsonByReferenceCodec;
import io.streamhub.ingress.auth.TokenVerifier;
import io.streamhub.ingress.dashboard.DashboardEvents;
import io.streamhub.ingress.http.LiveDataRoute;
import io.streamhub.ingress.http.PublishRoute;
import io.streamhub.ingress.http.SessionRoutes;
import io.streamhub.ingress.http.StreamRoutes;
import io.streamhub.contracts.FailureCodes;
import io.streamhub.contracts.rooms.RoomName;
import io.streamhub.ingress.pressure.PressureEvents;
import io.streamhub.ingress.protocol.ErrorCode;
import io.streamhub.ingress.protocol.ProtocolException;
import io.streamhub.ingress.replay.ReplayEvents;
import io.streamhub.ingress.replay.ReplayTabs;
import io.streamhub.ingress.ops.OpsRoutes;
import io.streamhub.ingress.protocol.CloseCodes;
import io.streamhub.ingress.protocol.EventDispatcher;
import io.streamhub.ingress.protocol.JsonWsConnection;
import io.streamhub.ingress.rooms.RoomDirectory;
import io.streamhub.ingress.rooms.RoomEvents;
import io.streamhub.ingress.rooms.RoomSequencer;
import io.streamhub.ingress.rooms.RoomSubscriptions;
import io.streamhub.ingress.rooms.StageAdapter;
import io.streamhub.ingress.rooms.Timers;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.LinkedHashSet;
import java.util.Set;
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
  private final String memberId = UUID.randomUUID().toString();
  private final Set<JsonWsConnection> connections = new LinkedHashSet<>();
  private volatile StreamhubConfig config;
  private IngressMetrics metrics;
  private RoomSubscriptions subscriptions;
  private RoomSequencer sequencer;
  private EventDispatcher dispatcher;
  private HttpServer server;
  private long refreshTimer = -1;

  private final ReplayTabs replayTabs = new ReplayTabs();
  private ReplayEvents replayEvents;
  private PressureEvents pressureEvents;

  /**
   * @param nodeId this node's cluster id; the replay role drops the tabs of a node that leaves the cluster
   */
  public IngressVerticle(StreamhubConfig config, RoomDirectory directory, String nodeId) {
    this.config = config;
    this.directory = directory;
    this.nodeId = nodeId;
  }

  /** The bound HTTP port (useful with {@code http.port: 0}). */
  public int actualPort() {
    return server.actualPort();
  }

  @Override
  public Future<?> start() {
    StageAdapter adapter = new StageAdapter() {
      @Override
      public <T> Future<T> adapt(CompletionStage<T> stage) {
        return Future.fromCompletionStage(stage, context);
      }
    };
    Timers timers = new Timers() {
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
    RoomEvents.register(dispatcher, subscriptions, sequencer);
    replayEvents = new ReplayEvents(vertx.eventBus(), replayTabs, memberId, nodeId);
    replayEvents.register(dispatcher);
    pressureEvents = new PressureEvents(vertx.eventBus(), memberId);
    pressureEvents.register(dispatcher);
    new DashboardEvents(vertx.eventBus()).register(dispatcher);
    return registerDelivery().compose(v -> watchConfig()).compose(v -> listen()).onSuccess(v -> startRefresh());
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
            message -> pressureEvents.sessionEnded(message.body())).completion())
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
    HttpServerOptions options = new HttpServerOptions().setHost(config.http().host()).setPort(config.http().port())
        .setMaxWebSocketFrameSize(frameLimit).setMaxWebSocketMessageSize(frameLimit);
    Router router = Router.router(vertx);
    router.route("/ws").handler(this::upgrade);
    PublishRoute publish = new PublishRoute(sequencer, () -> config.ws().maxMessageBytes());
    router.post("/api/v1/rooms/:room/publish").handler(BodyHandler.create().setBodyLimit(frameLimit))
        .handler(publish::handle);
    StreamRoutes.mount(router, vertx.eventBus());
    SessionRoutes.mount(router, pressureEvents, vertx.eventBus(), frameLimit);
    LiveDataRoute.mount(router, TokenVerifier.create(vertx, config.auth()), vertx.eventBus());
    OpsRoutes.mount(vertx, router);
    router.route().last().handler(rc -> HttpErrors.send(rc, 404, "not_found", "no route for " + rc.request().path()));
    return vertx.createHttpServer(options).requestHandler(router).listen().onSuccess(s -> {
      server = s;
      LOG.info("ingress listening on {}:{} (member {})", config.http().host(), s.actualPort(), memberId);
    });
  }

  private void upgrade(RoutingContext rc) {
    if (!"websocket".equalsIgnoreCase(rc.request().getHeader("upgrade"))) {
      HttpErrors.send(rc, 400, "websocket_required", "/ws speaks the JSON WebSocket protocol; send an Upgrade request");
      return;
    }
    rc.request().toWebSocket().onSuccess(socket -> {
      JsonWsConnection connection = new JsonWsConnection(socket, dispatcher, metrics, () -> config.ws(), this::onClosed);
      connections.add(connection);
      connection.start();
    });
  }

  private void onClosed(JsonWsConnection connection) {
    connections.remove(connection);
    subscriptions.unsubscribeAll(connection);
    replayEvents.connectionClosed(connection);
    pressureEvents.connectionClosed(connection);
  }

  private void startRefresh() {
    long idleMs = config.rooms().idleExpiryS() * 1000;
    refreshTimer = vertx.setPeriodic(Math.max(1000, idleMs / 3), id -> {
      subscriptions.joinedRooms().forEach(room -> directory.join(room, memberId));
      directory.expireIdle(idleMs);
    });
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(refreshTimer);
    for (JsonWsConnection connection : Set.copyOf(connections)) {
      connection.close(CloseCodes.GOING_AWAY, "server shutting down");
    }
    return server == null ? Future.succeededFuture() : server.close();
  }
}
