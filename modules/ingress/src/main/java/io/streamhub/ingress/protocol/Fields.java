package io.streamhub.ingress.protocol;

import io.vertx.core.json.JsonObject;

/** Typed reads of an event's {@code data} that fail with {@link ErrorCode#INVALID_FIELD} naming the field. */
public final class Fields {

  private Fields() {
  }

  public static String requiredString(JsonObject data, String field) {
    Object value = data.getValue(field);
    if (value == null) {
      throw ProtocolException.invalidField(field, "is required");
    }
    if (!(value instanceof String s)) {
      throw ProtocolException.invalidField(field, "must be a string");
    }
    return s;
  }

  public static JsonObject requiredObject(JsonObject data, String field) {
    Object value = data.getValue(field);
    if (value == null) {
      throw ProtocolException.invalidField(field, "is required");
    }
    if (!(value instanceof JsonObject o)) {
      throw ProtocolException.invalidField(field, "must be a JSON object");
    }
    return o;
  }

  /** A room name field, validated with the cluster-wide room name rule. */
  public static String room(JsonObject data, String field) {
    String room = requiredString(data, field);
    try {
      return io.streamhub.contracts.rooms.RoomName.require(room);
    } catch (IllegalArgumentException e) {
      throw ProtocolException.invalidField(field, e.getMessage().replaceFirst("^room ", ""));
    }
  }

  /** A visitor id field: 1–64 chars of {@code [A-Za-z0-9_-]}. */
  public static String visitorId(JsonObject data, String field) {
    String id = requiredString(data, field);
    try {
      return io.streamhub.contracts.replay.VisitorId.require(id);
    } catch (IllegalArgumentException e) {
      throw ProtocolException.invalidField(field, e.getMessage().replaceFirst("^visitor_id ", ""));
    }
  }

  /** A string field that may be absent (or null). */
  public static String optionalString(JsonObject data, String field) {
    Object value = data.getValue(field);
    if (value != null && !(value instanceof String)) {
      throw ProtocolException.invalidField(field, "must be a string");
    }
    return (String) value;
  }

  /** An object field that may be absent (or null). */
  public static JsonObject optionalObject(JsonObject data, String field) {
    Object value = data.getValue(field);
    if (value != null && !(value instanceof JsonObject)) {
      throw ProtocolException.invalidField(field, "must be a JSON object");
    }
    return (JsonObject) value;
  }

  /** A finite number field that may be absent; {@code null} when absent. */
  public static Double optionalNumber(JsonObject data, String field) {
    Object value = data.getValue(field);
    if (value == null) {
      return null;
    }
    if (!(value instanceof Number n) || !Double.isFinite(n.doubleValue())) {
      throw ProtocolException.invalidField(field, "must be a number");
    }
    return n.doubleValue();
  }

  /** A whole number field, at least {@code min}. */
  public static long requiredLong(JsonObject data, String field, long min) {
    Object value = data.getValue(field);
    if (value == null) {
      throw ProtocolException.invalidField(field, "is required");
    }
    if (!(value instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
      throw ProtocolException.invalidField(field, "must be a whole number");
    }
    if (n.longValue() < min) {
      throw ProtocolException.invalidField(field, "must be at least " + min);
    }
    return n.longValue();
  }
}
