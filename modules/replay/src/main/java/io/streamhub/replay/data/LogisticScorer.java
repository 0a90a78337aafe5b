package io.streamhub.replay.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Logistic regression: {@code score = 1 / (1 + e^-(intercept + sum(weight_i * x_i)))}.
 *
 * <p>A weight keyed by a column name multiplies that column's numeric value; a value is numeric when it reads as a
 * finite decimal number (an optional sign, digits with an optional fraction, an optional exponent: {@code 12},
 * {@code -0.5}, {@code 007}, {@code 1e3}); empty, missing and other values ({@code NaN}, {@code Infinity},
 * {@code 0x1F}, text) count as 0. A weight keyed {@code column=value} multiplies 1 when the column's value equals
 * {@code value} exactly, else 0. Each product is clamped to +-1e300 so that huge inputs give a score of 0 or 1,
 * never NaN. Immutable.
 */
public final class LogisticScorer implements Scorer {

  private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
  private static final double TERM_BOUND = 1e300;

  private record Numeric(String column, double weight) {
  }

  private record Indicator(String column, String value, double weight) {
  }

  private final double intercept;
  private final double threshold;
  private final List<Numeric> numerics = new ArrayList<>();
  private final List<Indicator> indicators = new ArrayList<>();
  private final Set<String> columns;

  /**
   * @param weights by feature: a column name, or {@code column=value} (split at the first {@code =})
   * @param threshold the score (0..1) at or above which a row is flagged
   */
  public LogisticScorer(double intercept, Map<String, Double> weights, double threshold) {
    this.intercept = intercept;
    this.threshold = threshold;
    Set<String> read = new LinkedHashSet<>();
    weights.forEach((feature, weight) -> {
      int eq = feature.indexOf('=');
      if (eq < 0) {
        numerics.add(new Numeric(feature, weight));
        read.add(feature);
      } else {
        indicators.add(new Indicator(feature.substring(0, eq), feature.substring(eq + 1), weight));
        read.add(feature.substring(0, eq));
      }
    });
    columns = Collections.unmodifiableSet(read);
  }

  @Override
  public double score(Function<String, String> column) {
    double z = intercept;
    for (Numeric n : numerics) {
      z += clamp(n.weight() * numeric(column.apply(n.column())));
    }
    for (Indicator i : indicators) {
      if (i.value().equals(column.apply(i.column()))) {
        z += i.weight();
      }
    }
    return sigmoid(z);
  }

  @Override
  public double threshold() {
    return threshold;
  }

  @Override
  public Set<String> columns() {
    return columns;
  }

  /** {@code 1 / (1 + e^-z)}, computed so that neither branch overflows. */
  static double sigmoid(double z) {
    if (z >= 0) {
      return 1 / (1 + Math.exp(-z));
    }
    double e = Math.exp(z);
    return e / (1 + e);
  }

  /** The value as a number: a finite decimal, else 0. */
  static double numeric(String value) {
    if (value == null || value.isEmpty() || !DECIMAL.matcher(value).matches()) {
      return 0;
    }
    double d = Double.parseDouble(value);
    return Double.isFinite(d) ? d : 0;
  }

  private static double clamp(double term) {
    return Math.max(-TERM_BOUND, Math.min(TERM_BOUND, term));
  }
}
