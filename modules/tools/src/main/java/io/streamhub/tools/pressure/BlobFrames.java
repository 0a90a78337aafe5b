package io.streamhub.tools.pressure;

import java.util.SplittableRandom;

/**
 * Frames of one simulated pressure mat: a person-shaped pressure blob that wanders over the mat and breathes, plus
 * sensor noise. Deterministic for a seed, so a run can be repeated.
 *
 * <p>At time {@code t} (ms since the device started) the blob's centre is
 * {@code ((rows-1)/2 · (1 + 0.6·sin(2πt/7000 + φ)), (cols-1)/2 · (1 + 0.6·sin(2πt/11000 + 1.3φ)))}, its spread
 * {@code σ = max(0.6, min(rows, cols)/5) · (1 + 0.25·sin(2πt/4000))} cells and its peak
 * {@code 80 · (1 + 0.2·cos(2πt/4000))}, where {@code φ} is the device's phase. A cell holds
 * {@code peak · exp(-d²/2σ²)} (d its distance to the centre, in cells) plus uniform noise in [0, 2); values under
 * 0.5 read 0, as an unloaded sensor does. Values have one decimal, as a mat's ADC would give.
 */
public final class BlobFrames {

  private static final double TWO_PI = 2 * Math.PI;

  private final int rows;
  private final int cols;
  private final SplittableRandom noise;
  private final double phase;
  private final double baseSpread;

  /**
   * @param rows frame height, cells (1 or more)
   * @param cols frame width, cells (1 or more)
   * @param seed the device's seed: its phase and noise
   */
  public BlobFrames(int rows, int cols, long seed) {
    if (rows < 1 || cols < 1) {
      throw new IllegalArgumentException("a frame needs at least 1x1 cells, got " + rows + "x" + cols);
    }
    this.rows = rows;
    this.cols = cols;
    this.noise = new SplittableRandom(seed);
    this.phase = noise.nextDouble(TWO_PI);
    this.baseSpread = Math.max(0.6, Math.min(rows, cols) / 5.0);
  }

  /** @param tMs time since the device started, ms */
  public double[][] frame(long tMs) {
    double centreRow = (rows - 1) / 2.0 * (1 + 0.6 * Math.sin(TWO_PI * tMs / 7000.0 + phase));
    double centreCol = (cols - 1) / 2.0 * (1 + 0.6 * Math.sin(TWO_PI * tMs / 11000.0 + 1.3 * phase));
    double breath = TWO_PI * tMs / 4000.0;
    double spread = baseSpread * (1 + 0.25 * Math.sin(breath));
    double peak = 80 * (1 + 0.2 * Math.cos(breath));
    double twoSigmaSquared = 2 * spread * spread;
    double[][] matrix = new double[rows][cols];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        double d2 = (r - centreRow) * (r - centreRow) + (c - centreCol) * (c - centreCol);
        double value = peak * Math.exp(-d2 / twoSigmaSquared) + noise.nextDouble(2.0);
        matrix[r][c] = value < 0.5 ? 0 : Math.round(value * 10) / 10.0;
      }
    }
    return matrix;
  }

  /**
   * The {@code pressure_frame} message of the JSON WebSocket protocol for one frame, written directly (a device
   * sends thousands per second).
   *
   * @param timestampMs the frame's timestamp, epoch milliseconds
   */
  public static String message(String workoutId, double[][] matrix, long timestampMs) {
    StringBuilder json = new StringBuilder(32 + matrix.length * matrix[0].length * 5);
    json.append("{\"event\":\"pressure_frame\",\"data\":{\"workout_id\":\"").append(workoutId)
        .append("\",\"timestamp\":").append(timestampMs).append(",\"matrix\":[");
    for (int r = 0; r < matrix.length; r++) {
      json.append(r == 0 ? "[" : ",[");
      for (int c = 0; c < matrix[r].length; c++) {
        if (c > 0) {
          json.append(',');
        }
        appendValue(json, matrix[r][c]);
      }
      json.append(']');
    }
    return json.append("]}}").toString();
  }

  /**
   * Integers without {@code .0}; values with one decimal (every generated one) through integer arithmetic, which
   * costs a fraction of {@code append(double)}; anything else as Java writes it.
   */
  private static void appendValue(StringBuilder json, double v) {
    long tenths = Math.round(v * 10);
    if (v >= 0 && v < 1e15 && tenths / 10.0 == v) {
      json.append(tenths / 10);
      if (tenths % 10 != 0) {
        json.append('.').append(tenths % 10);
      }
    } else if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      json.append((long) v);
    } else {
      json.append(v);
    }
  }
}
