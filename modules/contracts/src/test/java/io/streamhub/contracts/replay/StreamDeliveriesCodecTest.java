package io.streamhub.contracts.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The stream deliveries codec")
class StreamDeliveriesCodecTest {

  final StreamDeliveriesCodec codec = new StreamDeliveriesCodec();
  final StreamDeliveries batch = new StreamDeliveries(List.of(
      new StreamDelivery("v1", "s1", 7, true, "prediction", new JsonObject().put("seq", 7)
          .put("row", new JsonObject().put("TransactionID", 3663549).put("note", "a, \"b\"")).encode(), "tab-1"),
      new StreamDelivery("v1", "s1", 7, false, "stream_complete", "{}", null)));

  @Test
  @DisplayName("hands a batch within a node over as the same instance")
  void localIsByReference() {
    assertThat(codec.transform(batch)).isSameAs(batch);
  }

  @Test
  @DisplayName("carries every delivery, in order, between nodes, after whatever precedes it in the buffer")
  void wireRoundTrip() {
    Buffer buffer = Buffer.buffer().appendString("header");
    codec.encodeToWire(buffer, batch);
    assertThat(codec.decodeFromWire(6, buffer)).isEqualTo(batch);
  }
}
