package io.streamhub.ingress.socketio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class EngineIoPacketTest {

  @Test
  @DisplayName("A text message frame 4hello decodes to a message with text hello and encodes back the same")
  void textMessageRoundTrip() {
    EngineIoPacket packet = EngineIoPacket.decodeText("4hello");
    assertThat(packet).isEqualTo(EngineIoPacket.message("hello"));
    assertThat(packet.isBinary()).isFalse();
    assertThat(packet.encodeText()).isEqualTo("4hello");
  }

  @Test
  @DisplayName("Every type digit 0-6 decodes to its type, with the rest of the frame as data")
  void everyTypeDigit() {
    assertThat(EngineIoPacket.decodeText("0{}").type()).isEqualTo(EngineIoPacketType.OPEN);
    assertThat(EngineIoPacket.decodeText("1").type()).isEqualTo(EngineIoPacketType.CLOSE);
    assertThat(EngineIoPacket.decodeText("2probe")).isEqualTo(EngineIoPacket.of(EngineIoPacketType.PING, "probe"));
    assertThat(EngineIoPacket.decodeText("3")).isEqualTo(EngineIoPacket.of(EngineIoPacketType.PONG));
    assertThat(EngineIoPacket.decodeText("5").type()).isEqualTo(EngineIoPacketType.UPGRADE);
    assertThat(EngineIoPacket.decodeText("6").type()).isEqualTo(EngineIoPacketType.NOOP);
  }

  @Test
  @DisplayName("Packets without data encode as their bare type digit")
  void bareTypes() {
    assertThat(EngineIoPacket.of(EngineIoPacketType.PING).encodeText()).isEqualTo("2");
    assertThat(EngineIoPacket.of(EngineIoPacketType.PONG, "probe").encodeText()).isEqualTo("3probe");
    assertThat(EngineIoPacket.of(EngineIoPacketType.NOOP).encodeText()).isEqualTo("6");
  }

  @Test
  @DisplayName("A binary WebSocket frame is a binary message with the frame bytes unchanged")
  void binaryFrame() {
    EngineIoPacket packet = EngineIoPacket.decodeBinaryFrame(new byte[] {1, 2, 3, 4});
    assertThat(packet.type()).isEqualTo(EngineIoPacketType.MESSAGE);
    assertThat(packet.binary()).containsExactly(1, 2, 3, 4);
    assertThat(packet.text()).isNull();
  }

  @Test
  @DisplayName("A binary message in text form is b followed by base64, as in the spec's bAQIDBA==")
  void binaryAsBase64() {
    assertThat(EngineIoPacket.binaryMessage(new byte[] {1, 2, 3, 4}).encodeText()).isEqualTo("bAQIDBA==");
    assertThat(EngineIoPacket.decodeText("bAQIDBA==").binary()).containsExactly(1, 2, 3, 4);
    assertThat(EngineIoPacket.decodeText("bAQID").binary()).containsExactly(1, 2, 3);
  }

  @Test
  @DisplayName("The payload size of a packet counts UTF-8 bytes of its text form")
  void payloadBytes() {
    assertThat(EngineIoPacket.message("€").payloadBytes()).isEqualTo(4);
    assertThat(EngineIoPacket.message("hello").payloadBytes()).isEqualTo(6);
    assertThat(EngineIoPacket.binaryMessage(new byte[] {1, 2, 3, 4}).payloadBytes()).isEqualTo(9);
    assertThat(EngineIoPacket.message("\uD83D\uDE00").payloadBytes()).isEqualTo(5);
  }

  @Test
  @DisplayName("Binary packets compare by content")
  void binaryEquality() {
    assertThat(EngineIoPacket.binaryMessage(new byte[] {7})).isEqualTo(EngineIoPacket.binaryMessage(new byte[] {7}))
        .hasSameHashCodeAs(EngineIoPacket.binaryMessage(new byte[] {7}))
        .isNotEqualTo(EngineIoPacket.binaryMessage(new byte[] {8}));
  }

  @Test
  @DisplayName("An empty frame is rejected as an empty packet")
  void rejectsEmpty() {
    assertThatThrownBy(() -> EngineIoPacket.decodeText(""))
        .isInstanceOf(SocketIoProtocolException.class).hasMessageContaining("empty");
  }

  @Test
  @DisplayName("A frame that starts with anything but a digit 0-6 or b is rejected as an unknown type")
  void rejectsUnknownType() {
    assertThatThrownBy(() -> EngineIoPacket.decodeText("7x"))
        .isInstanceOf(SocketIoProtocolException.class).hasMessageContaining("unknown Engine.IO packet type '7'");
    assertThatThrownBy(() -> EngineIoPacket.decodeText("hello")).hasMessageContaining("'h'");
  }

  @Test
  @DisplayName("A b packet whose data is not base64 is rejected")
  void rejectsBadBase64() {
    assertThatThrownBy(() -> EngineIoPacket.decodeText("b@@@"))
        .isInstanceOf(SocketIoProtocolException.class).hasMessageContaining("base64");
  }

  @Test
  @DisplayName("A packet holds text or binary data, and only a message can be binary")
  void invariants() {
    assertThatThrownBy(() -> new EngineIoPacket(EngineIoPacketType.MESSAGE, "a", new byte[0]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new EngineIoPacket(EngineIoPacketType.PING, null, new byte[0]))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
