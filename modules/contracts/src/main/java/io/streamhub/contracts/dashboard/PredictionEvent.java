package io.streamhub.contracts.dashboard;

import io.streamhub.contracts.replay.VisitorId;
import io.vertx.core.json.JsonObject;
import java.util.Objects;

/**
 * A scored row emitted by a replay stream that belongs to an authenticated user (body of
 * {@link io.streamhub.contracts.Addresses#DASHBOARD_PREDICTION}).
 *
 * @param userId the stream's user ({@code sub})
 * @param visitorId the stream's visitor
 * @param streamId the stream
 * @param seq the row number
 * @param score the model's score, 0..1
 * @param fraud whether the score reached the dataset's threshold
 * @param tsMs emit time, epoch milliseconds
 */
public record PredictionEvent(String userId, String visitorId, String streamId, long seq, double score,
    boolean fraud, long tsMs) {

  public PredictionEvent {
    Objects.requireNonNull(userId, "user_id");
    VisitorId.require(visitorId);
    Objects.requireNonNull(streamId, "stream_id");
    if (!(score >= 0 && score <= 1)) {
      throw new IllegalArgumentException("score must be between 0 and 1, got " + score);
    }
  }

  /**
   * The prediction of a row payload ({@code {"score", "is_fraud", ...}}), or {@code null} when the row carries no
   * numeric score (an unscored dataset) or there is no user.
   */
  public static PredictionEvent ofRow(String userId, String visitorId, String streamId, long seq, JsonObject row,
      long tsMs) {
    if (userId == null || !(row.getValue("score") instanceof Number score)) {
      return null;
    }
    double s = score.doubleValue();
    if (!(s >= 0 && s <= 1)) {
      return null;
    }
    return new PredictionEvent(userId, visitorId, streamId, seq, s, Boolean.TRUE.equals(row.getValue("is_fraud")),
        tsMs);
  }

  public RiskBand risk() {
    return RiskBand.of(score);
  }

  /** The {@code prediction} item of the user's recent activity. */
  public ActivityItem activity() {
    return new ActivityItem(ActivityItem.PREDICTION, tsMs, streamId, new JsonObject().put("visitor_id", visitorId)
        .put("seq", seq).put("score", score).put("risk", risk().wire()).put("is_fraud", fraud));
  }

  public JsonObject toJson() {
    return new JsonObject().put("user_id", userId).put("visitor_id", visitorId).put("stream_id", streamId)
        .put("seq", seq).put("score", score).put("risk", risk().wire()).put("is_fraud", fraud).put("timestamp", tsMs);
  }

  public static PredictionEvent fromJson(JsonObject json) {
    if (!(json.getValue("score") instanceof Number score)) {
      throw new IllegalArgumentException("score must be a number");
    }
    return new PredictionEvent(json.getString("user_id"), json.getString("visitor_id"), json.getString("stream_id"),
        json.getLong("seq", 0L), score.doubleValue(), json.getBoolean("is_fraud", false),
        json.getLong("timestamp", 0L));
  }
}
