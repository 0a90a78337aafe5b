package io.streamhub.contracts.pressure;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A frame's pressure values, row-major, immutable.
 *
 * <p>Stored and sent between roles packed ({@link #toPacked()}): {@code {rows, cols, f64le: {$binary, $type: 0}}}
 * where {@code $binary} holds the values as little-endian IEEE-754 doubles, row after row: BSON BinData (subtype 0)
 * in the store, base64 in JSON (MongoDB's extended-JSON shape, which is how vertx-mongo-client writes binary). A
 * 16×16 frame is then one 2 KiB value instead of 272 BSON array elements, which makes a stored frame about three
 * times cheaper to write. The HTTP API and the socket protocol show the values as rows ({@link #toRows()}).
 *
 * @param rows height, cells (1 or more)
 * @param cols width, cells (1 or more)
 */
public record PressureMatrix(int rows, int cols, double[] values) {

  private static final String BINARY = "$binary";

  /** Every value must be finite and at least 0. */
  public PressureMatrix {
    if (rows < 1 || cols < 1) {
      throw new IllegalArgumentException("matrix must be at least 1x1, got " + rows + "x" + cols);
    }
    if (values.length != rows * cols) {
      throw new IllegalArgumentException("matrix of " + rows + "x" + cols + " needs " + rows * cols + " values, got "
          + values.length);
    }
    values = values.clone();
    for (int i = 0; i < values.length; i++) {
      if (!Double.isFinite(values[i]) || values[i] < 0) {
        throw new IllegalArgumentException("matrix[" + i / cols + "][" + i % cols
            + "] must be a finite number of at least 0, got " + values[i]);
      }
    }
  }

  /** The value at {@code (row, col)}, both from 0. */
  public double value(int row, int col) {
    return values[row * cols + col];
  }

  @Override
  public double[] values() {
    return values.clone();
  }

  /** {@code [[row 0...], [row 1...], ...]}. */
  public JsonArray toRows() {
    JsonArray result = new JsonArray();
    for (int r = 0; r < rows; r++) {
      JsonArray row = new JsonArray();
      for (int c = 0; c < cols; c++) {
        row.add(values[r * cols + c]);
      }
      result.add(row);
    }
    return result;
  }

  /** {@code {rows, cols, f64le}}, see the class comment. */
  public JsonObject toPacked() {
    ByteBuffer bytes = ByteBuffer.allocate(values.length * Double.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    for (double v : values) {
      bytes.putDouble(v);
    }
    return new JsonObject().put("rows", rows).put("cols", cols)
        .put("f64le", new JsonObject().put(BINARY, bytes.array()).put("$type", 0));
  }

  /**
   * Reads {@link #toRows()}'s form: a non-empty array of non-empty, equally long arrays of numbers.
   *
   * @throws IllegalArgumentException naming the first bad row or cell, e.g. {@code matrix[1][1] must be a number}
   */
  public static PressureMatrix fromRows(JsonArray rows) {
    if (rows.isEmpty()) {
      throw new IllegalArgumentException("matrix must have at least one row");
    }
    int width = -1;
    double[] values = null;
    for (int r = 0; r < rows.size(); r++) {
      if (!(rows.getValue(r) instanceof JsonArray row)) {
        throw new IllegalArgumentException("matrix[" + r + "] must be an array");
      }
      if (row.isEmpty()) {
        throw new IllegalArgumentException("matrix[" + r + "] must not be empty");
      }
      if (width < 0) {
        width = row.size();
        values = new double[rows.size() * width];
      } else if (row.size() != width) {
        throw new IllegalArgumentException("matrix must be rectangular: row " + r + " has " + row.size()
            + " values, row 0 has " + width);
      }
      for (int c = 0; c < width; c++) {
        if (!(row.getValue(c) instanceof Number n) || n instanceof BigInteger || n instanceof BigDecimal) {
          throw new IllegalArgumentException("matrix[" + r + "][" + c + "] must be a number (64-bit integer or "
              + "double), got " + row.getValue(c));
        }
        values[r * width + c] = n.doubleValue();
      }
    }
    return new PressureMatrix(rows.size(), width, values);
  }

  /**
   * Reads {@link #toPacked()}'s form (the binary as bytes, or as base64 after a trip through JSON or the store).
   *
   * @throws IllegalArgumentException naming what is wrong
   */
  public static PressureMatrix fromPacked(JsonObject packed) {
    int rows = dimension(packed, "rows");
    int cols = dimension(packed, "cols");
    byte[] raw = null;
    if (packed.getValue("f64le") instanceof JsonObject binary) {
      try {
        raw = binary.getBinary(BINARY);
      } catch (ClassCastException | IllegalArgumentException e) {
        throw new IllegalArgumentException("matrix.f64le.$binary must be binary (base64 in JSON)");
      }
    }
    if (raw == null) {
      throw new IllegalArgumentException("matrix.f64le must be {\"$binary\": bytes}");
    }
    if (raw.length % Double.BYTES != 0) {
      throw new IllegalArgumentException("matrix.f64le must hold whole doubles, got " + raw.length + " bytes");
    }
    double[] values = new double[raw.length / Double.BYTES];
    ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(values);
    return new PressureMatrix(rows, cols, values);
  }

  private static int dimension(JsonObject packed, String name) {
    if (packed.getValue(name) instanceof Integer n) {
      return n;
    }
    throw new IllegalArgumentException("matrix." + name + " must be a whole number, got " + packed.getValue(name));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PressureMatrix m && m.rows == rows && m.cols == cols && Arrays.equals(m.values, values);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * rows + cols) + Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return "PressureMatrix[" + rows + "x" + cols + "]";
  }
}
