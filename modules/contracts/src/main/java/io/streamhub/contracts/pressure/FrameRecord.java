package io.streamhub.contracts.pressure;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Objects;

/**
 * One processed pressure frame as stored: the frame, its number in the workout and its statistics. {@link #toJson()}
 * is the stored form and the form between roles (matrix packed, see {@link PressureMatrix}); {@link #toApiJson()}
 * is what clients see (matrix as rows).
 *
 * @param workoutId the workout
 * @param frame the frame's number in the workout, from 1, cluster-wide without gap or duplicate
 * @param timestampMs the device's timestamp, epoch milliseconds
 * @param matrix the pressure values
 * @param nodes the device's optional extra data, passed through; {@code null} when absent
 * @param stats the frame's statistics (see the stats module's {@code FrameStats#toJson})
 * @param receivedAtMs when the node accepted the frame, epoch milliseconds
 * @param ownerSub the {@code sub} of the user who owns the workout ({@code owner_sub}), so the store can count the
 *     frame on that user's dashboard without looking the workout up; {@code null} for a workout without owner
 */
public record FrameRecord(String workoutId, long frame, long timestampMs, PressureMatrix matrix, JsonArray nodes,
    JsonObject stats, long receivedAtMs, String ownerSub) {

  /** A frame of a workout without owner. */
  public FrameRecord(String workoutId, long frame, long timestampMs, PressureMatrix matrix, JsonArray nodes,
      JsonObject stats, long receivedAtMs) {
    this(workoutId, frame, timestampMs, matrix, nodes, stats, receivedAtMs, null);
  }

  public FrameRecord {
    WorkoutId.require(workoutId);
    if (frame < 1) {
      throw new IllegalArgumentException("frame must be >= 1, got " + frame);
    }
    Objects.requireNonNull(matrix, "matrix");
    Objects.requireNonNull(stats, "stats");
  }

  public JsonObject toJson() {
    return json(matrix.toPacked());
  }

  /** As {@link #toJson()}, with the matrix as rows of numbers. */
  public JsonObject toApiJson() {
    return json(matrix.toRows());
  }

  private JsonObject json(Object matrixJson) {
    JsonObject json = new JsonObject().put("workout_id", workoutId).put("frame", frame).put("timestamp", timestampMs)
        .put("matrix", matrixJson).put("stats", stats).put("received_at", receivedAtMs);
    if (nodes != null) {
      json.put("nodes", nodes);
    }
    if (ownerSub != null) {
      json.put("owner_sub", ownerSub);
    }
    return json;
  }

  /**
   * Reads {@link #toJson()}'s or {@link #toApiJson()}'s form; throws {@link IllegalArgumentException} naming what is
   * wrong.
   */
  public static FrameRecord fromJson(JsonObject json) {
    PressureMatrix matrix;
    if (json.getValue("matrix") instanceof JsonObject packed) {
      matrix = PressureMatrix.fromPacked(packed);
    } else if (json.getValue("matrix") instanceof JsonArray rows) {
      matrix = PressureMatrix.fromRows(rows);
    } else {
      throw new IllegalArgumentException("matrix must be an array of rows or a packed matrix {rows, cols, f64le}");
    }
    return new FrameRecord(json.getString("workout_id"), json.getLong("frame", 0L), json.getLong("timestamp", 0L),
        matrix, json.getJsonArray("nodes"), json.getJsonObject("stats"),
        json.getLong("received_at", 0L), json.getString("owner_sub"));
  }
}
