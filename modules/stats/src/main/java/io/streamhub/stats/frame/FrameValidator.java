package io.streamhub.stats.frame;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * Validates the {@code data} of a {@code pressure_frame} message and builds a {@link PressureFrame}.
 *
 * <ul>
 *   <li>{@code workout_id}: required string of 1-64 characters from {@code [A-Za-z0-9_-]};
 *   <li>{@code matrix}: required non-empty array of non-empty, equally long arrays, at most
 *       {@link FrameLimits#maxRows()} x {@link FrameLimits#maxCols()}; every cell a JSON number, finite and
 *       &ge; 0 (strings, {@code null} and booleans are rejected);
 *   <li>{@code timestamp}: required, a JSON integer of epoch milliseconds or an ISO-8601 string such as
 *       {@code 2026-11-22T09:00:00Z} or {@code 2026-11-22T10:00:00+01:00}; never negative, not before
 *       2000-01-01T00:00:00Z and not more than 1 day after the validator's clock;
 *   <li>{@code nodes}: optional; when present and not {@code null}, an array of at most {@link FrameLimits#MAX_NODES}
 *       entries, passed through unchecked.
 * </ul>
 *
 * <p>Fields are checked in the order {@code workout_id}, {@code timestamp}, {@code nodes}, {@code matrix}; the first
 * broken rule is reported as a {@link FrameException}. Unknown fields are ignored. Immutable and thread-safe.
 */
public final class FrameValidator {

  private static final int MAX_WORKOUT_ID_CHARS = 64;

  private final FrameLimits limits;
  private final Clock clock;

  /**
   * @param limits the size limits
   * @param clock the clock that bounds future timestamps
   */
  public FrameValidator(FrameLimits limits, Clock clock) {
    this.limits = Objects.requireNonNull(limits, "limits");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** @param limits the size limits; future timestamps are bounded by the system UTC clock */
  public FrameValidator(FrameLimits limits) {
    this(limits, Clock.systemUTC());
  }

  /** @return the limits this validator applies */
  public FrameLimits limits() {
    return limits;
  }

  /**
   * @param data the {@code data} object of a {@code pressure_frame} message
   * @return the validated frame
   * @throws FrameException naming the first field that breaks a rule
   */
  public PressureFrame validate(JsonObject data) {
    return parse(data, limits, clock.millis());
  }

  static PressureFrame parse(JsonObject data, FrameLimits limits, long nowMs) {
    Objects.requireNonNull(limits, "limits");
    if (data == null) {
      throw new FrameException("data", "data must be an object with workout_id, matrix and timestamp");
    }
    String workoutId = workoutId(data.getValue("workout_id"));
    long timestampMs = FrameTimestamps.parse(data.getValue(FrameTimestamps.FIELD), nowMs);
    JsonArray nodes = nodes(data.getValue("nodes"));
    double[][] matrix = matrix(data.getValue("matrix"), limits);
    return new PressureFrame(workoutId, matrix, timestampMs, nodes);
  }

  private static String workoutId(Object value) {
    if (value == null) {
      throw new FrameException("workout_id", "workout_id is required");
    }
    if (!(value instanceof String id)) {
      throw new FrameException("workout_id", "workout_id must be a string, got " + JsonValues.describe(value));
    }
    if (id.isEmpty() || id.length() > MAX_WORKOUT_ID_CHARS) {
      throw new FrameException("workout_id",
          "workout_id must be 1-" + MAX_WORKOUT_ID_CHARS + " characters, got " + id.length());
    }
    for (int i = 0; i < id.length(); i++) {
      char ch = id.charAt(i);
      boolean allowed = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9')
          || ch == '_' || ch == '-';
      if (!allowed) {
        throw new FrameException("workout_id", "workout_id may contain only [A-Za-z0-9_-], got "
            + JsonValues.describe(id) + " with '" + ch + "' at index " + i);
      }
    }
    return id;
  }

  private static JsonArray nodes(Object value) {
    if (value == null) {
      return null;
    }
    if (!(value instanceof JsonArray nodes)) {
      throw new FrameException("nodes", "nodes must be an array, got " + JsonValues.describe(value));
    }
    if (nodes.size() > FrameLimits.MAX_NODES) {
      throw new FrameException("nodes",
          "nodes must have at most " + FrameLimits.MAX_NODES + " entries, got " + nodes.size());
    }
    return nodes;
  }

  private static double[][] matrix(Object value, FrameLimits limits) {
    if (value == null) {
      throw new FrameException("matrix", "matrix is required");
    }
    if (!(value instanceof JsonArray rows)) {
      throw new FrameException("matrix", "matrix must be an array of rows, got " + JsonValues.describe(value));
    }
    if (rows.isEmpty()) {
      throw new FrameException("matrix", "matrix must have at least one row");
    }
    if (rows.size() > limits.maxRows()) {
      throw new FrameException("matrix",
          "matrix has " + rows.size() + " rows, more than the limit of " + limits.maxRows());
    }
    double[][] matrix = new double[rows.size()][];
    for (int r = 0; r < matrix.length; r++) {
      matrix[r] = row(rows.getValue(r), r, r == 0 ? -1 : matrix[0].length, limits);
    }
    return matrix;
  }

  private static double[] row(Object value, int r, int expectedCols, FrameLimits limits) {
    if (!(value instanceof JsonArray row)) {
      throw new FrameException("matrix",
          "matrix[" + r + "] must be an array of numbers, got " + JsonValues.describe(value));
    }
    if (row.isEmpty()) {
      throw new FrameException("matrix", "matrix[" + r + "] must not be empty");
    }
    if (expectedCols < 0 && row.size() > limits.maxCols()) {
      throw new FrameException("matrix",
          "matrix has " + row.size() + " columns, more than the limit of " + limits.maxCols());
    }
    if (expectedCols >= 0 && row.size() != expectedCols) {
      throw new FrameException("matrix", "matrix must be rectangular: row " + r + " has " + row.size()
          + " values, row 0 has " + expectedCols);
    }
    double[] cells = new double[row.size()];
    List<?> raw = row.getList();
    for (int c = 0; c < cells.length; c++) {
      Object cell = raw.get(c);
      double v = cell instanceof Number n ? n.doubleValue() : Double.NaN;
      if (!(v >= 0 && v <= Double.MAX_VALUE)) {
        throw new FrameException("matrix", "matrix[" + r + "][" + c + "] must be a finite non-negative number, got "
            + JsonValues.describe(cell));
      }
      cells[c] = v + 0.0;
    }
    return cells;
  }
}
