package io.streamhub.stats;

import io.streamhub.contracts.Addresses;
import io.streamhub.contracts.FailureCodes;
import io.streamhub.contracts.config.PressureConfig;
import io.streamhub.contracts.pressure.FrameRecord;
import io.streamhub.contracts.pressure.PressureMatrix;
import io.streamhub.contracts.pressure.WorkoutId;
import io.streamhub.stats.frame.FrameException;
import io.streamhub.stats.frame.FrameLimits;
import io.streamhub.stats.frame.FrameStats;
import io.streamhub.stats.frame.FrameStatsCalculator;
import io.streamhub.stats.frame.PressureFrame;
import io.streamhub.stats.session.SessionLedger;
import io.streamhub.stats.session.SessionState;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonObject;
import java.util.function.Supplier;

/**
 * One frame's way through the stats role, as named steps: {@code validate → reserve → compute → number → persist →
 * publish}. The reservation happens before numbering, so a frame refused for back-pressure never takes a number and
 * counts stay gapless.
 */
final class FrameProcessor {

  private final Vertx vertx;
  private final Context context;
  private final SessionLedger ledger;
  private final Supplier<PressureConfig> config;
  private final LateWrites late;
  private final FrameWriter writer;
  private int unpersisted;

  FrameProcessor(Vertx vertx, Context context, SessionLedger ledger, Supplier<PressureConfig> config) {
    this.vertx = vertx;
    this.context = context;
    this.ledger = ledger;
    this.config = config;
    this.late = new LateWrites(vertx, () -> unpersisted--);
    this.writer = new FrameWriter(vertx, late);
  }

  LateWrites lateWrites() {
    return late;
  }

  /** Frames numbered (or being numbered) but not yet acknowledged by the store, on this node. */
  int unpersisted() {
    return unpersisted;
  }

  Future<JsonObject> process(JsonObject request) {
    PressureFrame frame;
    try {
      frame = validate(request);
    } catch (FrameException | IllegalArgumentException e) {
      return Future.failedFuture(new ReplyException(ReplyFailure.RECIPIENT_FAILURE, FailureCodes.BAD_REQUEST,
          e.getMessage()));
    }
    if (unpersisted >= config.get().maxUnpersistedFrames()) {
      return Future.failedFuture(new ReplyException(ReplyFailure.RECIPIENT_FAILURE, FailureCodes.BACKPRESSURE,
          unpersisted + " frames are waiting for the store (pressure.max_unpersisted_frames); retry this frame"));
    }
    unpersisted++;
    FrameStats stats = new FrameStatsCalculator(config.get().contactThreshold()).compute(frame, null);
    String member = request.getString("member_id");
    String connection = request.getString("connection_id");
    return number(frame, stats)
        .onFailure(e -> unpersisted--)
        .compose(recorded -> persist(frame, recorded, member, connection)
            .map(persisted -> answer(frame, recorded, persisted)))
        .onSuccess(this::publish);
  }

  private PressureFrame validate(JsonObject request) {
    String workoutId = WorkoutId.require(request.getString("workout_id"));
    Object data = request.getValue("frame");
    if (!(data instanceof JsonObject frameData)) {
      throw new FrameException("data", "the frame must be a JSON object");
    }
    PressureConfig c = config.get();
    PressureFrame frame = PressureFrame.parse(frameData, new FrameLimits(c.maxRows(), c.maxCols(),
        c.contactThreshold()));
    if (!frame.workoutId().equals(workoutId)) {
      throw new FrameException("workout_id", "workout_id of the frame (" + frame.workoutId()
          + ") differs from the session's (" + workoutId + ")");
    }
    return frame;
  }

  private Future<SessionState.Recorded> number(PressureFrame frame, FrameStats stats) {
    long now = System.currentTimeMillis();
    return Future.fromCompletionStage(ledger.record(frame.workoutId(), stats, frame.timestampMs(), now), context)
        .compose(recorded -> recorded != null ? Future.succeededFuture(recorded)
            : Future.failedFuture(new ReplyException(ReplyFailure.RECIPIENT_FAILURE, FailureCodes.NOT_FOUND,
                "workout " + frame.workoutId() + " has no session; send join_session first")));
  }

  /**
   * Stores the frame, answering {@code true} once the store acknowledged it, {@code false} when it waits in
   * {@link LateWrites}; the reservation is released only once the frame is stored.
   */
  private Future<Boolean> persist(PressureFrame frame, SessionState.Recorded recorded, String member,
      String connection) {
    FrameRecord record = new FrameRecord(frame.workoutId(), recorded.frame(), frame.timestampMs(),
        packed(frame), frame.nodes(), recorded.stats().toJson(), System.currentTimeMillis(), recorded.ownerSub());
    return writer.write(new LateWrites.Waiting(record, member, connection)).onSuccess(stored -> {
      if (stored) {
        unpersisted--;
      }
    });
  }

  private JsonObject answer(PressureFrame frame, SessionState.Recorded recorded, boolean persisted) {
    return new JsonObject().put("workout_id", frame.workoutId()).put("frame_count", recorded.frame())
        .put("stats", recorded.stats().toJson()).put("timestamp", frame.timestampMs()).put("persisted", persisted);
  }

  /**
   * Everyone watching the workout gets the frame's stats through its room. Sent without waiting for the room's seq:
   * the device already has its answer, and a request would cost a reply and a timeout timer per frame.
   */
  private void publish(JsonObject processed) {
    vertx.eventBus().send(Addresses.ROOMS_PUBLISH, new JsonObject()
        .put("room", "workout." + processed.getString("workout_id")).put("data", processed));
  }

  private static PressureMatrix packed(PressureFrame frame) {
    double[] values = new double[frame.rows() * frame.cols()];
    for (int r = 0; r < frame.rows(); r++) {
      for (int c = 0; c < frame.cols(); c++) {
        values[r * frame.cols() + c] = frame.value(r, c);
      }
    }
    return new PressureMatrix(frame.rows(), frame.cols(), values);
  }
}
