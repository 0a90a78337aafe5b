package io.streamhub.contracts.replay;

import io.streamhub.contracts.JsonByReferenceCodec;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.MessageCodec;

/**
 * Event-bus codec of {@link StreamDeliveries}. Within a node the record is handed over as it is — it is immutable
 * (its rows are encoded strings) — which spares a copy of every row on the hottest path; between nodes it travels as
 * its JSON mapping, length-prefixed.
 */
public final class StreamDeliveriesCodec implements MessageCodec<StreamDeliveries, StreamDeliveries> {

  public static final String NAME = "streamhub.stream-delivery.v1";

  /** Registers the codec as the default for {@link StreamDeliveries} once per event bus; later calls do nothing. */
  public static void register(EventBus bus) {
    synchronized (StreamDeliveriesCodec.class) {
      try {
        bus.registerDefaultCodec(StreamDeliveries.class, new StreamDeliveriesCodec());
      } catch (IllegalStateException alreadyRegistered) {
        // Ingress and replay verticles of one node share the event bus; the first one registered it.
      }
    }
  }

  @Override
  public void encodeToWire(Buffer buffer, StreamDeliveries delivery) {
    JsonByReferenceCodec.writeJson(buffer, delivery.toJson());
  }

  @Override
  public StreamDeliveries decodeFromWire(int pos, Buffer buffer) {
    return StreamDeliveries.fromJson(JsonByReferenceCodec.readJson(pos, buffer));
  }

  @Override
  public StreamDeliveries transform(StreamDeliveries delivery) {
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
