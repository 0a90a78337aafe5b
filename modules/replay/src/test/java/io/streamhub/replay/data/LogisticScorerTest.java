package io.streamhub.replay.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.streamhub.contracts.config.ScorerConfig;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The logistic scorer")
class LogisticScorerTest {

  private static final double EPS = 1e-12;

  private final Scorer scorer = Scorers.create(new ScorerConfig(ScorerConfig.LOGISTIC, -2.0,
      weights("amt", 0.01, "C1", 0.5, "ProductCD=C", 1.5), 0.5));

  private static Map<String, Double> weights(Object... pairs) {
    Map<String, Double> w = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      w.put((String) pairs[i], (Double) pairs[i + 1]);
    }
    return w;
  }

  private static Function<String, String> row(String... pairs) {
    Map<String, String> values = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      values.put(pairs[i], pairs[i + 1]);
    }
    return values::get;
  }

  @Test
  @DisplayName("adds numeric and indicator weights to the intercept")
  void numericAndIndicator() {
    // z = -2 + 0.01*100 + 0.5*2 + 1.5 (ProductCD=C) = 1.5
    // score = 1 / (1 + e^-1.5) = 1 / 1.2231301601484298 = 0.8175744761936437
    double score = scorer.score(row("amt", "100", "C1", "2", "ProductCD", "C"));
    assertThat(score).isCloseTo(0.8175744761936437, within(EPS));
    assertThat(scorer.flags(score)).isTrue();
  }

  @Test
  @DisplayName("counts an empty value, a non-numeric value and an unmatched indicator as 0")
  void emptyAndNonNumeric() {
    // z = -2 + 0.01*0 ("") + 0.5*0 ("n/a") + 0 (ProductCD=W) = -2
    // score = 1 / (1 + e^2) = 1 / 8.38905609893065 = 0.11920292202211755
    double score = scorer.score(row("amt", "", "C1", "n/a", "ProductCD", "W"));
    assertThat(score).isCloseTo(0.11920292202211755, within(EPS));
    assertThat(scorer.flags(score)).isFalse();
  }

  @Test
  @DisplayName("counts missing columns as 0")
  void missingColumns() {
    // z = -2 + 0.01*12.5 + 1.5 = -0.375; 1 / (1 + e^0.375) = 1 / 2.4549914146182013 = 0.40733340004593027
    assertThat(scorer.score(row("amt", "12.5", "ProductCD", "C"))).isCloseTo(0.40733340004593027, within(EPS));
  }

  @Test
  @DisplayName("flags a row whose score equals the threshold exactly")
  void thresholdBoundary() {
    // z = -2 + 0.01*50 + 0.5*0 + 1.5 = 0; 1 / (1 + e^0) = 0.5 exactly, the threshold
    double score = scorer.score(row("amt", "50", "ProductCD", "C"));
    assertThat(score).isEqualTo(0.5);
    assertThat(scorer.flags(score)).isTrue();
    assertThat(scorer.flags(Math.nextDown(0.5))).isFalse();
    Scorer stricter = new LogisticScorer(0, Map.of(), Math.nextUp(0.5));
    assertThat(stricter.flags(stricter.score(row()))).isFalse();
  }

  @Test
  @DisplayName("reads only finite decimal numbers as numbers")
  void numericValues() {
    assertThat(LogisticScorer.numeric("007")).isEqualTo(7.0);
    assertThat(LogisticScorer.numeric("+1.5")).isEqualTo(1.5);
    assertThat(LogisticScorer.numeric(".5")).isEqualTo(0.5);
    assertThat(LogisticScorer.numeric("-2e2")).isEqualTo(-200.0);
    for (String notANumber : List.of("NaN", "Infinity", "-Infinity", "0x1F", "1e", "1e999", "abc", " 1", "")) {
      assertThat(LogisticScorer.numeric(notANumber)).as(notANumber).isZero();
    }
    assertThat(LogisticScorer.numeric(null)).isZero();
  }

  @Test
  @DisplayName("gives 0 or 1, never NaN or an overflow, for extreme inputs")
  void extremes() {
    assertThat(scorer.score(row("amt", "1e308"))).isEqualTo(1.0);
    assertThat(scorer.score(row("amt", "-1e308"))).isEqualTo(0.0);
    Scorer huge = new LogisticScorer(0, weights("a", 1e6, "b", -1e6), 0.5);
    // each term 1e6 * 1e308 overflows to +-Infinity and is clamped to +-1e300; they cancel: z = 0
    assertThat(huge.score(row("a", "1e308", "b", "1e308"))).isEqualTo(0.5);
    assertThat(huge.score(row("a", "1e308"))).isEqualTo(1.0);
    assertThat(huge.score(row("b", "1e308"))).isEqualTo(0.0);
    assertThat(new LogisticScorer(-1e6, Map.of(), 0.5).score(row())).isEqualTo(0.0);
    assertThat(new LogisticScorer(1e6, Map.of(), 0.5).score(row())).isEqualTo(1.0);
    assertThat(LogisticScorer.sigmoid(-745.2)).isNotNaN().isBetween(0.0, 1e-300);
  }

  @Test
  @DisplayName("names the columns it reads and refuses an unknown model")
  void columnsAndUnknownType() {
    assertThat(scorer.columns()).containsExactly("amt", "C1", "ProductCD");
    assertThat(scorer.threshold()).isEqualTo(0.5);
    assertThatThrownBy(() -> Scorers.create(new ScorerConfig("forest", 0, Map.of(), 0.5)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("forest");
  }
}
