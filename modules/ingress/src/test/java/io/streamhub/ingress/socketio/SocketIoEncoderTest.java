package io.streamhub.ingress.socketio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SocketIoEncoderTest {

  private static String text(SocketIoPacket packet) {
    SocketIoEncoder.Encoded encoded = SocketIoEncoder.encode(packet);
    assertThat(encoded.attachments()).isEmpty();
    return encoded.text();
  }

  @Test
  @DisplayName("CONNECT encodes as 0 on the main namespace and as 0/admin,{...} with data elsewhere")
  void connect() {
    assertThat(text(SocketIoPacket.connect("/", null))).isEqualTo("0");
    assertThat(text(SocketIoPacket.connect("/admin", new JsonObject().put("sid", "oSO0OpakMV_3jnilAAAA"))))
        .isEqualTo("0/admin,{\"sid\":\"oSO0OpakMV_3jnilAAAA\"}");
  }

  @Test
  @DisplayName("CONNECT_ERROR encodes as 4{\"message\":\"Not authorized\"}, with details under data when given")
  void connectError() {
    assertThat(text(SocketIoPacket.connectError("/", "Not authorized", null))).isEqualTo("4{\"message\":\"Not authorized\"}");
    assertThat(text(SocketIoPacket.connectError("/", "No", new JsonObject().put("code", 7))))
        .isEqualTo("4{\"message\":\"No\",\"data\":{\"code\":7}}");
  }

  @Test
  @DisplayName("EVENT encodes as 2[\"foo\"], 2/admin,[\"bar\"] and with ack id 212[\"foo\"]")
  void event() {
    assertThat(text(SocketIoPacket.event("/", null, "foo"))).isEqualTo("2[\"foo\"]");
    assertThat(text(SocketIoPacket.event("/admin", null, "bar"))).isEqualTo("2/admin,[\"bar\"]");
    assertThat(text(SocketIoPacket.event("/", 12L, "foo"))).isEqualTo("212[\"foo\"]");
    assertThat(text(SocketIoPacket.event("/", null, "hey", "Jude"))).isEqualTo("2[\"hey\",\"Jude\"]");
  }

  @Test
  @DisplayName("ACK encodes as 3/admin,13[\"bar\"] and an empty answer as 31[]")
  void ack() {
    assertThat(text(SocketIoPacket.ack("/admin", 13, new JsonArray().add("bar")))).isEqualTo("3/admin,13[\"bar\"]");
    assertThat(text(SocketIoPacket.ack("/", 1, new JsonArray()))).isEqualTo("31[]");
  }

  @Test
  @DisplayName("DISCONNECT encodes as 1, and as 1/admin, on a custom namespace")
  void disconnect() {
    assertThat(text(SocketIoPacket.disconnect("/"))).isEqualTo("1");
    assertThat(text(SocketIoPacket.disconnect("/admin"))).isEqualTo("1/admin,");
  }

  @Test
  @DisplayName("An EVENT with a byte[] becomes BINARY_EVENT 51-[\"baz\",{placeholder 0}] plus the attachment")
  void binaryEvent() {
    SocketIoEncoder.Encoded encoded = SocketIoEncoder.encode(SocketIoPacket.event("/", null, "baz", new byte[] {1, 2, 3, 4}));
    assertThat(encoded.text()).isEqualTo("51-[\"baz\",{\"_placeholder\":true,\"num\":0}]");
    assertThat(encoded.attachments()).hasSize(1);
    assertThat(encoded.attachments().get(0)).containsExactly(1, 2, 3, 4);
  }

  @Test
  @DisplayName("Two binaries on /admin become 52-/admin,[...] with placeholders 0 and 1 in order")
  void twoAttachments() {
    SocketIoEncoder.Encoded encoded = SocketIoEncoder.encode(
        SocketIoPacket.event("/admin", null, "baz", new byte[] {1, 2}, Buffer.buffer(new byte[] {3, 4})));
    assertThat(encoded.text()).isEqualTo(
        "52-/admin,[\"baz\",{\"_placeholder\":true,\"num\":0},{\"_placeholder\":true,\"num\":1}]");
    assertThat(encoded.attachments().get(0)).containsExactly(1, 2);
    assertThat(encoded.attachments().get(1)).containsExactly(3, 4);
  }

  @Test
  @DisplayName("An ACK with binary becomes BINARY_ACK 61-15[\"bar\",{placeholder 0}]")
  void binaryAck() {
    JsonArray args = new JsonArray().add("bar").add(new byte[] {1, 2, 3, 4});
    SocketIoEncoder.Encoded encoded = SocketIoEncoder.encode(SocketIoPacket.ack("/", 15, args));
    assertThat(encoded.text()).isEqualTo("61-15[\"bar\",{\"_placeholder\":true,\"num\":0}]");
  }

  @Test
  @DisplayName("Binaries nested in objects and arrays are found depth-first and the input is left unchanged")
  void nestedBinary() {
    JsonObject nested = new JsonObject().put("a", new JsonArray().add(new byte[] {9}).add(1)).put("b", new byte[] {8});
    SocketIoPacket packet = SocketIoPacket.event("/", 3L, "up", nested);
    SocketIoEncoder.Encoded encoded = SocketIoEncoder.encode(packet);
    assertThat(encoded.text()).isEqualTo("52-3[\"up\",{\"a\":[{\"_placeholder\":true,\"num\":0},1],"
        + "\"b\":{\"_placeholder\":true,\"num\":1}}]");
    assertThat(encoded.attachments()).extracting(bytes -> bytes[0]).containsExactly((byte) 9, (byte) 8);
    assertThat(nested.getMap().get("b")).isInstanceOf(byte[].class);
  }

  @Test
  @DisplayName("The Engine.IO messages of a binary packet are the 4-prefixed text then one binary message each")
  void engineIoPackets() {
    List<EngineIoPacket> packets =
        SocketIoEncoder.encode(SocketIoPacket.event("/", null, "baz", new byte[] {1})).engineIoPackets();
    assertThat(packets).hasSize(2);
    assertThat(packets.get(0).encodeText()).isEqualTo("451-[\"baz\",{\"_placeholder\":true,\"num\":0}]");
    assertThat(packets.get(1).binary()).containsExactly(1);
  }

  @Test
  @DisplayName("A packet typed BINARY_EVENT without binaries is sent as a plain EVENT")
  void binaryTypeWithoutBinary() {
    SocketIoPacket packet = new SocketIoPacket(SocketIoPacketType.BINARY_EVENT, "/", null, new JsonArray().add("x"));
    assertThat(text(packet)).isEqualTo("2[\"x\"]");
  }

  @Test
  @DisplayName("Encoding refuses an EVENT without a string name, a reserved name and an ACK without id")
  void encodingValidates() {
    assertThatThrownBy(() -> SocketIoEncoder.encode(new SocketIoPacket(SocketIoPacketType.EVENT, "/", null, new JsonArray())))
        .isInstanceOf(SocketIoProtocolException.class).hasMessageContaining("non-empty");
    assertThatThrownBy(() -> SocketIoEncoder.encode(SocketIoPacket.event("/", null, "disconnect")))
        .hasMessageContaining("reserved");
    assertThatThrownBy(() -> SocketIoEncoder.encode(new SocketIoPacket(SocketIoPacketType.ACK, "/", null, new JsonArray())))
        .hasMessageContaining("ack id");
  }

  @Test
  @DisplayName("A namespace must start with / and hold no comma")
  void namespaceRules() {
    assertThatThrownBy(() -> SocketIoPacket.disconnect("admin")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SocketIoPacket.disconnect("/a,b")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName("eventName and args split an EVENT's data")
  void eventAccessors() {
    SocketIoPacket packet = SocketIoPacket.event("/", null, "hey", "Jude", 2);
    assertThat(packet.eventName()).isEqualTo("hey");
    assertThat(packet.args()).isEqualTo(new JsonArray().add("Jude").add(2));
    assertThat(SocketIoPacket.ack("/", 1, new JsonArray().add(5)).args()).isEqualTo(new JsonArray().add(5));
  }
}
