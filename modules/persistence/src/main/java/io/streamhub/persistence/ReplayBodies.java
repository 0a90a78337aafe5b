package io.streamhub.persistence;

import io.streamhub.contracts.Addresses;
import io.streamhub.contracts.replay.EventsQuery;
import io.streamhub.contracts.replay.StreamEventRecord;
import io.streamhub.contracts.replay.StreamStatus;
import io.streamhub.contracts.replay.VisitorId;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Decodes the bodies of the {@code persistence.replay.*} requests. Every method throws
 * {@link IllegalArgumentException} with a text naming the offending field (e.g. {@code events[2].seq must be an
 * integer}) when the body is not a valid message: a field missing, of the wrong JSON type, or refused by the
 * contract record's own checks.
 */
final class ReplayBodies {

  private ReplayBodies() {
  }

  /** {@code {"events": [StreamEventRecord...]}}, at most {@link Addresses#MAX_EVENTS_PER_APPEND} of them. */
  static List<StreamEventRecord> events(Object body) {
    JsonObject json = object(body);
    require(json, "events", "");
    if (!(json.getValue("events") instanceof JsonArray events)) {
      throw new IllegalArgumentException("events must be an array");
    }
    if (events.size() > Addresses.MAX_EVENTS_PER_APPEND) {
      throw new IllegalArgumentException("events must hold at most " + Addresses.MAX_EVENTS_PER_APPEND
          + " events, got " + events.size());
    }
    List<StreamEventRecord> records = new ArrayList<>(events.size());
    for (int i = 0; i < events.size(); i++) {
      String where = "events[" + i + "]";
      if (!(events.getValue(i) instanceof JsonObject event)) {
        throw new IllegalArgumentException(where + " must be a JSON object");
      }
      records.add(event(event, where + "."));
    }
    return records;
  }

  private static StreamEventRecord event(JsonObject json, String where) {
    requireString(json, "visitor_id", where);
    requireString(json, "stream_id", where);
    requireLong(json, "seq", where);
    requireString(json, "event", where);
    require(json, "data", where);
    if (!(json.getValue("data") instanceof JsonObject)) {
      throw new IllegalArgumentException(where + "data must be a JSON object");
    }
    requireLong(json, "ts", where);
    return decode(() -> StreamEventRecord.fromJson(json), where);
  }

  /** {@link EventsQuery}: {@code visitor_id} and {@code limit} required, {@code offset} 0 when absent. */
  static EventsQuery eventsQuery(Object body) {
    JsonObject json = object(body);
    requireString(json, "visitor_id", "");
    require(json, "limit", "");
    integer(json, "limit", "");
    integer(json, "offset", "");
    return decode(() -> EventsQuery.fromJson(json), "");
  }

  /**
   * {@link StreamStatus}: {@code visitor_id} and {@code last_update} (which orders statuses) required; the other
   * fields take the record's defaults when absent but must have their JSON type when present.
   */
  static StreamStatus status(Object body) {
    JsonObject json = object(body);
    requireString(json, "visitor_id", "");
    requireLong(json, "last_update", "");
    for (String field : List.of("stream_id", "dataset", "state")) {
      if (json.getValue(field) != null && !(json.getValue(field) instanceof String)) {
        throw new IllegalArgumentException(field + " must be a string");
      }
    }
    for (String field : List.of("total", "streamed", "skipped_rows")) {
      longValue(json, field, "");
    }
    integer(json, "tabs", "");
    for (String field : List.of("is_active", "paused")) {
      if (json.getValue(field) != null && !(json.getValue(field) instanceof Boolean)) {
        throw new IllegalArgumentException(field + " must be a boolean");
      }
    }
    return decode(() -> StreamStatus.fromJson(json), "");
  }

  /** {@code {"visitor_id": ...}}: the visitor id, valid. */
  static String visitorId(Object body) {
    JsonObject json = object(body);
    requireString(json, "visitor_id", "");
    return VisitorId.require(json.getString("visitor_id"));
  }

  private static JsonObject object(Object body) {
    if (body == null) {
      return new JsonObject();
    }
    if (body instanceof JsonObject json) {
      return json;
    }
    throw new IllegalArgumentException("body must be a JSON object, got " + body.getClass().getSimpleName());
  }

  private static void require(JsonObject json, String field, String where) {
    if (json.getValue(field) == null) {
      throw new IllegalArgumentException(where + field + " is required");
    }
  }

  private static void requireString(JsonObject json, String field, String where) {
    require(json, field, where);
    if (!(json.getValue(field) instanceof String)) {
      throw new IllegalArgumentException(where + field + " must be a string");
    }
  }

  private static void requireLong(JsonObject json, String field, String where) {
    require(json, field, where);
    longValue(json, field, where);
  }

  /** Checks that a field, when present, is an integer that fits a {@code long}. */
  private static void longValue(JsonObject json, String field, String where) {
    Object value = json.getValue(field);
    if (value != null && !isWhole(value, Long.MIN_VALUE, Long.MAX_VALUE)) {
      throw new IllegalArgumentException(where + field + " must be an integer");
    }
  }

  /** Checks that a field, when present, is an integer that fits an {@code int}. */
  private static void integer(JsonObject json, String field, String where) {
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
  private static <T> T decode(Supplier<T> factory, String where) {
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
