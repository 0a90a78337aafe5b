package io.streamhub.ingress.socketio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class EngineIoPayloadTest {

  @Test
  @DisplayName("Packets join with the record separator: 4hello, 2 and 4world make the spec's example")
  void encodesSpecExample() {
    String payload = EngineIoPayload.encode(List.of(EngineIoPacket.message("hello"),
        EngineIoPacket.of(EngineIoPacketType.PING), EngineIoPacket.message("world")));
    assertThat(payload).isEqualTo("4hello\u001e2\u001e4world");
  }

  @Test
  @DisplayName("A binary packet in a payload is b plus base64: 4hello then bAQIDBA==")
  void encodesBinaryAsBase64() {
    String payload = EngineIoPayload.encode(List.of(EngineIoPacket.message("hello"),
        EngineIoPacket.binaryMessage(new byte[] {1, 2, 3, 4})));
    assertThat(payload).isEqualTo("4hello\u001ebAQIDBA==");
  }

  @Test
  @DisplayName("The payload 4hello\\x1e4€ decodes to two text messages")
  void decodesMultiByteText() {
    assertThat(EngineIoPayload.decode("4hello\u001e4€", 100))
        .containsExactly(EngineIoPacket.message("hello"), EngineIoPacket.message("€"));
  }

  @Test
  @DisplayName("A payload with a base64 packet decodes to a binary message")
  void decodesBinary() {
    List<EngineIoPacket> packets = EngineIoPayload.decode("4hello\u001ebAQIDBA==", 100);
    assertThat(packets.get(1)).isEqualTo(EngineIoPacket.binaryMessage(new byte[] {1, 2, 3, 4}));
  }

  @Test
  @DisplayName("A payload of exactly maxBytes UTF-8 bytes is accepted, one byte more is rejected naming both sizes")
  void enforcesMaxBytes() {
    assertThat(EngineIoPayload.decode("4€", 4)).hasSize(1);
    assertThatThrownBy(() -> EngineIoPayload.decode("4€", 3))
        .isInstanceOf(SocketIoProtocolException.class)
        .hasMessageContaining("4 bytes").hasMessageContaining("limit of 3 bytes");
  }

  @Test
  @DisplayName("An empty payload and an empty packet between separators are rejected, naming the packet index")
  void rejectsEmptyParts() {
    assertThatThrownBy(() -> EngineIoPayload.decode("", 10)).hasMessageContaining("empty Engine.IO payload");
    assertThatThrownBy(() -> EngineIoPayload.decode("4a\u001e\u001e4b", 10))
        .isInstanceOf(SocketIoProtocolException.class).hasMessageContaining("payload packet 1: empty");
    assertThatThrownBy(() -> EngineIoPayload.decode("4a\u001e", 10)).hasMessageContaining("payload packet 1");
  }

  @Test
  @DisplayName("A bad type or bad base64 inside a payload is rejected, naming the packet index")
  void rejectsBadPacket() {
    assertThatThrownBy(() -> EngineIoPayload.decode("4a\u001e9", 10)).hasMessageContaining("payload packet 1: unknown");
    assertThatThrownBy(() -> EngineIoPayload.decode("b!!", 10)).hasMessageContaining("payload packet 0: binary");
  }

  @Test
  @DisplayName("countFitting takes packets while they and their separators fit, and always at least one")
  void countFitting() {
    List<EngineIoPacket> packets = List.of(EngineIoPacket.message("aa"), EngineIoPacket.message("bb"),
        EngineIoPacket.message("cc"));
    assertThat(EngineIoPayload.countFitting(packets, 3)).isEqualTo(1);
    assertThat(EngineIoPayload.countFitting(packets, 6)).isEqualTo(1);
    assertThat(EngineIoPayload.countFitting(packets, 7)).isEqualTo(2);
    assertThat(EngineIoPayload.countFitting(packets, 11)).isEqualTo(3);
    assertThat(EngineIoPayload.countFitting(packets, 1)).isEqualTo(1);
    assertThat(EngineIoPayload.countFitting(List.of(), 1)).isZero();
  }

  @Test
  @DisplayName("An empty list is not a payload")
  void refusesEmptyEncode() {
    assertThatThrownBy(() -> EngineIoPayload.encode(List.of())).isInstanceOf(IllegalArgumentException.class);
  }
}
