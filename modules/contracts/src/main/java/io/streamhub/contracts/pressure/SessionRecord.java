package io.streamhub.contracts.pressure;

import io.vertx.core.json.JsonObject;
import java.util.Objects;

/**
 * A workout session as stored: its state and the running session statistics, so that a session continues with the
 * right count and summary after a restart or on another node.
 *
 * @param workoutId the workout
 * @param status {@code active} or {@code ended}
 * @param frameCount frames processed so far (the last frame number)
 * @param summary the session statistics (see the stats module's {@code SessionStats#toJson}), restorable
 * @param ownerSub the user the workout belongs to; {@code null} until authentication creates owners
 * @param createdAtMs when the session was first joined, epoch milliseconds
 * @param updatedAtMs when this record last changed, epoch milliseconds
 */
public record SessionRecord(String workoutId, String status, long frameCount, JsonObject summary, String ownerSub,
    long createdAtMs, long updatedAtMs) {

  public static final String ACTIVE = "active";
  public static final String ENDED = "ended";

  public SessionRecord {
    WorkoutId.require(workoutId);
    if (!ACTIVE.equals(status) && !ENDED.equals(status)) {
      throw new IllegalArgumentException("status must be active or ended, got " + status);
    }
    Objects.requireNonNull(summary, "summary");
  }

  public JsonObject toJson() {
    return new JsonObject().put("workout_id", workoutId).put("status", status).put("frame_count", frameCount)
        .put("summary", summary).put("owner_sub", ownerSub).put("created_at", createdAtMs)
        .put("updated_at", updatedAtMs);
  }

  public static SessionRecord fromJson(JsonObject json) {
    return new SessionRecord(json.getString("workout_id"), json.getString("status"), json.getLong("frame_count", 0L),
        json.getJsonObject("summary"), json.getString("owner_sub"), json.getLong("created_at", 0L),
        json.getLong("updated_at", 0L));
  }
}
