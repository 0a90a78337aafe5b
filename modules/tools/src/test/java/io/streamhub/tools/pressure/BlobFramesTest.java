package io.streamhub.tools.pressure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The frames of one simulated pressure mat")
class BlobFramesTest {

  /** Frames every 250 ms over 5 s, as a 4 Hz device would send them. */
  private static List<double[][]> run(BlobFrames frames) {
    List<double[][]> all = new ArrayList<>();
    for (long t = 0; t <= 5000; t += 250) {
      all.add(frames.frame(t));
    }
    return all;
  }

  /** {row, col, total} of a frame: the pressure-weighted mean cell and the sum of every cell. */
  private static double[] centreOfPressure(double[][] m) {
    double total = 0;
    double row = 0;
    double col = 0;
    for (int r = 0; r < m.length; r++) {
      for (int c = 0; c < m[r].length; c++) {
        total += m[r][c];
        row += r * m[r][c];
        col += c * m[r][c];
      }
    }
    return new double[] {row / total, col / total, total};
  }

  private static double total(double[][] m) {
    return centreOfPressure(m)[2];
  }

  @Test
  @DisplayName("A frame has rows x cols cells, each finite, 0 or at least 0.5, with at most one decimal")
  void shapeAndValues() {
    BlobFrames frames = new BlobFrames(12, 20, 7);
    for (double[][] m : run(frames)) {
      assertThat(m).hasNumberOfRows(12);
      for (double[] row : m) {
        assertThat(row).hasSize(20);
        for (double v : row) {
          assertThat(Double.isFinite(v)).as("%s is finite", v).isTrue();
          assertThat(v).as("an unloaded sensor reads 0").satisfiesAnyOf(x -> assertThat(x).isZero(),
              x -> assertThat(x).isGreaterThanOrEqualTo(0.5));
          assertThat(BigDecimal.valueOf(v).stripTrailingZeros().scale()).as("decimals of %s", v)
              .isLessThanOrEqualTo(1);
        }
      }
    }
  }

  @Test
  @DisplayName("The same seed gives the same frames; another seed gives other frames")
  void deterministicForASeed() {
    List<double[][]> first = run(new BlobFrames(16, 16, 42));
    List<double[][]> again = run(new BlobFrames(16, 16, 42));
    List<double[][]> other = run(new BlobFrames(16, 16, 43));
    for (int i = 0; i < first.size(); i++) {
      assertThat(again.get(i)).as("frame %d", i).isDeepEqualTo(first.get(i));
    }
    for (int i = 0; i < first.size(); i++) {
      assertThat(Arrays.deepEquals(other.get(i), first.get(i))).as("frame %d equal", i).isFalse();
    }
  }

  @Test
  @DisplayName("The blob wanders: its centre of pressure is elsewhere 3 s later")
  void moves() {
    for (long seed = 1; seed <= 5; seed++) {
      BlobFrames frames = new BlobFrames(16, 16, seed);
      double[] start = centreOfPressure(frames.frame(0));
      double[] later = centreOfPressure(frames.frame(3000));
      assertThat(Math.hypot(start[0] - later[0], start[1] - later[1])).as("cells moved, seed %d", seed)
          .isGreaterThan(1.0);
    }
  }

  @Test
  @DisplayName("The blob breathes: its total pressure swells and shrinks over a 4 s period")
  void breathes() {
    BlobFrames frames = new BlobFrames(16, 16, 3);
    double[] totals = new double[17];
    for (int i = 0; i < totals.length; i++) {
      totals[i] = total(frames.frame(i * 250L));
    }
    double max = Arrays.stream(totals).max().orElseThrow();
    double min = Arrays.stream(totals).min().orElseThrow();
    assertThat(max / min).as("largest over smallest total, %s", Arrays.toString(totals))
        .isGreaterThan(1.4);
    // Spread largest a quarter period in (t = 1 s), smallest at three quarters (t = 3 s).
    assertThat(totals[4]).isGreaterThan(totals[12] * 1.4);
  }

  @Test
  @DisplayName("A 1x1 mat is a single loaded cell; a mat without rows or columns is refused")
  void smallestMat() {
    double[][] m = new BlobFrames(1, 1, 9).frame(0);
    assertThat(m).hasDimensions(1, 1);
    // At t = 0 the peak is 96 and the only cell is the centre; noise adds under 2.
    assertThat(m[0][0]).isBetween(96.0, 98.0);
    assertThat(new BlobFrames(1, 5, 9).frame(1234)).hasDimensions(1, 5);
    assertThatThrownBy(() -> new BlobFrames(0, 4, 1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("0x4");
    assertThatThrownBy(() -> new BlobFrames(4, 0, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new BlobFrames(-1, -1, 1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName("message() writes a pressure_frame with the workout, the timestamp and the matrix, integers without .0, tenths and finer values exactly")
  void messageOfAKnownMatrix() {
    double[][] m = {{0, 1.5, 2}, {80, 0.5, 12.3}, {1.25, 0.05, 100}};
    String text = BlobFrames.message("sim-ab12-3", m, 1_700_000_000_123L);
    assertThat(text).isEqualTo("{\"event\":\"pressure_frame\",\"data\":{\"workout_id\":\"sim-ab12-3\","
        + "\"timestamp\":1700000000123,\"matrix\":[[0,1.5,2],[80,0.5,12.3],[1.25,0.05,100]]}}");
    JsonObject json = new JsonObject(text);
    assertThat(json.getString("event")).isEqualTo("pressure_frame");
    assertThat(json.getJsonObject("data").getLong("timestamp")).isEqualTo(1_700_000_000_123L);
  }

  @Test
  @DisplayName("message() of generated frames is valid JSON holding exactly the frame's values")
  void messageOfGeneratedFrames() {
    BlobFrames frames = new BlobFrames(16, 16, 5);
    for (long t = 0; t <= 4000; t += 500) {
      double[][] m = frames.frame(t);
      String text = BlobFrames.message("w-1", m, 1_000_000 + t);
      assertThat(text).doesNotContainPattern("\\d\\.0[,\\]]");
      JsonObject data = new JsonObject(text).getJsonObject("data");
      assertThat(data.getString("workout_id")).isEqualTo("w-1");
      assertThat(data.getLong("timestamp")).isEqualTo(1_000_000 + t);
      JsonArray rows = data.getJsonArray("matrix");
      assertThat(rows.size()).isEqualTo(16);
      for (int r = 0; r < 16; r++) {
        JsonArray row = rows.getJsonArray(r);
        assertThat(row.size()).isEqualTo(16);
        for (int c = 0; c < 16; c++) {
          Object value = row.getValue(c);
          assertThat(((Number) value).doubleValue()).as("cell %d,%d", r, c).isEqualTo(m[r][c]);
          if (m[r][c] == Math.rint(m[r][c])) {
            assertThat(value).as("cell %d,%d is written as an integer", r, c).isInstanceOf(Integer.class);
          }
        }
      }
    }
  }
}
