package io.streamhub.contracts.pressure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A pressure matrix")
class PressureMatrixTest {

  private static final PressureMatrix TWO_BY_THREE = new PressureMatrix(2, 3, new double[] {0, 1.5, 2, 3.25, 0.1, 80});

  @Test
  @DisplayName("survives packing, a trip through JSON text and unpacking with every value exact")
  void packedRoundTrip() {
    JsonObject packed = TWO_BY_THREE.toPacked();
    JsonObject throughText = new JsonObject(packed.encode());

    assertThat(PressureMatrix.fromPacked(packed)).isEqualTo(TWO_BY_THREE);
    assertThat(PressureMatrix.fromPacked(throughText)).isEqualTo(TWO_BY_THREE);
    assertThat(packed.getJsonObject("f64le").getBinary("$binary")).hasSize(6 * Double.BYTES);
  }

  @Test
  @DisplayName("shows its values as rows and reads them back")
  void rows() {
    JsonArray rows = TWO_BY_THREE.toRows();

    assertThat(rows.encode()).isEqualTo("[[0.0,1.5,2.0],[3.25,0.1,80.0]]");
    assertThat(PressureMatrix.fromRows(rows)).isEqualTo(TWO_BY_THREE);
    assertThat(TWO_BY_THREE.value(1, 2)).isEqualTo(80);
  }

  @Test
  @DisplayName("refuses a wrong size, negative or non-finite values and malformed packing, naming the problem")
  void refusesBadInput() {
    assertThatThrownBy(() -> new PressureMatrix(2, 2, new double[3])).hasMessageContaining("2x2 needs 4 values, got 3");
    assertThatThrownBy(() -> new PressureMatrix(0, 2, new double[0])).hasMessageContaining("at least 1x1");
    assertThatThrownBy(() -> new PressureMatrix(1, 2, new double[] {1, -1}))
        .hasMessageContaining("matrix[0][1] must be a finite number of at least 0");
    assertThatThrownBy(() -> new PressureMatrix(1, 1, new double[] {Double.NaN})).hasMessageContaining("matrix[0][0]");
    assertThatThrownBy(() -> PressureMatrix.fromPacked(new JsonObject().put("rows", 1).put("cols", 1)))
        .hasMessageContaining("f64le");
    assertThatThrownBy(() -> PressureMatrix.fromPacked(new JsonObject().put("rows", 1).put("cols", 1)
        .put("f64le", new JsonObject().put("$binary", new byte[7])))).hasMessageContaining("whole doubles, got 7 bytes");
    assertThatThrownBy(() -> PressureMatrix.fromRows(new JsonArray().add(new JsonArray().add(1)).add(new JsonArray())))
        .hasMessageContaining("matrix[1] must not be empty");
    assertThatThrownBy(() -> PressureMatrix.fromRows(new JsonArray().add(new JsonArray().add("x"))))
        .hasMessageContaining("matrix[0][0] must be a number");
  }

  @Test
  @DisplayName("does not change when the array it was made from or the one it returns changes")
  void immutable() {
    double[] values = {1, 2};
    PressureMatrix matrix = new PressureMatrix(1, 2, values);
    values[0] = 9;
    matrix.values()[1] = 9;

    assertThat(matrix.values()).containsExactly(1, 2);
  }
}
