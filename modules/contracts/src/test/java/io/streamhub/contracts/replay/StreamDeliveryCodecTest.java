package io.streamhub.contracts.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The stream delivery codec")
class StreamDeliveryCodecTest {

  final StreamDeliveryCodec codec = new StreamDeliveryCodec();
  final StreamDelivery delivery = new StreamDelivery("v1", "s1", 7, true, "prediction",
      new JsonObject().put("seq", 7).put("row", new JsonObject().put("TransactionID", 3663549).put("note", "a, \"b\"")),
      "tab-1");

  @Test
  @DisplayName("hands a delivery within a node over as the same instance")
  void localIsByReference() {
    assertThat(codec.transform(delivery)).isSameAs(delivery);
  }

  @Test
  @DisplayName("carries every field between nodes, after whatever precedes it in the buffer")
  void wireRoundTrip() {
    Buffer buffer = Buffer.buffer().appendString("header");
    codec.encodeToWire(buffer, delivery);
    assertThat(codec.decodeFromWire(6, buffer)).isEqualTo(delivery);
    StreamDelivery toAll = new StreamDelivery("v1", "s1", 3, false, "stream_complete", new JsonObject(), null);
    Buffer second = Buffer.buffer();
    codec.encodeToWire(second, toAll);
    assertThat(codec.decodeFromWire(0, second)).isEqualTo(toAll);
  }
}
