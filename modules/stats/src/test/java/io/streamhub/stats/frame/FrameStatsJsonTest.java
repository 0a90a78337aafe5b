package io.streamhub.stats.frame;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamhub.stats.JsonNumbers;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class FrameStatsJsonTest {

  private final FrameStatsCalculator calculator = new FrameStatsCalculator(1.0);

  @Test
  @DisplayName("A 3 x 3 frame's JSON has every documented key, doubles rounded to 4 decimals")
  void fullDocument() {
    JsonObject json = calculator.compute(new double[][] {{2, 0, 0}, {1, 3, 1}, {0, 1, 4}}, null).toJson();
    JsonObject expected = new JsonObject()
        .put("sum", 12.0)
        .put("mean", 1.3333) // 12 / 9
        .put("max", new JsonObject().put("value", 4.0).put("row", 2).put("col", 2))
        .put("min", 0.0)
        .put("std", 1.3333) // 4 / 3
        .put("contact_area", 6)
        .put("contact_fraction", 0.6667) // 6 / 9
        .put("center_of_pressure", new JsonObject().put("row", 1.25).put("col", 1.1667)) // 15 / 12, 14 / 12
        .put("left_right_balance", new JsonObject().put("left", 41.6667).put("right", 58.3333))
        .put("front_back_balance", new JsonObject().put("front", 37.5).put("back", 62.5))
        .putNull("delta");
    assertThat(json).isEqualTo(expected);
    assertThat(json.fieldNames()).containsExactly("sum", "mean", "max", "min", "std", "contact_area",
        "contact_fraction", "center_of_pressure", "left_right_balance", "front_back_balance", "delta");
  }

  @Test
  @DisplayName("An all-zero frame's JSON has a null centre of pressure and 50/50 balances")
  void zeroDocument() {
    JsonObject json = calculator.compute(new double[2][2], null).toJson();
    assertThat(json.containsKey("center_of_pressure")).isTrue();
    assertThat(json.getValue("center_of_pressure")).isNull();
    assertThat(json.getJsonObject("left_right_balance"))
        .isEqualTo(new JsonObject().put("left", 50.0).put("right", 50.0));
    assertThat(json.getJsonObject("front_back_balance"))
        .isEqualTo(new JsonObject().put("front", 50.0).put("back", 50.0));
  }

  @Test
  @DisplayName("Rounded balances still sum to 100")
  void balancesSumTo100() {
    // [3, 7, 11]: left = 3 + 7 / 2 = 6.5 of 21 -> 30.952380..%, right = 11 + 3.5 = 14.5 of 21 -> 69.047619..%
    JsonObject lr = calculator.compute(new double[][] {{3, 7, 11}}, null).toJson().getJsonObject("left_right_balance");
    assertThat(lr).isEqualTo(new JsonObject().put("left", 30.9524).put("right", 69.0476));
    // [[1, 2], [4, 0]]: left = 1 + 4 = 5 of 7 -> 71.428571..%; front = 1 + 2 = 3 of 7 -> 42.857142..%
    JsonObject json = calculator.compute(new double[][] {{1, 2}, {4, 0}}, null).toJson();
    assertThat(json.getJsonObject("left_right_balance"))
        .isEqualTo(new JsonObject().put("left", 71.4286).put("right", 28.5714));
    assertThat(json.getJsonObject("front_back_balance"))
        .isEqualTo(new JsonObject().put("front", 42.8571).put("back", 57.1429));
  }

  @Test
  @DisplayName("Rounding is to 4 decimals in JSON only; the record keeps full precision")
  void roundingOnlyInJson() {
    FrameStats s = calculator.compute(new double[][] {{1, 1, 1}}, null);
    assertThat(s.mean()).isEqualTo(1.0);
    FrameStats thirds = calculator.compute(new double[][] {{1, 0, 0}}, null);
    assertThat(thirds.mean()).isEqualTo(1.0 / 3);
    assertThat(thirds.toJson().getDouble("mean")).isEqualTo(0.3333);
  }

  @Test
  @DisplayName("round4 rounds half up, normalises negative zero and leaves huge or non-finite values alone")
  void round4() {
    assertThat(JsonNumbers.round4(2.00005)).isEqualTo(2.0001);
    assertThat(JsonNumbers.round4(-1.23456)).isEqualTo(-1.2346);
    assertThat(Double.doubleToRawLongBits(JsonNumbers.round4(-0.00001))).isEqualTo(Double.doubleToRawLongBits(0.0));
    assertThat(JsonNumbers.round4(1e15 + 0.5)).isEqualTo(1e15 + 0.5);
    assertThat(JsonNumbers.round4(Double.NaN)).isNaN();
  }
}
