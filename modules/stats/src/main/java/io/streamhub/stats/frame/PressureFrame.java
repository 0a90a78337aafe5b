package io.streamhub.stats.frame;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Objects;

/**
 * One validated pressure-mat sample. The matrix is copied on the way in and out, so a frame never changes.
 *
 * <p>Axes: row 0 is the front edge of the mat and rows run front to back; column 0 is the left edge and columns run
 * left to right. Cell values are in the device's pressure unit.
 *
 * @param workoutId the workout (session) the frame belongs to
 * @param matrix the pressure cells, {@code matrix[row][col]}; non-empty, rectangular, every value finite and &ge; 0
 * @param timestampMs when the device sampled the frame, epoch milliseconds
 * @param nodes the device's optional {@code nodes} array, passed through as received (not copied), or {@code null}
 */
public record PressureFrame(String workoutId, double[][] matrix, long timestampMs, JsonArray nodes) {

  /** @throws IllegalArgumentException when the matrix is empty, ragged or holds a negative or non-finite value */
  public PressureFrame {
    Objects.requireNonNull(workoutId, "workoutId");
    matrix = checkedCopy(Objects.requireNonNull(matrix, "matrix"));
  }

  /**
   * Validates a frame with {@link FrameValidator}'s rules against the system clock.
   *
   * @param data the {@code data} object of a {@code pressure_frame} message
   * @param limits the size limits
   * @return the frame
   * @throws FrameException naming the first field that breaks a rule
   */
  public static PressureFrame parse(JsonObject data, FrameLimits limits) {
    return FrameValidator.parse(data, limits, System.currentTimeMillis());
  }

  /**
   * Validates a frame with {@link FrameValidator}'s rules.
   *
   * @param data the {@code data} object of a {@code pressure_frame} message
   * @param limits the size limits
   * @param nowMs the current time, epoch milliseconds; timestamps more than 1 day later are rejected
   * @return the frame
   * @throws FrameException naming the first field that breaks a rule
   */
  public static PressureFrame parse(JsonObject data, FrameLimits limits, long nowMs) {
    return FrameValidator.parse(data, limits, nowMs);
  }

  /** @return a copy of the cells, {@code [row][col]} */
  @Override
  public double[][] matrix() {
    return copy(matrix);
  }

  /** @return the number of rows (front to back) */
  public int rows() {
    return matrix.length;
  }

  /** @return the number of columns (left to right) */
  public int cols() {
    return matrix[0].length;
  }

  /**
   * @param row the row, 0 = front
   * @param col the column, 0 = left
   * @return the cell's pressure
   */
  public double value(int row, int col) {
    return matrix[row][col];
  }

  double[][] rawMatrix() {
    return matrix;
  }

  /**
   * @return {@code {workout_id, matrix, timestamp}} with {@code timestamp} in epoch milliseconds, plus {@code nodes}
   *     when present; a new document on every call
   */
  public JsonObject toJson() {
    JsonArray rows = new JsonArray(new ArrayList<>(matrix.length));
    for (double[] row : matrix) {
      JsonArray cells = new JsonArray(new ArrayList<>(row.length));
      for (double v : row) {
        cells.add(v);
      }
      rows.add(cells);
    }
    JsonObject json = new JsonObject().put("workout_id", workoutId).put("matrix", rows).put("timestamp", timestampMs);
    return nodes == null ? json : json.put("nodes", nodes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PressureFrame f && workoutId.equals(f.workoutId) && timestampMs == f.timestampMs
        && Arrays.deepEquals(matrix, f.matrix) && Objects.equals(nodes, f.nodes);
  }

  @Override
  public int hashCode() {
    return Objects.hash(workoutId, Arrays.deepHashCode(matrix), timestampMs, nodes);
  }

  @Override
  public String toString() {
    return "PressureFrame[workoutId=" + workoutId + ", " + rows() + "x" + cols() + ", timestampMs=" + timestampMs
        + ", nodes=" + (nodes == null ? "none" : nodes.size()) + "]";
  }

  private static double[][] checkedCopy(double[][] source) {
    if (source.length == 0 || source[0] == null || source[0].length == 0) {
      throw new IllegalArgumentException("matrix must have at least one row and one column");
    }
    int cols = source[0].length;
    double[][] copy = new double[source.length][];
    for (int r = 0; r < source.length; r++) {
      if (source[r] == null || source[r].length != cols) {
        throw new IllegalArgumentException("matrix must be rectangular: row " + r + " differs from row 0");
      }
      copy[r] = source[r].clone();
      for (int c = 0; c < cols; c++) {
        double v = copy[r][c];
        if (!(v >= 0 && v <= Double.MAX_VALUE)) {
          throw new IllegalArgumentException("matrix[" + r + "][" + c + "] must be finite and >= 0, got " + v);
        }
      }
    }
    return copy;
  }

  private static double[][] copy(double[][] source) {
    double[][] copy = new double[source.length][];
    for (int r = 0; r < source.length; r++) {
      copy[r] = source[r].clone();
    }
    return copy;
  }
}
