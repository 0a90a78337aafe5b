package io.streamhub.contracts.dashboard;

/**
 * The risk band of a prediction's score (0..1). Fixed here rather than configured, because the persistence role
 * counts predictions per band as they are stored: changing a band would silently disagree with stored counters.
 * High: {@code score >= 0.8}; medium: {@code 0.5 <= score < 0.8}; low: below 0.5.
 */
public enum RiskBand {
  HIGH("high"), MEDIUM("medium"), LOW("low");

  public static final double HIGH_FROM = 0.8;
  public static final double MEDIUM_FROM = 0.5;

  private final String wire;

  RiskBand(String wire) {
    this.wire = wire;
  }

  public String wire() {
    return wire;
  }

  public static RiskBand of(double score) {
    if (score >= HIGH_FROM) {
      return HIGH;
    }
    return score >= MEDIUM_FROM ? MEDIUM : LOW;
  }

  /** The band named {@code wire}; throws {@link IllegalArgumentException} for another name. */
  public static RiskBand parse(String wire) {
    for (RiskBand band : values()) {
      if (band.wire.equals(wire)) {
        return band;
      }
    }
    throw new IllegalArgumentException("risk level must be high, medium or low, got " + wire);
  }
}
