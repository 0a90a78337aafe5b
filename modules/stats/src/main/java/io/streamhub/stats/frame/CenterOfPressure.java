package io.streamhub.stats.frame;

import io.streamhub.stats.JsonNumbers;
import io.vertx.core.json.JsonObject;

/**
 * The value-weighted mean cell position of a frame, in fractional cell indices: {@code row} 0 is the centre of the
 * front row, {@code col} 0 the centre of the left column.
 *
 * @param row {@code sum(r * v[r][c]) / sum(v)}, in rows from the front
 * @param col {@code sum(c * v[r][c]) / sum(v)}, in columns from the left
 */
public record CenterOfPressure(double row, double col) implements java.io.Serializable {

  /**
   * @param other another centre of the same matrix shape
   * @return the Euclidean distance {@code sqrt((row - other.row)^2 + (col - other.col)^2)}, in cells
   */
  public double distanceTo(CenterOfPressure other) {
    return Math.hypot(row - other.row, col - other.col);
  }

  /** @return {@code {row, col}}, rounded to 4 decimals */
  public JsonObject toJson() {
    return new JsonObject().put("row", JsonNumbers.round4(row)).put("col", JsonNumbers.round4(col));
  }
}
