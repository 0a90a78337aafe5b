package io.streamhub.replay;

import io.streamhub.contracts.Addresses;
import io.streamhub.contracts.FailureCodes;
import io.streamhub.contracts.replay.BaselineQuery;
import io.streamhub.contracts.replay.JoinStream;
import io.streamhub.contracts.replay.StreamControl;
import io.streamhub.contracts.replay.StreamJoined;
import io.streamhub.contracts.replay.StreamStatus;
import io.streamhub.contracts.replay.VisitorId;
import io.streamhub.replay.data.Baseline;
import io.streamhub.replay.data.DatasetCatalog;
import io.streamhub.replay.data.DatasetException;
import io.streamhub.replay.engine.StreamEngine;
import io.streamhub.replay.registry.StreamRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The replay role's event-bus boundary: decodes each request, routes it, and replies — with a code on failure. */
final class ReplayRequests {

  private static final Logger LOG = LoggerFactory.getLogger(ReplayRequests.class);
  private static final String OP = "op";
  private static final long FORWARD_TIMEOUT_MS = 5_000;

  private final Vertx vertx;
  private final StreamRegistry registry;
  private final StreamEngine engine;
  private final DatasetCatalog catalog;
  private final Map<String, JsonObject> baselines = new HashMap<>();
  private StreamRouter router;

  ReplayRequests(Vertx vertx, StreamRegistry registry, StreamEngine engine, DatasetCatalog catalog) {
    this.vertx = vertx;
    this.registry = registry;
    this.engine = engine;
    this.catalog = catalog;
  }

  void router(StreamRouter streamRouter) {
    this.router = streamRouter;
  }

  List<String> datasets() {
    return catalog.names();
  }

  Future<Void> register(EventBus bus, String nodeId) {
    return Future.all(List.of(
        bus.<JsonObject>consumer(Addresses.REPLAY_STREAM_JOIN, m -> serve(m, JoinStream::fromJson,
            r -> router.join(r, false).map(StreamJoined::toJson))).completion(),
        bus.<JsonObject>consumer(Addresses.REPLAY_STREAM_CONTROL, m -> serve(m, StreamControl::fromJson,
            r -> router.control(r, false).map(StreamStatus::toJson))).completion(),
        bus.<JsonObject>consumer(Addresses.REPLAY_STREAM_STATUS, m -> serve(m, ReplayRequests::visitor,
            this::status)).completion(),
        bus.<JsonObject>consumer(Addresses.REPLAY_STREAM_DELETE, m -> serve(m, ReplayRequests::visitor,
            this::delete)).completion(),
        bus.<JsonObject>consumer(Addresses.REPLAY_DATASET_BASELINE, m -> serve(m, BaselineQuery::fromJson,
            this::baseline)).completion(),
        bus.<JsonObject>consumer(Addresses.replayOwner(nodeId), this::forwarded).completion())).mapEmpty();
  }

  private void forwarded(Message<JsonObject> m) {
    if ("join".equals(m.headers().get(OP))) {
      serve(m, JoinStream::fromJson, r -> router.join(r, true).map(StreamJoined::toJson));
    } else {
      serve(m, StreamControl::fromJson, r -> router.control(r, true).map(StreamStatus::toJson));
    }
  }

  StreamRouter.OwnerLink ownerLink() {
    return new StreamRouter.OwnerLink() {
      @Override
      public Future<StreamJoined> join(String ownerNode, JoinStream request) {
        return vertx.eventBus().<JsonObject>request(Addresses.replayOwner(ownerNode), request.toJson(), opts("join"))
            .map(reply -> StreamJoined.fromJson(reply.body()));
      }

      @Override
      public Future<StreamStatus> control(String ownerNode, StreamControl request) {
        return vertx.eventBus().<JsonObject>request(Addresses.replayOwner(ownerNode), request.toJson(),
            opts("control")).map(reply -> StreamStatus.fromJson(reply.body()));
      }
    };
  }

  private static DeliveryOptions opts(String op) {
    return new DeliveryOptions().addHeader(OP, op).setSendTimeout(FORWARD_TIMEOUT_MS);
  }

