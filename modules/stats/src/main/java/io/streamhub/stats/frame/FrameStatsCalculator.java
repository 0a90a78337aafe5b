package io.streamhub.stats.frame;

import java.util.Objects;

/**
 * Computes {@link FrameStats} in one pass over the matrix, without allocation per cell. The formulas are those
 * documented on {@link FrameStats}; the standard deviation accumulates deviations from the first cell
 * ({@code var = (sum(d^2) - sum(d)^2 / N) / N} with {@code d = v - v[0][0]}) to stay accurate when values sit far
 * from 0. Stateless and thread-safe: the caller keeps the previous frame's statistics per session.
 */
public final class FrameStatsCalculator {

  private final double contactThreshold;

  /**
   * @param contactThreshold the pressure, in the device's cell unit, at or above which a cell counts as contact;
   *     finite and greater than 0
   */
  public FrameStatsCalculator(double contactThreshold) {
    if (!(contactThreshold > 0) || !Double.isFinite(contactThreshold)) {
      throw new IllegalArgumentException("contactThreshold must be a finite number > 0, got " + contactThreshold);
    }
    this.contactThreshold = contactThreshold;
  }

  /** @param limits whose {@link FrameLimits#contactThreshold()} is used */
  public FrameStatsCalculator(FrameLimits limits) {
    this(limits.contactThreshold());
  }

  /** @return the contact threshold, in the device's cell unit */
  public double contactThreshold() {
    return contactThreshold;
  }

  /**
   * @param frame the frame
   * @param previous the statistics of the session's previous frame, or {@code null} for the first frame
   * @return the frame's statistics, with a {@link FrameDelta} when {@code previous} is given
   */
  public FrameStats compute(PressureFrame frame, FrameStats previous) {
    return stats(frame.rawMatrix(), previous);
  }

  /**
   * @param matrix {@code [row][col]}, non-empty and rectangular; values must be finite and &ge; 0 (not checked;
   *     {@link PressureFrame} guarantees it)
   * @param previous the statistics of the session's previous frame, or {@code null} for the first frame
   * @return the matrix's statistics, with a {@link FrameDelta} when {@code previous} is given
   * @throws IllegalArgumentException when the matrix is empty or ragged
   */
  public FrameStats compute(double[][] matrix, FrameStats previous) {
    Objects.requireNonNull(matrix, "matrix");
    if (matrix.length == 0 || matrix[0].length == 0) {
      throw new IllegalArgumentException("matrix must have at least one row and one column");
    }
    for (int r = 1; r < matrix.length; r++) {
      if (matrix[r].length != matrix[0].length) {
        throw new IllegalArgumentException("matrix must be rectangular: row " + r + " has " + matrix[r].length
            + " values, row 0 has " + matrix[0].length);
      }
    }
    return stats(matrix, previous);
  }

  private FrameStats stats(double[][] m, FrameStats previous) {
    int rows = m.length;
    int cols = m[0].length;
    int halfCols = cols / 2;
    int halfRows = rows / 2;
    double origin = m[0][0];
    double max = origin;
    double min = origin;
    int maxRow = 0;
    int maxCol = 0;
    int contact = 0;
    double sum = 0;
    double deviationSum = 0;
    double deviationSquares = 0;
    double rowMoment = 0;
    double colMoment = 0;
    double left = 0;
    double front = 0;
    for (int r = 0; r < rows; r++) {
      double[] row = m[r];
      double rowSum = 0;
      double rowColMoment = 0;
      double rowLeft = 0;
      for (int c = 0; c < cols; c++) {
        double v = row[c];
        rowSum += v;
        rowColMoment += c * v;
        if (c < halfCols) {
          rowLeft += v;
        }
        double d = v - origin;
        deviationSum += d;
        deviationSquares += d * d;
        if (v > max) {
          max = v;
          maxRow = r;
          maxCol = c;
        }
        if (v < min) {
          min = v;
        }
        if (v >= contactThreshold) {
          contact++;
        }
      }
      if ((cols & 1) == 1) {
        rowLeft += row[halfCols] / 2;
      }
      if (r < halfRows) {
        front += rowSum;
      } else if ((rows & 1) == 1 && r == halfRows) {
        front += rowSum / 2;
      }
      sum += rowSum;
      rowMoment += r * rowSum;
      colMoment += rowColMoment;
      left += rowLeft;
    }
    int cells = rows * cols;
    double variance = Math.max(0, (deviationSquares - deviationSum * deviationSum / cells) / cells);
    boolean loaded = sum > 0;
    CenterOfPressure cop = loaded ? new CenterOfPressure(rowMoment / sum, colMoment / sum) : null;
    double leftPercent = loaded ? 100 * left / sum : 50;
    double frontPercent = loaded ? 100 * front / sum : 50;
    FrameStats stats = new FrameStats(rows, cols, sum, sum / cells, max, maxRow, maxCol, min, Math.sqrt(variance),
        contact, (double) contact / cells, cop, leftPercent, 100 - leftPercent, frontPercent, 100 - frontPercent,
        null);
    return previous == null ? stats : stats.withDelta(FrameDelta.between(previous, stats));
  }
}
