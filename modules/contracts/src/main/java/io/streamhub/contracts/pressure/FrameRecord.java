package io.streamhub.contracts.pressure;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Objects;

/**
 * One processed pressure frame as stored: the frame, its number in the workout and its statistics.
 *
 * @param workoutId the workout
 * @param frame the frame's number in the workout, from 1, cluster-wide without gap or duplicate
 * @param timestampMs the device's timestamp, epoch milliseconds
 * @param matrix the pressure values, rows of equal length
 * @param nodes the device's optional extra data, passed through; {@code null} when absent
 * @param stats the frame's statistics (see the stats module's {@code FrameStats#toJson})
 * @param receivedAtMs when the node accepted the frame, epoch milliseconds
 */
public record FrameRecord(String workoutId, long frame, long timestampMs, JsonArray matrix, JsonArray nodes,
    JsonObject stats, long receivedAtMs) {

  public FrameRecord {
    WorkoutId.require(workoutId);
    if (frame < 1) {
      throw new IllegalArgumentException("frame must be >= 1, got " + frame);
    }
    Objects.requireNonNull(matrix, "matrix");
    Objects.requireNonNull(stats, "stats");
  }

  public JsonObject toJson() {
    JsonObject json = new JsonObject().put("workout_id", workoutId).put("frame", frame).put("timestamp", timestampMs)
        .put("matrix", matrix).put("stats", stats).put("received_at", receivedAtMs);
    if (nodes != null) {
      json.put("nodes", nodes);
    }
    return json;
  }

  public static FrameRecord fromJson(JsonObject json) {
    return new FrameRecord(json.getString("workout_id"), json.getLong("frame", 0L), json.getLong("timestamp", 0L),
        json.getJsonArray("matrix"), json.getJsonArray("nodes"), json.getJsonObject("stats"),
        json.getLong("received_at", 0L));
  }
}
