package io.streamhub.replay.data;

import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One row of a {@link Dataset}: its values by column (in the dataset's column order) and, for a scored dataset, its
 * score and flag. Immutable and shared by every stream of the node; {@link #row()} hands out a fresh copy each call.
 *
 * <p>Values are JSON values: null, {@link Long}, {@link Double} or {@link String} (see the dataset's conversion
 * rules). {@link #fragment()} holds the same content pre-encoded, so an emit need not encode every column again.
 */
public final class DatasetRow {

  private final int seq;
  private final List<String> columns;
  private final Object[] values;
  private final Double score;
  private final Boolean isFraud;
  private final String fragment;

  /**
   * @param columns the dataset's columns, shared by its rows
   * @param values one JSON value per column; owned by the row from now on
   * @param score null when the dataset has no scorer
   * @param isFraud null exactly when {@code score} is
   */
  DatasetRow(int seq, List<String> columns, Object[] values, Double score, Boolean isFraud) {
    if (values.length != columns.size() || (score == null) != (isFraud == null)) {
      throw new IllegalArgumentException("row " + seq + ": " + values.length + " values for " + columns.size()
          + " columns, score " + score + ", is_fraud " + isFraud);
    }
    this.seq = seq;
    this.columns = columns;
    this.values = values;
    this.score = score;
    this.isFraud = isFraud;
    JsonObject members = new JsonObject().put("row", row());
    if (score != null) {
      members.put("score", score).put("is_fraud", isFraud);
    }
    String encoded = members.encode();
    this.fragment = encoded.substring(1, encoded.length() - 1);
  }

  /** The row's number in its dataset, 1-based. */
  public int seq() {
    return seq;
  }

  /** The values by column, in column order: a copy the caller may change without affecting the dataset. */
  public JsonObject row() {
    Map<String, Object> map = new LinkedHashMap<>(columns.size() * 4 / 3 + 1);
    for (int i = 0; i < values.length; i++) {
      map.put(columns.get(i), values[i]);
    }
    return new JsonObject(map);
  }

  /** The model's score, 0..1; null when the dataset is not scored. */
  public Double score() {
    return score;
  }

  /** Whether the score reaches the scorer's threshold; null when the dataset is not scored. */
  public Boolean isFraud() {
    return isFraud;
  }

  /**
   * The row's JSON object members, encoded: {@code "row":{...},"score":0.123,"is_fraud":false}, without the score
   * members when not scored. Wrapped in braces, or spliced between other members, it is valid JSON.
   */
  public String fragment() {
    return fragment;
  }

  @Override
  public String toString() {
    return "DatasetRow{seq=" + seq + ", " + fragment + "}";
  }
}
