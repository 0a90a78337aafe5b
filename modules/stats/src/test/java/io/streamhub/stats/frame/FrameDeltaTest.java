package io.streamhub.stats.frame;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class FrameDeltaTest {

  private final FrameStatsCalculator calculator = new FrameStatsCalculator(2.0);
  // sum 10, mean 2.5, max 4, contact 3 (2, 3, 4 >= 2), centre (0.7, 0.6)
  private final FrameStats first = calculator.compute(new double[][] {{1, 2}, {3, 4}}, null);

  @Test
  @DisplayName("The first frame of a session has no delta")
  void firstFrameHasNoDelta() {
    assertThat(first.delta()).isNull();
    assertThat(first.toJson().containsKey("delta")).isTrue();
    assertThat(first.toJson().getValue("delta")).isNull();
  }

  @Test
  @DisplayName("A second frame of the same shape gets current minus previous and the centre's Euclidean shift")
  void secondFrame() {
    // sum 20, mean 5, max 8, contact 4; centre row (0 * 14 + 1 * 6) / 20 = 0.3, col (0 * 12 + 1 * 8) / 20 = 0.4
    FrameDelta d = calculator.compute(new double[][] {{8, 6}, {4, 2}}, first).delta();
    assertThat(d.sum()).isEqualTo(10.0);
    assertThat(d.mean()).isEqualTo(2.5);
    assertThat(d.max()).isEqualTo(4.0);
    assertThat(d.contactArea()).isEqualTo(1);
    // sqrt((0.3 - 0.7)^2 + (0.4 - 0.6)^2) = sqrt(0.16 + 0.04) = sqrt(0.2)
    assertThat(d.centerOfPressureShift()).isCloseTo(Math.sqrt(0.2), within(1e-12));
    assertThat(d.shapeChanged()).isFalse();
  }

  @Test
  @DisplayName("Decreases are negative")
  void decreasesAreNegative() {
    FrameDelta d = calculator.compute(new double[][] {{0, 1}, {1, 0}}, first).delta();
    assertThat(d.sum()).isEqualTo(-8.0); // 2 - 10
    assertThat(d.mean()).isEqualTo(-2.0); // 0.5 - 2.5
    assertThat(d.max()).isEqualTo(-3.0); // 1 - 4
    assertThat(d.contactArea()).isEqualTo(-3); // 0 - 3
  }

  @Test
  @DisplayName("A frame of another shape gets the scalar deltas only, no centre shift")
  void shapeChange() {
    // 1 x 3: sum 12, mean 4, max 6, contact 3 (2, 4 and 6 >= 2)
    FrameDelta d = calculator.compute(new double[][] {{2, 4, 6}}, first).delta();
    assertThat(d.sum()).isEqualTo(2.0);
    assertThat(d.mean()).isEqualTo(1.5);
    assertThat(d.max()).isEqualTo(2.0);
    assertThat(d.contactArea()).isZero();
    assertThat(d.centerOfPressureShift()).isNull();
    assertThat(d.shapeChanged()).isTrue();
  }

  @Test
  @DisplayName("Same row count but another column count is a shape change too")
  void columnCountChange() {
    assertThat(calculator.compute(new double[][] {{1, 2, 3}, {3, 4, 5}}, first).delta().shapeChanged()).isTrue();
  }

  @Test
  @DisplayName("No centre shift when either frame is all zero")
  void noShiftWithoutCentre() {
    FrameStats zero = calculator.compute(new double[2][2], null);
    assertThat(calculator.compute(new double[][] {{1, 2}, {3, 4}}, zero).delta().centerOfPressureShift()).isNull();
    FrameDelta toZero = calculator.compute(new double[2][2], first).delta();
    assertThat(toZero.centerOfPressureShift()).isNull();
    assertThat(toZero.sum()).isEqualTo(-10.0);
  }

  @Test
  @DisplayName("The previous frame's own delta does not matter")
  void deltaUsesOnlyPreviousValues() {
    FrameStats second = calculator.compute(new double[][] {{8, 6}, {4, 2}}, first);
    FrameStats third = calculator.compute(new double[][] {{1, 2}, {3, 4}}, second);
    assertThat(third.delta().sum()).isEqualTo(-10.0);
    assertThat(third.delta()).isEqualTo(FrameDelta.between(second.withDelta(null), third));
  }

  @Test
  @DisplayName("The delta JSON holds snake_case keys, rounded values and a null shift when absent")
  void deltaJson() {
    JsonObject d = calculator.compute(new double[][] {{8, 6}, {4, 2}}, first).toJson().getJsonObject("delta");
    assertThat(d).isEqualTo(new JsonObject().put("sum", 10.0).put("mean", 2.5).put("max", 4.0)
        .put("contact_area", 1).put("center_of_pressure_shift", 0.4472).put("shape_changed", false));
    JsonObject shape = calculator.compute(new double[][] {{2, 4, 6}}, first).delta().toJson();
    assertThat(shape.containsKey("center_of_pressure_shift")).isTrue();
    assertThat(shape.getValue("center_of_pressure_shift")).isNull();
    assertThat(shape.getBoolean("shape_changed")).isTrue();
  }
}
