package io.streamhub.replay.data;

import io.streamhub.contracts.config.ScorerConfig;

/** Builds the {@link Scorer} a {@link ScorerConfig} describes. */
public final class Scorers {

  private Scorers() {
  }

  /** @throws IllegalArgumentException for a model type that is not built in */
  public static Scorer create(ScorerConfig config) {
    if (ScorerConfig.LOGISTIC.equals(config.type())) {
      return new LogisticScorer(config.intercept(), config.weights(), config.threshold());
    }
    throw new IllegalArgumentException("unknown scorer \"" + config.type() + "\" (known: " + ScorerConfig.LOGISTIC
        + ")");
  }
}
