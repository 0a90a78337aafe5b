package io.streamhub.dashboard;

/**
 * The direction of a metric: its value over the trend window ending now ({@code dashboard.trend_window_ms}) against
 * its value over the window before. Within {@code dashboard.trend_tolerance_percent} of the previous value it is
 * {@link #STABLE}; from nothing to something it is {@link #INCREASING}.
 */
enum Trend {
  INCREASING("increasing"), STABLE("stable"), DECREASING("decreasing");

  private final String wire;

  Trend(String wire) {
    this.wire = wire;
  }

  String wire() {
    return wire;
  }

  /** Compares two values of a count or a peak. */
  static Trend of(double current, double previous, double tolerancePercent) {
    if (previous == 0) {
      return current > 0 ? INCREASING : STABLE;
    }
    double changePercent = (current - previous) * 100 / Math.abs(previous);
    if (changePercent > tolerancePercent) {
      return INCREASING;
    }
    return changePercent < -tolerancePercent ? DECREASING : STABLE;
  }

  /**
   * Compares two averages: {@link #STABLE} unless both windows have something to average ({@code currentCount} and
   * {@code previousCount} above 0), since an average of nothing has no direction.
   */
  static Trend ofAverage(double current, long currentCount, double previous, long previousCount,
      double tolerancePercent) {
    if (currentCount == 0 || previousCount == 0) {
      return STABLE;
    }
    return of(current, previous, tolerancePercent);
  }
}
