package io.streamhub.replay;

import io.streamhub.contracts.FailureCodes;
import io.streamhub.contracts.replay.JoinStream;
import io.streamhub.contracts.replay.StreamControl;
import io.streamhub.contracts.replay.StreamJoined;
import io.streamhub.contracts.replay.StreamStatus;
import io.streamhub.replay.engine.RowSource;
import io.streamhub.replay.engine.StreamEngine;
import io.streamhub.replay.registry.StreamRecord;
import io.streamhub.replay.registry.StreamRegistry;
import io.vertx.core.Future;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.IntSupplier;

/**
 * Settles which node runs a visitor's stream and gets each request there: the node already running it (forwarded
 * over the event bus), else this node after an atomic claim in the registry — a fresh stream when there is none, a
 * takeover when its owner died. Losing a claim race just means asking again, so two tabs joining at the same moment
 * on two nodes end up on one stream.
 */
final class StreamRouter {

  /** Rounds of "ask the registry, claim or forward" before giving up with 503. */
  static final int MAX_ATTEMPTS = 5;

  /** Forwards a request to the replay verticle of another node. */
  interface OwnerLink {
    Future<StreamJoined> join(String ownerNode, JoinStream request);

    Future<StreamStatus> control(String ownerNode, StreamControl request);
  }

  private final StreamRegistry registry;
  private final StreamEngine engine;
  private final Datasets datasets;
  private final OwnerLink link;
  private final Function<CompletionStage<?>, Future<?>> onContext;
  private final IntSupplier maxStreams;

  StreamRouter(StreamRegistry registry, StreamEngine engine, Datasets datasets, OwnerLink link,
      Function<CompletionStage<?>, Future<?>> onContext, IntSupplier maxStreams) {
    this.registry = registry;
    this.engine = engine;
    this.datasets = datasets;
    this.link = link;
    this.onContext = onContext;
    this.maxStreams = maxStreams;
  }

  /** Attaches a tab. {@code forwarded}: the request came from another node that believed this one owns the stream. */
  Future<StreamJoined> join(JoinStream request, boolean forwarded) {
    return datasets.source(request.dataset()).compose(source -> joinAttempt(request, source, forwarded, 1));
  }

  private Future<StreamJoined> joinAttempt(JoinStream request, RowSource source, boolean forwarded, int attempt) {
    if (engine.runs(request.visitorId())) {
      return Future.succeededFuture(engine.join(request, source));
    }
    if (attempt > MAX_ATTEMPTS) {
      return unsettled(request.visitorId());
    }
    return this.<StreamRecord>stage(registry.get(request.visitorId())).compose(current -> {
      if (current == null) {
        return startFresh(request, source, forwarded, attempt);
      }
      if (ownedElsewhere(current)) {
        return forwarded ? moved(current) : link.join(current.owner(), request)
            .recover(failure -> retryable(failure) ? joinAttempt(request, source, false, attempt + 1)
                : Future.failedFuture(failure));
      }
      return takeOver(current).compose(won -> joinAttempt(request, source, forwarded, attempt + 1));
    });
  }

  private Future<StreamJoined> startFresh(JoinStream request, RowSource source, boolean forwarded, int attempt) {
    if (engine.size() >= maxStreams.getAsInt()) {
      return Future.failedFuture(new ReplyException(ReplyFailure.RECIPIENT_FAILURE, FailureCodes.BACKPRESSURE,
          "this node runs its maximum of " + maxStreams.getAsInt() + " streams (replay.max_streams_per_node)"));
    }
    StreamRecord fresh = engine.freshRecord(request, source);
    return this.<Boolean>stage(registry.claim(request.visitorId(), null, null, fresh)).compose(won -> {
      if (won && !engine.runs(request.visitorId())) {
        return Future.succeededFuture(engine.start(fresh, source, request));
      }
      return joinAttempt(request, source, forwarded, attempt + 1);
    });
  }

  /** Applies pause, resume, speed, stop or leave where the stream runs. */
  Future<StreamStatus> control(StreamControl request, boolean forwarded) {
    return controlAttempt(request, forwarded, 1);
  }

  private Future<StreamStatus> controlAttempt(StreamControl request, boolean forwarded, int attempt) {
    if (engine.runs(request.visitorId())) {
      return Future.succeededFuture(engine.control(request));
    }
    if (attempt > MAX_ATTEMPTS) {
      return unsettled(request.visitorId());
    }
    return this.<StreamRecord>stage(registry.get(request.visitorId())).compose(current -> {
      if (current == null) {
        return Future.failedFuture(new ReplyException(ReplyFailure.RECIPIENT_FAILURE, FailureCodes.NOT_FOUND,
            "visitor " + request.visitorId() + " has no running stream"));
      }
      if (ownedElsewhere(current)) {
        return forwarded ? moved(current) : link.control(current.owner(), request)
            .recover(failure -> retryable(failure) ? controlAttempt(request, false, attempt + 1)
                : Future.failedFuture(failure));
      }
      return takeOver(current).compose(won -> controlAttempt(request, forwarded, attempt + 1));
    });
  }

  /** The status of a running stream, from this node's engine or the registry; null when no node runs it. */
  Future<StreamStatus> liveStatus(String visitorId) {
    StreamStatus local = engine.status(visitorId);
    if (local != null) {
      return Future.succeededFuture(local);
    }
    return this.<StreamRecord>stage(registry.get(visitorId)).map(r -> r == null ? null
        : new StreamStatus(r.visitorId(), r.streamId(), r.dataset(), r.total(), r.seq(), true,
            r.state() == io.streamhub.replay.registry.StreamState.PAUSED, r.tabs().size(),
            datasets.skippedRows(r.dataset()), r.tabs().isEmpty() && !r.state().ended() ? "detached"
                : r.state().wireName(), r.lastUpdateMs()));
  }

  /** Claims the record of a stream whose owner is dead (or is this node, which lost it) and runs it here. */
  Future<Boolean> takeOver(StreamRecord orphan) {
    if (engine.runs(orphan.visitorId())) {
      return Future.succeededFuture(true);
    }
    return datasets.source(orphan.dataset()).compose(source -> this.<Boolean>stage(registry.claim(
        orphan.visitorId(), orphan.streamId(), orphan.owner(), orphan.withOwner(registry.nodeId(), orphan.lastUpdateMs())))
        .map(won -> {
          if (won && !engine.runs(orphan.visitorId())) {
            engine.adopt(orphan, source, registry::isAlive);
          }
          return won;
        }));
  }

  private boolean ownedElsewhere(StreamRecord record) {
    return !record.owner().equals(registry.nodeId()) && registry.isAlive(record.owner());
  }

  private static boolean retryable(Throwable failure) {
    return failure instanceof ReplyException re && (re.failureCode() == FailureCodes.GONE
        || re.failureType() == ReplyFailure.NO_HANDLERS || re.failureType() == ReplyFailure.TIMEOUT);
  }

  private static <T> Future<T> moved(StreamRecord record) {
    return Future.failedFuture(new ReplyException(ReplyFailure.RECIPIENT_FAILURE, FailureCodes.GONE,
        "stream of visitor " + record.visitorId() + " is run by node " + record.owner()));
  }

  private static <T> Future<T> unsettled(String visitorId) {
    return Future.failedFuture(new ReplyException(ReplyFailure.RECIPIENT_FAILURE, FailureCodes.UNAVAILABLE,
        "could not settle which node runs the stream of visitor " + visitorId));
  }

  @SuppressWarnings("unchecked")
  private <T> Future<T> stage(CompletionStage<T> stage) {
    return (Future<T>) onContext.apply(stage);
  }
}
