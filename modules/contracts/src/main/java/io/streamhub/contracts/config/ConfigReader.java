package io.streamhub.contracts.config;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads one section of the configuration tree, checking types and ranges and naming the dotted key in every
 * error. Every value must be present: defaults live in the bundled {@code application.yaml}, which is always
 * loaded first, so there is exactly one place that states them.
 */
final class ConfigReader {

  private final JsonObject json;
  private final String prefix;
  private final Set<String> read = new HashSet<>();

  ConfigReader(JsonObject json, String prefix) {
    this.json = json;
    this.prefix = prefix;
  }

  static ConfigReader root(JsonObject json) {
    return new ConfigReader(json, "");
  }

  /** The dotted key of this section itself. */
  String path() {
    return prefix;
  }

  String key(String name) {
    return prefix.isEmpty() ? name : prefix + "." + name;
  }

  private Object require(String name) {
    read.add(name);
    if (!json.containsKey(name) || json.getValue(name) == null) {
      throw new ConfigException(key(name), "missing");
    }
    return json.getValue(name);
  }

  ConfigReader section(String name) {
    Object value = require(name);
    if (!(value instanceof JsonObject section)) {
      throw new ConfigException(key(name), "must be a mapping, got " + describe(value));
    }
    return new ConfigReader(section, key(name));
  }

  String string(String name) {
    Object value = require(name);
    if (!(value instanceof String s)) {
      throw new ConfigException(key(name), "must be a string, got " + describe(value));
    }
    return s;
  }

  boolean bool(String name) {
    Object value = require(name);
    if (!(value instanceof Boolean b)) {
      throw new ConfigException(key(name), "must be true or false, got " + describe(value));
    }
    return b;
  }

  long longIn(String name, long min, long max) {
    Object value = require(name);
    if (!(value instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
      throw new ConfigException(key(name), "must be a whole number, got " + describe(value));
    }
    long v = n.longValue();
    if (v < min || v > max) {
      throw new ConfigException(key(name), "must be between " + min + " and " + max + ", got " + v);
    }
    return v;
  }

  int intIn(String name, int min, int max) {
    return (int) longIn(name, min, max);
  }

  int port(String name, boolean zeroAllowed) {
    return intIn(name, zeroAllowed ? 0 : 1, 65535);
  }

  List<String> strings(String name) {
    Object value = require(name);
    if (!(value instanceof JsonArray array)) {
      throw new ConfigException(key(name), "must be a list, got " + describe(value));
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      if (!(array.getValue(i) instanceof String s)) {
        throw new ConfigException(key(name) + "[" + i + "]", "must be a string, got " + describe(array.getValue(i)));
      }
      out.add(s);
    }
    return out;
  }

  /** A list of mappings, each read by its own reader keyed {@code name[i]}. */
  List<ConfigReader> sections(String name) {
    Object value = require(name);
    if (!(value instanceof JsonArray array)) {
      throw new ConfigException(key(name), "must be a list, got " + describe(value));
    }
    List<ConfigReader> out = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      if (!(array.getValue(i) instanceof JsonObject item)) {
        throw new ConfigException(key(name) + "[" + i + "]", "must be a mapping, got " + describe(array.getValue(i)));
      }
      out.add(new ConfigReader(item, key(name) + "[" + i + "]"));
    }
    return out;
  }

  /** A mapping of names to strings, in file order. */
  java.util.Map<String, String> stringMap(String name) {
    ConfigReader section = section(name);
    java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
    for (String field : section.json.fieldNames()) {
      out.put(field, section.string(field));
    }
    return out;
  }

  boolean has(String name) {
    return json.containsKey(name) && json.getValue(name) != null;
  }

  /** A mapping whose keys are names chosen by the user (e.g. dataset names), in file order. */
  List<String> names() {
    return List.copyOf(json.fieldNames());
  }

  double doubleIn(String name, double min, double max) {
    Object value = require(name);
    if (!(value instanceof Number n) || !Double.isFinite(n.doubleValue())) {
      throw new ConfigException(key(name), "must be a number, got " + describe(value));
    }
    double v = n.doubleValue();
    if (v < min || v > max) {
      throw new ConfigException(key(name), "must be between " + min + " and " + max + ", got " + v);
    }
    return v;
  }

  /** Fails on any key of this section that no accessor read: a typo must not be silently ignored. */
  void rejectUnknown() {
    for (String name : json.fieldNames()) {
      if (!read.contains(name)) {
        throw new ConfigException(key(name), "unknown key");
      }
    }
  }

  static String describe(Object value) {
    if (value instanceof String s) {
      return "\"" + s + "\"";
    }
    if (value instanceof JsonObject) {
      return "a mapping";
    }
    if (value instanceof JsonArray) {
      return "a list";
    }
    return String.valueOf(value);
  }
}
