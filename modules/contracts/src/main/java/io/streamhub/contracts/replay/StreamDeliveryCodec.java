package io.streamhub.contracts.replay;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.MessageCodec;
import io.vertx.core.json.JsonObject;

/**
 * Event-bus codec of {@link StreamDelivery}. Within a node the record is handed over as it is — it is immutable by
 * contract (its {@code data} is built per event and never changed after sending) — which spares a deep copy of every
 * row on the hottest path; between nodes it travels as its JSON mapping, length-prefixed.
 */
public final class StreamDeliveryCodec implements MessageCodec<StreamDelivery, StreamDelivery> {

  public static final String NAME = "streamhub.stream-delivery.v1";

  /** Registers the codec as the default for {@link StreamDelivery} once per event bus; later calls do nothing. */
  public static void register(EventBus bus) {
    synchronized (StreamDeliveryCodec.class) {
      try {
        bus.registerDefaultCodec(StreamDelivery.class, new StreamDeliveryCodec());
      } catch (IllegalStateException alreadyRegistered) {
        // Ingress and replay verticles of one node share the event bus; the first one registered it.
      }
    }
  }

  @Override
  public void encodeToWire(Buffer buffer, StreamDelivery delivery) {
    Buffer json = delivery.toJson().toBuffer();
    buffer.appendInt(json.length()).appendBuffer(json);
  }

  @Override
  public StreamDelivery decodeFromWire(int pos, Buffer buffer) {
    int length = buffer.getInt(pos);
    return StreamDelivery.fromJson(new JsonObject(buffer.getBuffer(pos + 4, pos + 4 + length)));
  }

  @Override
  public StreamDelivery transform(StreamDelivery delivery) {
    return delivery;
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
