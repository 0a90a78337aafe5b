package io.streamhub.stats.frame;

import io.streamhub.stats.JsonNumbers;
import io.vertx.core.json.JsonObject;

/**
 * Statistics of one pressure frame {@code v[r][c]} with {@code R} rows (row 0 = front) and {@code C} columns
 * (column 0 = left), {@code N = R * C} cells. Pressures are in the device's cell unit. Built by
 * {@link FrameStatsCalculator}.
 *
 * @param rows {@code R}
 * @param cols {@code C}
 * @param sum {@code S = sum over all cells of v[r][c]}
 * @param mean {@code S / N}
 * @param max the largest cell value
 * @param maxRow the row of the first cell, in row-major order, holding {@link #max()}
 * @param maxCol the column of that cell
 * @param min the smallest cell value
 * @param std the population standard deviation {@code sqrt(sum((v[r][c] - mean)^2) / N)}
 * @param contactArea the number of cells with {@code v[r][c] >= contactThreshold}, in cells
 * @param contactFraction {@code contactArea / N}, 0..1
 * @param centerOfPressure {@code (sum(r * v[r][c]) / S, sum(c * v[r][c]) / S)}; {@code null} when {@code S == 0}
 * @param leftPercent {@code 100 * L / S} where {@code L} sums the cells with {@code c < C / 2} (integer division)
 *     and, for odd {@code C}, half of the middle column {@code c == C / 2}; 50 when {@code S == 0}
 * @param rightPercent {@code 100 - leftPercent}: the cells with {@code c >= C / 2}, the middle column of an odd
 *     {@code C} counting half
 * @param frontPercent {@code 100 * F / S}, {@code F} defined as {@code L} but over rows ({@code r < R / 2}, half of
 *     the middle row for odd {@code R}); 50 when {@code S == 0}
 * @param backPercent {@code 100 - frontPercent}
 * @param delta the change against the session's previous frame, {@code null} for the first frame
 */
public record FrameStats(int rows, int cols, double sum, double mean, double max, int maxRow, int maxCol,
    double min, double std, int contactArea, double contactFraction, CenterOfPressure centerOfPressure,
    double leftPercent, double rightPercent, double frontPercent, double backPercent, FrameDelta delta)
    implements java.io.Serializable {

  /** @return {@code R * C} */
  public int cells() {
    return rows * cols;
  }

  /**
   * @param delta the change against the previous frame, or {@code null}
   * @return these statistics with {@code delta} replaced
   */
  public FrameStats withDelta(FrameDelta delta) {
    return new FrameStats(rows, cols, sum, mean, max, maxRow, maxCol, min, std, contactArea, contactFraction,
        centerOfPressure, leftPercent, rightPercent, frontPercent, backPercent, delta);
  }

  /**
   * @return {@code {sum, mean, max: {value, row, col}, min, std, contact_area, contact_fraction,
   *     center_of_pressure: {row, col} | null, left_right_balance: {left, right}, front_back_balance: {front, back},
   *     delta: {...} | null}}; doubles rounded to 4 decimals, each balance pair summing to exactly 100
   */
  public JsonObject toJson() {
    double left = JsonNumbers.round4(leftPercent);
    double front = JsonNumbers.round4(frontPercent);
    return new JsonObject()
        .put("sum", JsonNumbers.round4(sum))
        .put("mean", JsonNumbers.round4(mean))
        .put("max", new JsonObject().put("value", JsonNumbers.round4(max)).put("row", maxRow).put("col", maxCol))
        .put("min", JsonNumbers.round4(min))
        .put("std", JsonNumbers.round4(std))
        .put("contact_area", contactArea)
        .put("contact_fraction", JsonNumbers.round4(contactFraction))
        .put("center_of_pressure", centerOfPressure == null ? null : centerOfPressure.toJson())
        .put("left_right_balance", new JsonObject().put("left", left).put("right", JsonNumbers.round4(100 - left)))
        .put("front_back_balance",
            new JsonObject().put("front", front).put("back", JsonNumbers.round4(100 - front)))
        .put("delta", delta == null ? null : delta.toJson());
  }
}
