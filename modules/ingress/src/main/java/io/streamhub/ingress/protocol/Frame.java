package io.streamhub.ingress.protocol;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

/**
 * One protocol message: {@code {"event": NAME, "data": {...}, "ack": N}}. {@code data} defaults to an empty object;
 * {@code ack} is present when the client wants an answer.
 */
public record Frame(String event, JsonObject data, Long ack) {

  public static final int MAX_EVENT_NAME_LENGTH = 64;

  /** Parses a text message; throws {@link ProtocolException} saying what is wrong. */
  public static Frame parse(String text) {
    Object parsed;
    try {
      parsed = JsonText.parse(text);
    } catch (DecodeException e) {
      throw new ProtocolException(ErrorCode.BAD_JSON, "message is not valid JSON: " + firstLine(e.getMessage()));
    }
    if (!(parsed instanceof JsonObject json)) {
      throw new ProtocolException(ErrorCode.BAD_FRAME, "message must be a JSON object with an \"event\" field");
    }
    Long ack = null;
    Object ackValue = json.getValue("ack");
    if (ackValue != null) {
      if (!(ackValue instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue()) || n.longValue() < 0) {
        throw new ProtocolException(ErrorCode.BAD_FRAME, "\"ack\" must be a non-negative integer");
      }
      ack = n.longValue();
    }
    Object event = json.getValue("event");
    if (!(event instanceof String name) || name.isEmpty() || name.length() > MAX_EVENT_NAME_LENGTH) {
      throw new ProtocolException(ErrorCode.BAD_FRAME, ack, "\"event\" must be a string of 1-" + MAX_EVENT_NAME_LENGTH + " characters");
    }
    Object data = json.getValue("data");
    if (data != null && !(data instanceof JsonObject)) {
      throw new ProtocolException(ErrorCode.BAD_FRAME, ack, "\"data\" must be a JSON object");
    }
    for (String key : json.fieldNames()) {
      if (!key.equals("event") && !key.equals("data") && !key.equals("ack")) {
        throw new ProtocolException(ErrorCode.BAD_FRAME, ack, "unknown top-level field \"" + key + "\"; expected event, data, ack");
      }
    }
    return new Frame(name, data == null ? new JsonObject() : (JsonObject) data, ack);
  }

  public static String encode(String event, JsonObject data) {
    return new JsonObject().put("event", event).put("data", data).encode();
  }

  public static String encodeAck(long ack, JsonObject data) {
    return new JsonObject().put("event", "ack").put("ack", ack).put("data", data).encode();
  }

  public static String encodeError(Long ack, ErrorCode code, String message) {
    JsonObject json = new JsonObject().put("event", "error")
        .put("data", new JsonObject().put("code", code.wire()).put("message", message));
    if (ack != null) {
      json.put("ack", ack);
    }
    return json.encode();
  }

  private static String firstLine(String message) {
    return message == null ? "" : message.lines().findFirst().orElse("");
  }
}
