package io.streamhub.ingress.protocol;

import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;

/**
 * An event about to be pushed to one or many connections. The wire encoding is computed once and shared, so a
 * room message fanned out to a thousand JSON WebSocket clients is serialised once; a replay row arrives already
 * encoded and is spliced into the frame without being parsed.
 */
public final class OutboundEvent {

  private final String event;
  private JsonObject data;
  private String encodedData;
  private String jsonFrame;
  private String socketIoArgs;

  public OutboundEvent(String event, JsonObject data) {
    this.event = event;
    this.data = data;
  }

  private OutboundEvent(String event, String encodedData) {
    this.event = event;
    this.encodedData = encodedData;
  }

  /** An event whose payload is a JSON object already encoded; it is parsed only if {@link #data()} is asked for. */
  public static OutboundEvent encoded(String event, String encodedData) {
    return new OutboundEvent(event, encodedData);
  }

  public String event() {
    return event;
  }

  /** The payload; decoded on first use for an event made with {@link #encoded}. Event-loop confined. */
  public JsonObject data() {
    if (data == null) {
      data = new JsonObject(encodedData);
    }
    return data;
  }

  /** {@code {"event":..., "data":...}}, encoded on first use. Event-loop confined like the connections using it. */
  public String jsonFrame() {
    if (jsonFrame == null) {
      jsonFrame = encodedData == null ? Frame.encode(event, data)
          : "{\"event\":" + Json.encode(event) + ",\"data\":" + encodedData + "}";
    }
    return jsonFrame;
  }

  /**
   * The arguments of the Socket.IO EVENT packet, {@code ["event", data]}, encoded on first use and shared by every
   * Socket.IO connection it goes to. Event-loop confined.
   */
  public String socketIoArgs() {
    if (socketIoArgs == null) {
      socketIoArgs = "[" + Json.encode(event) + "," + (encodedData != null ? encodedData : data.encode()) + "]";
    }
    return socketIoArgs;
  }
}
