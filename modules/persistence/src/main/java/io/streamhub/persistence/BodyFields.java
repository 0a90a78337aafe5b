package io.streamhub.persistence;

import io.vertx.core.json.JsonObject;
import java.math.BigInteger;
import java.util.function.Supplier;

/**
 * The field checks shared by {@link ReplayBodies} and {@link PressureBodies}. Each throws
 * {@link IllegalArgumentException} with a text naming the field, prefixed by {@code where} (e.g. {@code events[2].}
 * for a field of the third event, empty for a top-level field).
 */
final class BodyFields {

  private BodyFields() {
  }

  /** The body as a JSON object; a missing body is an empty object, so that the first required field is named. */
  static JsonObject object(Object body) {
    if (body == null) {
      return new JsonObject();
    }
    if (body instanceof JsonObject json) {
      return json;
    }
    throw new IllegalArgumentException("body must be a JSON object, got " + body.getClass().getSimpleName());
  }

  static void require(JsonObject json, String field, String where) {
    if (json.getValue(field) == null) {
      throw new IllegalArgumentException(where + field + " is required");
    }
  }

  static void requireString(JsonObject json, String field, String where) {
    require(json, field, where);
    if (!(json.getValue(field) instanceof String)) {
      throw new IllegalArgumentException(where + field + " must be a string");
    }
  }

  static void requireLong(JsonObject json, String field, String where) {
    require(json, field, where);
    longValue(json, field, where);
  }

  /** Checks that a field, when present, is an integer that fits a {@code long}. */
  static void longValue(JsonObject json, String field, String where) {
    Object value = json.getValue(field);
    if (value != null && !isWhole(value, Long.MIN_VALUE, Long.MAX_VALUE)) {
      throw new IllegalArgumentException(where + field + " must be an integer");
    }
  }

  /** Checks that a field, when present, is an integer that fits an {@code int}. */
  static void integer(JsonObject json, String field, String where) {
    Object value = json.getValue(field);
    if (value != null && !isWhole(value, Integer.MIN_VALUE, Integer.MAX_VALUE)) {
      throw new IllegalArgumentException(where + field + " must be an integer (32-bit)");
    }
  }

  private static boolean isWhole(Object value, long min, long max) {
    if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
      long n = ((Number) value).longValue();
      return n >= min && n <= max;
    }
    if (value instanceof BigInteger big) {
      return big.bitLength() < 64 && big.longValue() >= min && big.longValue() <= max;
    }
    return false;
  }

  /**
   * Runs a record factory, turning what it throws into a text that names the field. The type checks above keep
   * {@link ClassCastException} and {@link NullPointerException} from happening; they are still caught so that no
   * body can escape as anything but a bad request.
   */
  static <T> T decode(Supplier<T> factory, String where) {
    try {
      return factory.get();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(where + e.getMessage(), e);
    } catch (ClassCastException | NullPointerException e) {
      String context = where.isEmpty() ? "body" : where.substring(0, where.length() - 1);
      throw new IllegalArgumentException(context + " is malformed: " + e.getMessage(), e);
    }
  }
}
