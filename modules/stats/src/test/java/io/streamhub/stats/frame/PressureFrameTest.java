package io.streamhub.stats.frame;

import static io.streamhub.stats.frame.Frames.NOW;
import static io.streamhub.stats.frame.Frames.VALIDATOR;
import static io.streamhub.stats.frame.Frames.valid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PressureFrameTest {

  @Test
  @DisplayName("Changing the array a frame was built from does not change the frame")
  void copiesOnConstruction() {
    double[][] cells = {{1, 2}, {3, 4}};
    PressureFrame frame = new PressureFrame("w", cells, NOW, null);
    cells[0][0] = 99;
    assertThat(frame.value(0, 0)).isEqualTo(1);
  }

  @Test
  @DisplayName("Changing the array matrix() returned does not change the frame")
  void copiesOnAccess() {
    PressureFrame frame = new PressureFrame("w", new double[][] {{1, 2}, {3, 4}}, NOW, null);
    double[][] leaked = frame.matrix();
    leaked[1][1] = 99;
    leaked[0] = new double[] {7};
    assertThat(frame.matrix()).isEqualTo(new double[][] {{1, 2}, {3, 4}});
    assertThat(frame.rows()).isEqualTo(2);
    assertThat(frame.cols()).isEqualTo(2);
  }

  @Test
  @DisplayName("The constructor rejects empty, ragged, negative and non-finite matrices")
  void constructorKeepsInvariants() {
    assertThatIllegalArgumentException().isThrownBy(() -> new PressureFrame("w", new double[0][], NOW, null));
    assertThatIllegalArgumentException().isThrownBy(() -> new PressureFrame("w", new double[][] {{}}, NOW, null));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new PressureFrame("w", new double[][] {{1, 2}, {3}}, NOW, null))
        .withMessage("matrix must be rectangular: row 1 differs from row 0");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new PressureFrame("w", new double[][] {{1, -2}}, NOW, null))
        .withMessage("matrix[0][1] must be finite and >= 0, got -2.0");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new PressureFrame("w", new double[][] {{Double.NaN}}, NOW, null));
  }

  @Test
  @DisplayName("Frames with the same content are equal and hash alike")
  void equalityIsByContent() {
    PressureFrame a = new PressureFrame("w", new double[][] {{1, 2}}, NOW, new JsonArray().add(1));
    PressureFrame b = new PressureFrame("w", new double[][] {{1, 2}}, NOW, new JsonArray().add(1));
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a).isNotEqualTo(new PressureFrame("w", new double[][] {{1, 3}}, NOW, new JsonArray().add(1)));
    assertThat(a).isNotEqualTo(new PressureFrame("w", new double[][] {{1, 2}}, NOW + 1, new JsonArray().add(1)));
  }

  @Test
  @DisplayName("toString names the shape instead of dumping the cells")
  void toStringIsShort() {
    PressureFrame frame = new PressureFrame("w-1", new double[16][16], NOW, null);
    assertThat(frame).hasToString("PressureFrame[workoutId=w-1, 16x16, timestampMs=" + NOW + ", nodes=none]");
  }

  @Test
  @DisplayName("toJson gives workout_id, matrix, epoch timestamp and nodes, and parses back to an equal frame")
  void toJsonRoundTrips() {
    JsonArray nodes = new JsonArray().add(new JsonObject().put("id", "n1"));
    PressureFrame frame = VALIDATOR.validate(valid().put("timestamp", "2026-11-22T10:00:00+01:00").put("nodes", nodes));
    JsonObject json = frame.toJson();
    assertThat(json.fieldNames()).containsExactlyInAnyOrder("workout_id", "matrix", "timestamp", "nodes");
    assertThat(json.getLong("timestamp")).isEqualTo(NOW);
    assertThat(json.getJsonArray("matrix").encode()).isEqualTo("[[1.0,2.0],[3.0,4.0]]");
    assertThat(VALIDATOR.validate(new JsonObject(json.encode()))).isEqualTo(frame);
    assertThat(VALIDATOR.validate(valid()).toJson().containsKey("nodes")).isFalse();
  }

  @Test
  @DisplayName("PressureFrame.parse against the system clock accepts a frame stamped now")
  void parseWithSystemClock() {
    JsonObject data = valid().put("timestamp", System.currentTimeMillis());
    assertThat(PressureFrame.parse(data, FrameLimits.DEFAULTS).workoutId()).isEqualTo("w-1");
  }
}
