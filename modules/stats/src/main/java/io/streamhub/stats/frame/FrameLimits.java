package io.streamhub.stats.frame;

/**
 * Limits and thresholds applied to pressure frames.
 *
 * @param maxRows the largest accepted number of matrix rows (front to back), at least 1
 * @param maxCols the largest accepted number of matrix columns (left to right), at least 1
 * @param contactThreshold the pressure, in the device's cell unit, at or above which a cell counts as contact;
 *     finite and greater than 0
 */
public record FrameLimits(int maxRows, int maxCols, double contactThreshold) {

  /** Default {@link #maxRows()}. */
  public static final int DEFAULT_MAX_ROWS = 64;
  /** Default {@link #maxCols()}. */
  public static final int DEFAULT_MAX_COLS = 64;
  /** Default {@link #contactThreshold()}, in the device's cell unit. */
  public static final double DEFAULT_CONTACT_THRESHOLD = 1.0;
  /** The most entries accepted in a frame's optional {@code nodes} array. */
  public static final int MAX_NODES = 4096;
  /** 64 x 64 cells, contact at 1.0. */
  public static final FrameLimits DEFAULTS =
      new FrameLimits(DEFAULT_MAX_ROWS, DEFAULT_MAX_COLS, DEFAULT_CONTACT_THRESHOLD);

  /** @throws IllegalArgumentException when a limit is below 1 or the threshold is not a finite positive number */
  public FrameLimits {
    if (maxRows < 1 || maxCols < 1) {
      throw new IllegalArgumentException("maxRows and maxCols must be at least 1, got " + maxRows + " x " + maxCols);
    }
    if (!(contactThreshold > 0) || !Double.isFinite(contactThreshold)) {
      throw new IllegalArgumentException("contactThreshold must be a finite number > 0, got " + contactThreshold);
    }
  }
}
