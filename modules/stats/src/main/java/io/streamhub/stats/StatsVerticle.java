package io.streamhub.stats;

import io.streamhub.contracts.Addresses;
import io.streamhub.contracts.JsonByReferenceCodec;
import io.streamhub.contracts.FailureCodes;
import io.streamhub.contracts.config.PressureConfig;
import io.streamhub.contracts.config.StreamhubConfig;
import io.streamhub.contracts.pressure.SessionRecord;
import io.streamhub.contracts.pressure.WorkoutId;
import io.streamhub.stats.session.SessionLedger;
import io.streamhub.stats.session.SessionState;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stats role: joins and ends workout sessions and processes their frames ({@link FrameProcessor}). Sessions live
 * in the {@link SessionLedger}, cluster-wide, so any stats node serves any frame. {@code start()} completes once
 * every consumer is registered cluster-wide.
 */
public final class StatsVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(StatsVerticle.class);

  private final SessionLedger ledger;
  private volatile PressureConfig config;
  private FrameProcessor frames;
  private IdleSessions idle;
  private SessionRestore restore;

  public StatsVerticle(StreamhubConfig config, SessionLedger ledger) {
    this.config = config.pressure();
    this.ledger = ledger;
  }

  @Override
  public Future<?> start() {
    frames = new FrameProcessor(vertx, context, ledger, () -> config);
    restore = new SessionRestore(vertx);
    idle = new IdleSessions(vertx, context, ledger, () -> config.idleTimeoutMs());
    var bus = vertx.eventBus();
    JsonByReferenceCodec.register(bus);
    return Future.all(List.of(
        bus.<JsonObject>consumer(Addresses.STATS_SESSION_JOIN, m -> serve(m, this::join)).completion(),
        bus.<JsonObject>consumer(Addresses.STATS_FRAME_PROCESS, m -> serve(m, r -> frames.process(r)
            .onSuccess(processed -> idle.touch(processed.getString("workout_id"))))).completion(),
        bus.<JsonObject>consumer(Addresses.STATS_SESSION_LEAVE, m -> serve(m, this::leave)).completion(),
        bus.<JsonObject>consumer(Addresses.STATS_SESSION_GET, m -> serve(m, this::status)).completion(),
        bus.<JsonObject>localConsumer(Addresses.CONFIG_CHANGED,
            m -> config = StreamhubConfig.fromJson(m.body()).pressure()).completion()))
        .onSuccess(v -> frames.lateWrites().start())
        .onSuccess(v -> idle.start())
        .onSuccess(v -> LOG.info("stats ready: frames up to {}x{}, contact at >= {}", config.maxRows(),
            config.maxCols(), config.contactThreshold()));
  }

  /** Stops retrying; frames still waiting are reported (they were answered {@code persisted: false}). */
  @Override
  public Future<?> stop() {
    frames.lateWrites().stop();
    idle.stop();
    if (!frames.lateWrites().isEmpty()) {
      LOG.warn("stopping with {} processed frames the store never acknowledged", frames.lateWrites().size());
    }
    return Future.succeededFuture();
  }

  /**
   * Joins a session for {@code user_id} (absent: anonymous). A new workout belongs to the user who creates it; a
   * workout that belongs to someone else fails with {@link FailureCodes#FORBIDDEN}.
   */
  private Future<JsonObject> join(JsonObject request) {
    String workoutId = WorkoutId.require(request.getString("workout_id"));
    if (request.getValue("user_id") != null && !(request.getValue("user_id") instanceof String)) {
      throw new IllegalArgumentException("user_id must be a string");
    }
    String userId = request.getString("user_id");
    return Future.fromCompletionStage(ledger.get(workoutId), context)
        .compose(known -> known != null ? Future.succeededFuture() : restore.restore(workoutId, userId)
            .compose(restored -> Future.fromCompletionStage(ledger.seed(workoutId, restored.stats(),
                restored.ownerSub(), System.currentTimeMillis()), context)))
        .compose(seeded -> Future.fromCompletionStage(ledger.join(workoutId, userId, System.currentTimeMillis()),
            context))
        .compose(state -> state.mayJoin(userId) ? Future.succeededFuture(state)
            : Future.failedFuture(new ReplyException(ReplyFailure.RECIPIENT_FAILURE, FailureCodes.FORBIDDEN,
                "workout " + workoutId + " belongs to another user")))
        .map(state -> {
          idle.touch(workoutId);
          save(workoutId, state);
          return new JsonObject().put("workout_id", workoutId).put("status", SessionRecord.ACTIVE)
              .put("frame_count", state.frameCount());
        });
  }

  private Future<JsonObject> leave(JsonObject request) {
    String workoutId = WorkoutId.require(request.getString("workout_id"));
    return Future.fromCompletionStage(ledger.end(workoutId), context).compose(state -> {
      if (state == null) {
        return Future.failedFuture(new ReplyException(ReplyFailure.RECIPIENT_FAILURE, FailureCodes.NOT_FOUND,
            "workout " + workoutId + " has no session"));
      }
      save(workoutId, state);
      return Future.succeededFuture(new JsonObject().put("workout_id", workoutId)
          .put("frame_count", state.frameCount()).put("summary", state.stats().toJson()));
    });
  }

  private Future<JsonObject> status(JsonObject request) {
    String workoutId = WorkoutId.require(request.getString("workout_id"));
    return Future.fromCompletionStage(ledger.get(workoutId), context).compose(state -> state != null
        ? Future.succeededFuture(new JsonObject().put("workout_id", workoutId)
            .put("status", state.active() ? SessionRecord.ACTIVE : SessionRecord.ENDED)
            .put("frame_count", state.frameCount()).put("summary", state.stats().toJson())
            .put("owner_sub", state.ownerSub()))
        : vertx.eventBus().<JsonObject>request(Addresses.PERSISTENCE_PRESSURE_SESSION_GET,
                new JsonObject().put("workout_id", workoutId))
            .map(reply -> {
              SessionRecord stored = SessionRecord.fromJson(reply.body());
              return new JsonObject().put("workout_id", workoutId).put("status", stored.status())
                  .put("frame_count", stored.frameCount()).put("summary", stored.summary())
                  .put("owner_sub", stored.ownerSub());
            }));
  }

  /** Keeps the session's count and summary in the store, so they outlive the cluster. */
  private void save(String workoutId, SessionState state) {
    SessionRecord record = new SessionRecord(workoutId, state.active() ? SessionRecord.ACTIVE : SessionRecord.ENDED,
        state.frameCount(), state.stats().toJson(), state.ownerSub(), state.createdAtMs(),
        System.currentTimeMillis());
    vertx.eventBus().request(Addresses.PERSISTENCE_PRESSURE_SESSION_SAVE, record.toJson())
        .onFailure(e -> LOG.debug("storing session {} failed: {}", workoutId, e.getMessage()));
  }

  private void serve(Message<JsonObject> m, Function<JsonObject, Future<JsonObject>> handler) {
    Future<JsonObject> result;
    try {
      result = handler.apply(m.body() == null ? new JsonObject() : m.body());
    } catch (IllegalArgumentException e) {
      m.fail(FailureCodes.BAD_REQUEST, e.getMessage());
      return;
    }
    result.onSuccess(body -> m.reply(body, JsonByReferenceCodec.options())).onFailure(failure -> {
      if (failure instanceof ReplyException re && re.failureType() == ReplyFailure.RECIPIENT_FAILURE) {
        m.fail(re.failureCode(), re.getMessage());
      } else {
        LOG.error("stats request to {} failed", m.address(), failure);
        m.fail(FailureCodes.UNAVAILABLE, "stats failed: " + failure.getMessage());
      }
    });
  }
}
