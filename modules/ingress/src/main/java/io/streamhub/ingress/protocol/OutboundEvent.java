package io.streamhub.ingress.protocol;

import io.vertx.core.json.JsonObject;

/**
 * An event about to be pushed to one or many connections. The wire encoding is computed once and shared, so a
 * room message fanned out to a thousand JSON WebSocket clients is serialised once.
 */
public final class OutboundEvent {

  private final String event;
  private final JsonObject data;
  private String jsonFrame;

  public OutboundEvent(String event, JsonObject data) {
    this.event = event;
    this.data = data;
  }

  public String event() {
    return event;
  }

  public JsonObject data() {
    return data;
  }

  /** {@code {"event":..., "data":...}}, encoded on first use. Event-loop confined like the connections using it. */
  public String jsonFrame() {
    if (jsonFrame == null) {
      jsonFrame = Frame.encode(event, data);
    }
    return jsonFrame;
  }
}
