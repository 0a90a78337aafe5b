package io.streamhub.stats.frame;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** Short descriptions of offending JSON values for validation messages. */
final class JsonValues {

  private static final int MAX_SHOWN_CHARS = 40;

  private JsonValues() {
  }

  static String describe(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof String s) {
      return '"' + (s.length() > MAX_SHOWN_CHARS ? s.substring(0, MAX_SHOWN_CHARS) + "..." : s) + '"';
    }
    if (value instanceof JsonArray) {
      return "an array";
    }
    if (value instanceof JsonObject) {
      return "an object";
    }
    return String.valueOf(value);
  }
}
