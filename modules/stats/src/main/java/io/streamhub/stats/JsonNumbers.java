package io.streamhub.stats;

/** Number formatting shared by the stats JSON documents. */
public final class JsonNumbers {

  private JsonNumbers() {
  }

  /**
   * Rounds half up to 4 decimal places for JSON output. Non-finite values and magnitudes of 1e14 or more are
   * returned unchanged; a negative zero becomes {@code 0.0}.
   *
   * @param value any double
   * @return the value rounded to 4 decimals
   */
  public static double round4(double value) {
    if (!Double.isFinite(value) || Math.abs(value) >= 1e14) {
      return value;
    }
    double rounded = Math.round(value * 10_000d) / 10_000d;
    return rounded == 0 ? 0.0 : rounded;
  }
}
