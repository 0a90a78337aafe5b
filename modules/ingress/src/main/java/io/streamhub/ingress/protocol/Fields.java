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
}