  /** Drops the dead node's tabs from the streams run here, then takes over the streams it ran. */
  void nodeLeft(String deadNode) {
    engine.dropNode(deadNode);
    Future.fromCompletionStage(registry.ownedBy(deadNode), vertx.getOrCreateContext()).onSuccess(orphans -> {
      if (!orphans.isEmpty()) {
        LOG.info("node {} left; taking over its {} streams where this node wins the claim", deadNode, orphans.size());
      }
      orphans.forEach(orphan -> router.takeOver(orphan).onFailure(e -> LOG.warn(
          "taking over the stream of visitor {} failed: {}", orphan.visitorId(), e.getMessage())));
    });
  }

  private Future<JsonObject> status(String visitorId) {
    return router.liveStatus(visitorId).compose(live -> live != null ? Future.succeededFuture(live.toJson())
        : vertx.eventBus().<JsonObject>request(Addresses.PERSISTENCE_REPLAY_STATUS_GET,
            new JsonObject().put("visitor_id", visitorId)).map(Message::body));
  }

  /** The dataset's baseline as JSON, encoded once per dataset (the bus copies a reply, so sharing it is safe). */
  private Future<JsonObject> baseline(BaselineQuery query) {
    String name = query.dataset();
    JsonObject cached = baselines.get(name);
    if (cached != null) {
      return Future.succeededFuture(cached);
    }
    if (!catalog.knows(name)) {
      return failed(FailureCodes.NOT_FOUND, "unknown dataset \"" + name + "\" (have " + catalog.names() + ")");
    }
    Optional<Baseline> baseline;
    try {
      baseline = catalog.baseline(name);
    } catch (DatasetException e) {
      return failed(FailureCodes.UNPROCESSABLE, e.getMessage());
    }
    if (baseline.isEmpty()) {
      return failed(FailureCodes.NOT_FOUND, "dataset \"" + name + "\" has no baseline");
    }
    JsonObject json = baseline.get().points().toJson();
    baselines.put(name, json);
    return Future.succeededFuture(json);
  }

  private static Future<JsonObject> failed(int code, String message) {
    return Future.failedFuture(new ReplyException(ReplyFailure.RECIPIENT_FAILURE, code, message));
  }

  private Future<JsonObject> delete(String visitorId) {
    Future<Boolean> stopped = router.control(new StreamControl(visitorId, StreamControl.Action.STOP, 1, null), false)
        .map(true)
        .recover(e -> e instanceof ReplyException re && re.failureCode() == FailureCodes.NOT_FOUND
            ? Future.succeededFuture(false) : Future.failedFuture(e));
    return stopped.compose(wasRunning -> vertx.eventBus().<JsonObject>request(Addresses.PERSISTENCE_REPLAY_CLEAR,
            new JsonObject().put("visitor_id", visitorId))
        .map(reply -> new JsonObject().put("stopped", wasRunning)
            .put("deleted_events", reply.body().getLong("deleted_events", 0L))));
  }

  private static String visitor(JsonObject body) {
    return VisitorId.require(body.getString("visitor_id"));
  }

  private <T> void serve(Message<JsonObject> m, Function<JsonObject, T> decode, Function<T, Future<JsonObject>> handle) {
    T request;
    try {
      request = decode.apply(m.body() == null ? new JsonObject() : m.body());
    } catch (RuntimeException e) {
      m.fail(FailureCodes.BAD_REQUEST, e.getMessage());
      return;
    }
    Future<JsonObject> result;
    try {
      result = handle.apply(request);
    } catch (RuntimeException e) {
      result = Future.failedFuture(e);
    }
    result.onSuccess(m::reply).onFailure(failure -> {
      if (failure instanceof ReplyException re) {
        m.fail(re.failureCode() < 0 ? FailureCodes.UNAVAILABLE : re.failureCode(), re.getMessage());
      } else {
        LOG.error("replay request to {} failed", m.address(), failure);
        m.fail(FailureCodes.INTERNAL, "internal error: " + failure);
      }
    });
  }
}
