package io.streamhub.contracts.dashboard;

import io.vertx.core.json.JsonObject;
import java.util.Objects;
import java.util.Set;

/**
 * One entry of a user's recent activity, as the persistence role keeps it (the newest {@value #KEPT_PER_USER} per
 * user) and {@code recent_activity} shows it.
 *
 * @param type {@code prediction} (a scored row of one of the user's streams), {@code workout_started} or
 *     {@code workout_ended} (a workout the user owns)
 * @param tsMs when it happened, epoch milliseconds
 * @param ref the stream id (prediction) or the workout id
 * @param detail prediction: {@code {visitor_id, seq, score, risk, is_fraud}}; workout: {@code {frame_count}}
 */
public record ActivityItem(String type, long tsMs, String ref, JsonObject detail) {

  /** Items kept per user, newest first; {@code dashboard.recent_activity_size} shows at most this many. */
  public static final int KEPT_PER_USER = 100;
  public static final String PREDICTION = "prediction";
  public static final String WORKOUT_STARTED = "workout_started";
  public static final String WORKOUT_ENDED = "workout_ended";
  public static final Set<String> TYPES = Set.of(PREDICTION, WORKOUT_STARTED, WORKOUT_ENDED);

  public ActivityItem {
    if (!TYPES.contains(type)) {
      throw new IllegalArgumentException("activity type must be one of " + TYPES + ", got " + type);
    }
    Objects.requireNonNull(ref, "ref");
    detail = detail == null ? new JsonObject() : detail;
  }

  /** The risk band of a prediction; {@code null} for a workout item. */
  public String risk() {
    return detail.getString("risk");
  }

  public JsonObject toJson() {
    return new JsonObject().put("type", type).put("timestamp", tsMs).put("ref", ref).put("detail", detail.copy());
  }

  public static ActivityItem fromJson(JsonObject json) {
    return new ActivityItem(json.getString("type"), json.getLong("timestamp", 0L), json.getString("ref"),
        json.getJsonObject("detail"));
  }
}
