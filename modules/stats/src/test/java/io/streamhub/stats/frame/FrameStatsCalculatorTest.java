package io.streamhub.stats.frame;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class FrameStatsCalculatorTest {

  private static final Offset<Double> EXACT = within(1e-12);
  private final FrameStatsCalculator calculator = new FrameStatsCalculator(2.0);

  private FrameStats stats(double[][] matrix) {
    return calculator.compute(matrix, null);
  }

  @Test
  @DisplayName("A 2 x 2 frame: sum, mean, max with its cell, min, std and contact at threshold 2")
  void twoByTwoScalars() {
    FrameStats s = stats(new double[][] {{1, 2}, {3, 4}});
    assertThat(s.rows()).isEqualTo(2);
    assertThat(s.cols()).isEqualTo(2);
    assertThat(s.cells()).isEqualTo(4);
    assertThat(s.sum()).isEqualTo(10.0); // 1 + 2 + 3 + 4
    assertThat(s.mean()).isEqualTo(2.5); // 10 / 4
    assertThat(s.max()).isEqualTo(4.0);
    assertThat(s.maxRow()).isEqualTo(1);
    assertThat(s.maxCol()).isEqualTo(1);
    assertThat(s.min()).isEqualTo(1.0);
    // deviations -1.5 -0.5 0.5 1.5, squares 2.25 + 0.25 + 0.25 + 2.25 = 5, variance 5 / 4 = 1.25
    assertThat(s.std()).isCloseTo(Math.sqrt(1.25), EXACT);
    assertThat(s.contactArea()).isEqualTo(3); // 2, 3, 4 >= 2
    assertThat(s.contactFraction()).isEqualTo(0.75); // 3 / 4
    assertThat(s.delta()).isNull();
  }

  @Test
  @DisplayName("A 2 x 2 frame: centre of pressure and balances")
  void twoByTwoGeometry() {
    FrameStats s = stats(new double[][] {{1, 2}, {3, 4}});
    // row: (0 * (1 + 2) + 1 * (3 + 4)) / 10 = 0.7; col: (0 * (1 + 3) + 1 * (2 + 4)) / 10 = 0.6
    assertThat(s.centerOfPressure().row()).isCloseTo(0.7, EXACT);
    assertThat(s.centerOfPressure().col()).isCloseTo(0.6, EXACT);
    // left = col 0 = 1 + 3 = 4 of 10 -> 40 %; front = row 0 = 1 + 2 = 3 of 10 -> 30 %
    assertThat(s.leftPercent()).isCloseTo(40, EXACT);
    assertThat(s.rightPercent()).isCloseTo(60, EXACT);
    assertThat(s.frontPercent()).isCloseTo(30, EXACT);
    assertThat(s.backPercent()).isCloseTo(70, EXACT);
  }

  @Test
  @DisplayName("A 3 x 3 frame: every statistic, with the middle row and column split half to each side")
  void threeByThree() {
    FrameStats s = new FrameStatsCalculator(1.0).compute(new double[][] {{2, 0, 0}, {1, 3, 1}, {0, 1, 4}}, null);
    assertThat(s.sum()).isEqualTo(12.0); // rows 2 + 5 + 5
    assertThat(s.mean()).isCloseTo(4.0 / 3, EXACT); // 12 / 9
    assertThat(s.max()).isEqualTo(4.0);
    assertThat(s.maxRow()).isEqualTo(2);
    assertThat(s.maxCol()).isEqualTo(2);
    assertThat(s.min()).isEqualTo(0.0);
    // sum of squares 4 + 1 + 9 + 1 + 1 + 16 = 32; variance 32 / 9 - (4 / 3)^2 = 16 / 9; std 4 / 3
    assertThat(s.std()).isCloseTo(4.0 / 3, EXACT);
    assertThat(s.contactArea()).isEqualTo(6); // 2, 1, 3, 1, 1, 4 >= 1
    assertThat(s.contactFraction()).isCloseTo(6.0 / 9, EXACT);
    // row sums 2, 5, 5: (0 * 2 + 1 * 5 + 2 * 5) / 12 = 15 / 12
    // col sums 3, 4, 5: (0 * 3 + 1 * 4 + 2 * 5) / 12 = 14 / 12
    assertThat(s.centerOfPressure().row()).isCloseTo(1.25, EXACT);
    assertThat(s.centerOfPressure().col()).isCloseTo(14.0 / 12, EXACT);
    // left = col 0 + col 1 / 2 = 3 + 2 = 5 -> 5 / 12 = 41.67 %; right = 5 + 2 = 7 -> 58.33 %
    assertThat(s.leftPercent()).isCloseTo(500.0 / 12, EXACT);
    assertThat(s.rightPercent()).isCloseTo(700.0 / 12, EXACT);
    // front = row 0 + row 1 / 2 = 2 + 2.5 = 4.5 -> 37.5 %; back = 5 + 2.5 = 7.5 -> 62.5 %
    assertThat(s.frontPercent()).isCloseTo(37.5, EXACT);
    assertThat(s.backPercent()).isCloseTo(62.5, EXACT);
  }

  @Test
  @DisplayName("With an odd number of columns the middle column counts half to each side")
  void oddColumnsSplitTheMiddle() {
    FrameStats s = stats(new double[][] {{2, 4, 6}});
    // left = 2 + 4 / 2 = 4 of 12 -> 33.33 %; right = 6 + 4 / 2 = 8 of 12 -> 66.67 %
    assertThat(s.leftPercent()).isCloseTo(100.0 / 3, EXACT);
    assertThat(s.rightPercent()).isCloseTo(200.0 / 3, EXACT);
    // a single row is the middle row: half front, half back
    assertThat(s.frontPercent()).isEqualTo(50.0);
    assertThat(s.backPercent()).isEqualTo(50.0);
    // col: (0 * 2 + 1 * 4 + 2 * 6) / 12 = 16 / 12
    assertThat(s.centerOfPressure().col()).isCloseTo(16.0 / 12, EXACT);
    assertThat(s.centerOfPressure().row()).isEqualTo(0.0);
  }

  @Test
  @DisplayName("With an even number of columns no column is split: cols 0-1 left, 2-3 right")
  void evenColumnsSplitAtTheHalf() {
    FrameStats s = stats(new double[][] {{1, 2, 3, 4}, {1, 2, 3, 4}});
    // left = 2 * (1 + 2) = 6 of 20 -> 30 %
    assertThat(s.leftPercent()).isCloseTo(30, EXACT);
    assertThat(s.rightPercent()).isCloseTo(70, EXACT);
    assertThat(s.frontPercent()).isCloseTo(50, EXACT);
  }

  @Test
  @DisplayName("An all-zero frame has no centre of pressure, 50/50 balances and std 0")
  void allZero() {
    FrameStats s = stats(new double[3][4]);
    assertThat(s.sum()).isZero();
    assertThat(s.mean()).isZero();
    assertThat(s.std()).isZero();
    assertThat(s.max()).isZero();
    assertThat(s.maxRow()).isZero();
    assertThat(s.maxCol()).isZero();
    assertThat(s.min()).isZero();
    assertThat(s.contactArea()).isZero();
    assertThat(s.contactFraction()).isZero();
    assertThat(s.centerOfPressure()).isNull();
    assertThat(s.leftPercent()).isEqualTo(50.0);
    assertThat(s.rightPercent()).isEqualTo(50.0);
    assertThat(s.frontPercent()).isEqualTo(50.0);
    assertThat(s.backPercent()).isEqualTo(50.0);
  }

  @Test
  @DisplayName("A single cell is its own max, min and mean, centred at (0, 0) and split 50/50 both ways")
  void singleCell() {
    FrameStats s = stats(new double[][] {{5}});
    assertThat(s.sum()).isEqualTo(5.0);
    assertThat(s.mean()).isEqualTo(5.0);
    assertThat(s.max()).isEqualTo(5.0);
    assertThat(s.min()).isEqualTo(5.0);
    assertThat(s.std()).isZero();
    assertThat(s.contactArea()).isEqualTo(1);
    assertThat(s.contactFraction()).isEqualTo(1.0);
    assertThat(s.centerOfPressure()).isEqualTo(new CenterOfPressure(0, 0));
    assertThat(s.leftPercent()).isEqualTo(50.0);
    assertThat(s.frontPercent()).isEqualTo(50.0);
  }

  @Test
  @DisplayName("A cell exactly at the contact threshold counts as contact, one just below does not")
  void contactThresholdIsInclusive() {
    double[][] matrix = {{2, 0, 0}, {1, 3, 1}, {0, 1, 4}};
    assertThat(new FrameStatsCalculator(3.0).compute(matrix, null).contactArea()).isEqualTo(2); // 3 and 4
    assertThat(new FrameStatsCalculator(Math.nextUp(3.0)).compute(matrix, null).contactArea()).isEqualTo(1);
    assertThat(new FrameStatsCalculator(new FrameLimits(64, 64, 4.0)).compute(matrix, null).contactArea())
        .isEqualTo(1);
  }

  @Test
  @DisplayName("The max cell is the first in row-major order when the maximum repeats")
  void maxIsFirstOccurrence() {
    FrameStats s = stats(new double[][] {{1, 5}, {5, 1}});
    assertThat(s.maxRow()).isZero();
    assertThat(s.maxCol()).isEqualTo(1);
  }

  @Test
  @DisplayName("The standard deviation stays exact for values far from zero")
  void stdIsStableForLargeValues() {
    FrameStats s = stats(new double[][] {{1e9 + 1, 1e9 + 2}, {1e9 + 3, 1e9 + 4}});
    assertThat(s.std()).isCloseTo(Math.sqrt(1.25), within(1e-9)); // same deviations as 1, 2, 3, 4
  }

  @Test
  @DisplayName("A frame is computed the same from a PressureFrame and from its raw matrix")
  void frameAndMatrixAgree() {
    double[][] matrix = {{2, 0, 0}, {1, 3, 1}, {0, 1, 4}};
    PressureFrame frame = new PressureFrame("w", matrix, Frames.NOW, null);
    assertThat(calculator.compute(frame, null)).isEqualTo(stats(matrix));
  }

  @Test
  @DisplayName("The calculator rejects empty or ragged matrices and thresholds that are not finite and positive")
  void rejectsBadInput() {
    assertThatIllegalArgumentException().isThrownBy(() -> stats(new double[0][]));
    assertThatIllegalArgumentException().isThrownBy(() -> stats(new double[][] {{}}));
    assertThatIllegalArgumentException().isThrownBy(() -> stats(new double[][] {{1, 2}, {3}}))
        .withMessage("matrix must be rectangular: row 1 has 1 values, row 0 has 2");
    assertThatIllegalArgumentException().isThrownBy(() -> new FrameStatsCalculator(0));
    assertThatIllegalArgumentException().isThrownBy(() -> new FrameStatsCalculator(Double.POSITIVE_INFINITY));
    assertThat(calculator.contactThreshold()).isEqualTo(2.0);
  }
}
