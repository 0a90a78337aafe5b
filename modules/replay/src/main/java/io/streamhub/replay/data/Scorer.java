package io.streamhub.replay.data;

import java.util.Set;
import java.util.function.Function;

/** A model that scores one dataset row; stateless and safe to share between threads. */
public interface Scorer {

  /**
   * The row's score, 0..1, never NaN.
   *
   * @param column a column's raw CSV value by name; null or empty when the row has no such value
   */
  double score(Function<String, String> column);

  /** The score (0..1) at or above which a row is flagged. */
  double threshold();

  /** Whether a row with this score is flagged ({@code is_fraud}). */
  default boolean flags(double score) {
    return score >= threshold();
  }

  /** The columns the model reads, so a loader can warn about ones the dataset lacks. */
  default Set<String> columns() {
    return Set.of();
  }
}
