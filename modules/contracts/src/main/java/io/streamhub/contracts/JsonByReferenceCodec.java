package io.streamhub.contracts;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.MessageCodec;
import io.vertx.core.json.JsonObject;

/**
 * Event-bus codec for large JSON bodies on hot paths (a pressure frame with its matrix, a batch of frames to store):
 * within a node the {@link JsonObject} is handed over as it is instead of deep-copied, as Vert.x's default JSON codec
 * does; between nodes it travels as JSON text, exactly like the default. Opt in per message
 * (see {@link #options()}). The sender must not change a body after sending it, and a receiver must not change a
 * body it received; every use in Streamhub builds the body for the one message and never touches it again.
 */
public final class JsonByReferenceCodec implements MessageCodec<JsonObject, JsonObject> {

  public static final String NAME = "streamhub.json-by-reference.v1";

  private JsonByReferenceCodec() {
  }

  /** Registers the codec once per event bus (every role that sends or receives such bodies); later calls do nothing. */
  public static void register(EventBus bus) {
    synchronized (JsonByReferenceCodec.class) {
      try {
        bus.registerCodec(new JsonByReferenceCodec());
      } catch (IllegalStateException alreadyRegistered) {
        // The roles of one node share the event bus; the first one registered it.
      }
    }
  }

  /** Delivery options that select this codec. */
  public static DeliveryOptions options() {
    return new DeliveryOptions().setCodecName(NAME);
  }

  /** Appends {@code json} as a length-prefixed JSON text (the wire form of Streamhub's codecs). */
  public static void writeJson(Buffer buffer, JsonObject json) {
    Buffer encoded = json.toBuffer();
    buffer.appendInt(encoded.length()).appendBuffer(encoded);
  }

  /** Reads what {@link #writeJson} appended at {@code pos}. */
  public static JsonObject readJson(int pos, Buffer buffer) {
    int length = buffer.getInt(pos);
    return new JsonObject(buffer.getBuffer(pos + 4, pos + 4 + length));
  }

  @Override
  public void encodeToWire(Buffer buffer, JsonObject json) {
    writeJson(buffer, json);
  }

  @Override
  public JsonObject decodeFromWire(int pos, Buffer buffer) {
    return readJson(pos, buffer);
  }

  @Override
  public JsonObject transform(JsonObject json) {
    return json;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public byte systemCodecID() {
    return -1;
  }
}
