package io.streamhub.stats.frame;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;

/** Test fixtures: a fixed clock, a validator on it and JSON frame builders. */
final class Frames {

  static final Instant NOW_INSTANT = Instant.parse("2026-11-22T09:00:00Z");
  static final long NOW = NOW_INSTANT.toEpochMilli();
  static final FrameValidator VALIDATOR =
      new FrameValidator(FrameLimits.DEFAULTS, Clock.fixed(NOW_INSTANT, ZoneOffset.UTC));

  private Frames() {
  }

  static JsonObject valid() {
    return new JsonObject()
        .put("workout_id", "w-1")
        .put("matrix", json(new double[][] {{1, 2}, {3, 4}}))
        .put("timestamp", NOW);
  }

  static JsonObject withMatrix(Object matrix) {
    return valid().put("matrix", matrix);
  }

  static JsonArray json(double[][] matrix) {
    JsonArray rows = new JsonArray();
    for (double[] row : matrix) {
      JsonArray cells = new JsonArray();
      for (double v : row) {
        cells.add(v);
      }
      rows.add(cells);
    }
    return rows;
  }

  static JsonArray filled(int rows, int cols, double value) {
    double[][] matrix = new double[rows][cols];
    for (double[] row : matrix) {
      Arrays.fill(row, value);
    }
    return json(matrix);
  }

  static FrameException rejection(JsonObject data) {
    return rejection(VALIDATOR, data);
  }

  static FrameException rejection(FrameValidator validator, JsonObject data) {
    try {
      validator.validate(data);
    } catch (FrameException e) {
      return e;
    }
    throw new AssertionError("frame was accepted: " + data);
  }
}
