package io.streamhub.tools.datasets;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Number formatting through exact {@link BigDecimal} rounding, independent of locale and JDK version. */
final class Num {

  private Num() {
  }

  /** {@code value} rounded half-even to exactly {@code decimals} places, e.g. {@code 12.50}. */
  static String fixed(double value, int decimals) {
    return new BigDecimal(value).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
  }

  /** A whole number written as a float the way pandas writes a column with gaps, e.g. {@code 150.0}. */
  static String whole(long value) {
    return value + ".0";
  }

  /** {@code value} to at most {@code decimals} places without trailing zeros, keeping one, e.g. {@code 0.375}. */
  static String trimmed(double value, int decimals) {
    BigDecimal d = new BigDecimal(value).setScale(decimals, RoundingMode.HALF_EVEN).stripTrailingZeros();
    return d.scale() <= 0 ? d.setScale(1).toPlainString() : d.toPlainString();
  }
}
