package io.streamhub.contracts.config;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * One replayable dataset ({@code replay.datasets.<name>}).
 *
 * @param name the dataset's name, as clients give it in {@code join_stream}
 * @param file the CSV replayed row by row: a file path, or {@code bundled:NAME} for a dataset shipped in the jar
 * @param join an optional second CSV left-joined on a key column; {@code null} when none
 * @param event the event name each row is emitted under (e.g. {@code prediction})
 * @param fields the columns included in each emitted row, in this order; empty means every column of both files
 * @param scorer an optional model scoring each row; {@code null} when rows are not scored
 * @param delay an optional delay overriding {@code replay.delay}; {@code null} when none. Live.
 * @param baseline an optional reference point cloud served by {@code GET /api/v1/datasets/{name}/baseline};
 *     {@code null} when none
 */
public record DatasetConfig(String name, String file, JoinConfig join, String event, List<String> fields,
    ScorerConfig scorer, DelayConfig delay, BaselineConfig baseline) {

  /** A dataset without a baseline. */
  public DatasetConfig(String name, String file, JoinConfig join, String event, List<String> fields,
      ScorerConfig scorer, DelayConfig delay) {
    this(name, file, join, event, fields, scorer, delay, null);
  }

  public DatasetConfig {
    fields = List.copyOf(fields);
  }

  static DatasetConfig read(String name, ConfigReader r) {
    if (!name.matches("[A-Za-z0-9_-]{1,64}")) {
      throw new ConfigException(r.path(), "dataset names are 1-64 chars of [A-Za-z0-9_-], got \"" + name + "\"");
    }
    String file = nonEmpty(r, "file");
    JoinConfig join = r.has("join") ? JoinConfig.read(r.section("join")) : null;
    String event = nonEmpty(r, "event");
    List<String> fields = r.has("fields") ? r.strings("fields") : List.of();
    ScorerConfig scorer = r.has("scorer") ? ScorerConfig.read(r.section("scorer")) : null;
    DelayConfig delay = r.has("delay") ? DelayConfig.read(r.section("delay")) : null;
    BaselineConfig baseline = r.has("baseline") ? BaselineConfig.read(r.section("baseline")) : null;
    r.rejectUnknown();
    return new DatasetConfig(name, file, join, event, fields, scorer, delay, baseline);
  }

  static String nonEmpty(ConfigReader r, String key) {
    String value = r.string(key);
    if (value.isBlank()) {
      throw new ConfigException(r.key(key), "must not be empty");
    }
    return value;
  }

  JsonObject toJson() {
    JsonObject json = new JsonObject().put("file", file).put("event", event).put("fields", new JsonArray(fields));
    if (join != null) {
      json.put("join", join.toJson());
    }
    if (scorer != null) {
      json.put("scorer", scorer.toJson());
    }
    if (delay != null) {
      json.put("delay", delay.toJson());
    }
    if (baseline != null) {
      json.put("baseline", baseline.toJson());
    }
    return json;
  }

  /**
   * A left join: every row of the dataset's file gets the columns of the first row of {@code file} with the same
   * {@code key}; rows without a partner get those columns empty.
   *
   * @param file the second CSV (a path or {@code bundled:NAME})
   * @param key the column both files share
   */
  public record JoinConfig(String file, String key) {

    static JoinConfig read(ConfigReader r) {
      JoinConfig c = new JoinConfig(nonEmpty(r, "file"), nonEmpty(r, "key"));
      r.rejectUnknown();
      return c;
    }

    JsonObject toJson() {
      return new JsonObject().put("file", file).put("key", key);
    }
  }

  /**
   * A reference point cloud for the dataset (e.g. a machine's healthy operating region): two numeric columns of a
   * second CSV, read once per node.
   *
   * @param file the CSV (a path or {@code bundled:NAME})
   * @param x the column giving each point's x
   * @param y the column giving each point's y
   */
  public record BaselineConfig(String file, String x, String y) {

    static BaselineConfig read(ConfigReader r) {
      BaselineConfig c = new BaselineConfig(nonEmpty(r, "file"), nonEmpty(r, "x"), nonEmpty(r, "y"));
      r.rejectUnknown();
      return c;
    }

    JsonObject toJson() {
      return new JsonObject().put("file", file).put("x", x).put("y", y);
    }
  }
}
