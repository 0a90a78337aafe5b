package io.streamhub.stats.frame;

import static io.streamhub.stats.frame.Frames.VALIDATOR;
import static io.streamhub.stats.frame.Frames.filled;
import static io.streamhub.stats.frame.Frames.rejection;
import static io.streamhub.stats.frame.Frames.valid;
import static io.streamhub.stats.frame.Frames.withMatrix;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MatrixValidationTest {

  private static JsonArray row(Object... cells) {
    JsonArray row = new JsonArray();
    for (Object cell : cells) {
      row.add(cell);
    }
    return row;
  }

  private static JsonArray rows(Object... rows) {
    return row(rows);
  }

  @Test
  @DisplayName("A missing matrix is rejected")
  void rejectsMissingMatrix() {
    JsonObject data = valid();
    data.remove("matrix");
    FrameException e = rejection(data);
    assertThat(e.field()).isEqualTo("matrix");
    assertThat(e).hasMessage("matrix is required");
    assertThat(rejection(valid().putNull("matrix"))).hasMessage("matrix is required");
  }

  @Test
  @DisplayName("A matrix that is not an array is rejected with what it was")
  void rejectsNonArrayMatrix() {
    assertThat(rejection(withMatrix("1,2;3,4"))).hasMessage("matrix must be an array of rows, got \"1,2;3,4\"");
    assertThat(rejection(withMatrix(new JsonObject()))).hasMessage("matrix must be an array of rows, got an object");
    assertThat(rejection(withMatrix(7))).hasMessage("matrix must be an array of rows, got 7");
  }

  @Test
  @DisplayName("An empty matrix is rejected")
  void rejectsEmptyMatrix() {
    assertThat(rejection(withMatrix(new JsonArray()))).hasMessage("matrix must have at least one row");
  }

  @Test
  @DisplayName("A row that is not an array is rejected with its index")
  void rejectsNonArrayRow() {
    FrameException e = rejection(withMatrix(rows(row(1, 2), 3)));
    assertThat(e.field()).isEqualTo("matrix");
    assertThat(e).hasMessage("matrix[1] must be an array of numbers, got 3");
  }

  @Test
  @DisplayName("An empty row is rejected with its index")
  void rejectsEmptyRow() {
    assertThat(rejection(withMatrix(rows(row())))).hasMessage("matrix[0] must not be empty");
    assertThat(rejection(withMatrix(rows(row(1), row())))).hasMessage("matrix[1] must not be empty");
  }

  @Test
  @DisplayName("A ragged matrix is rejected naming both row lengths")
  void rejectsRaggedMatrix() {
    JsonArray matrix = filled(4, 16, 1);
    matrix.getJsonArray(3).remove(0);
    assertThat(rejection(withMatrix(matrix)))
        .hasMessage("matrix must be rectangular: row 3 has 15 values, row 0 has 16");
    matrix.getJsonArray(3).add(1).add(1);
    assertThat(rejection(withMatrix(matrix)))
        .hasMessage("matrix must be rectangular: row 3 has 17 values, row 0 has 16");
  }

  @Test
  @DisplayName("65 rows are over the default limit of 64")
  void rejectsTooManyRows() {
    assertThat(rejection(withMatrix(filled(65, 1, 0)))).hasMessage("matrix has 65 rows, more than the limit of 64");
  }

  @Test
  @DisplayName("65 columns are over the default limit of 64")
  void rejectsTooManyColumns() {
    assertThat(rejection(withMatrix(filled(1, 65, 0))))
        .hasMessage("matrix has 65 columns, more than the limit of 64");
  }

  @Test
  @DisplayName("A 64 x 64 matrix and a 1 x 1 matrix fit the default limits")
  void acceptsLimitSizes() {
    assertThat(VALIDATOR.validate(withMatrix(filled(64, 64, 2))).rows()).isEqualTo(64);
    PressureFrame single = VALIDATOR.validate(withMatrix(filled(1, 1, 2)));
    assertThat(single.rows()).isEqualTo(1);
    assertThat(single.cols()).isEqualTo(1);
  }

  @Test
  @DisplayName("Configured limits apply: 8 x 8 accepted, 9 rows or 9 columns rejected")
  void appliesConfiguredLimits() {
    FrameValidator small = new FrameValidator(new FrameLimits(8, 8, 1), Clock.systemUTC());
    JsonObject data = valid().put("timestamp", System.currentTimeMillis());
    assertThat(small.validate(data.copy().put("matrix", filled(8, 8, 0))).cols()).isEqualTo(8);
    assertThat(rejection(small, data.copy().put("matrix", filled(9, 8, 0))))
        .hasMessage("matrix has 9 rows, more than the limit of 8");
    assertThat(rejection(small, data.copy().put("matrix", filled(8, 9, 0))))
        .hasMessage("matrix has 9 columns, more than the limit of 8");
  }

  @Test
  @DisplayName("A negative cell is rejected with its index and value")
  void rejectsNegativeCell() {
    JsonArray matrix = filled(3, 6, 1);
    matrix.getJsonArray(2).set(5, -1);
    FrameException e = rejection(withMatrix(matrix));
    assertThat(e.field()).isEqualTo("matrix");
    assertThat(e).hasMessage("matrix[2][5] must be a finite non-negative number, got -1");
  }

  @Test
  @DisplayName("A string cell is rejected, even when it holds digits")
  void rejectsStringCell() {
    assertThat(rejection(withMatrix(rows(row(1, 2), row(3, "4")))))
        .hasMessage("matrix[1][1] must be a finite non-negative number, got \"4\"");
  }

  @Test
  @DisplayName("A null cell is rejected")
  void rejectsNullCell() {
    assertThat(rejection(withMatrix(rows(row(1, null)))))
        .hasMessage("matrix[0][1] must be a finite non-negative number, got null");
  }

  @Test
  @DisplayName("A boolean cell is rejected")
  void rejectsBooleanCell() {
    assertThat(rejection(withMatrix(rows(row(true, 1)))))
        .hasMessage("matrix[0][0] must be a finite non-negative number, got true");
  }

  @Test
  @DisplayName("NaN and infinite cells are rejected")
  void rejectsNonFiniteCells() {
    assertThat(rejection(withMatrix(rows(row(1, Double.NaN)))))
        .hasMessage("matrix[0][1] must be a finite non-negative number, got NaN");
    assertThat(rejection(withMatrix(rows(row(Double.POSITIVE_INFINITY)))))
        .hasMessage("matrix[0][0] must be a finite non-negative number, got Infinity");
  }

  @Test
  @DisplayName("A JSON number too large for a double is rejected as not finite")
  void rejectsOverflowingNumber() {
    JsonObject data = new JsonObject("{\"workout_id\":\"w\",\"timestamp\":" + Frames.NOW + ",\"matrix\":[[1e400]]}");
    assertThat(rejection(data)).hasMessageStartingWith("matrix[0][0] must be a finite non-negative number, got ");
  }

  @Test
  @DisplayName("A nested array or object cell is rejected")
  void rejectsStructuredCell() {
    assertThat(rejection(withMatrix(rows(row(1, row(2))))))
        .hasMessage("matrix[0][1] must be a finite non-negative number, got an array");
    assertThat(rejection(withMatrix(rows(row(new JsonObject())))))
        .hasMessage("matrix[0][0] must be a finite non-negative number, got an object");
  }

  @Test
  @DisplayName("Zero and negative zero are accepted as 0")
  void acceptsZero() {
    PressureFrame frame = VALIDATOR.validate(withMatrix(rows(row(0, -0.0))));
    assertThat(Double.doubleToRawLongBits(frame.value(0, 1))).isEqualTo(Double.doubleToRawLongBits(0.0));
  }

  @Test
  @DisplayName("FrameLimits reject sizes below 1 and thresholds that are not finite and positive")
  void validatesLimits() {
    assertThatIllegalArgumentException().isThrownBy(() -> new FrameLimits(0, 4, 1));
    assertThatIllegalArgumentException().isThrownBy(() -> new FrameLimits(4, 0, 1));
    assertThatIllegalArgumentException().isThrownBy(() -> new FrameLimits(4, 4, 0));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new FrameLimits(4, 4, Double.NaN));
    assertThat(FrameLimits.DEFAULTS).isEqualTo(new FrameLimits(64, 64, 1.0));
  }
}
