package io.streamhub.ingress.socketio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SocketIoDecoderTest {

  private final SocketIoDecoder decoder = new SocketIoDecoder(3);

  private SocketIoPacket decode(String text) {
    return decoder.addText(text).orElseThrow();
  }

  private void rejects(String text, String problem) {
    assertThatThrownBy(() -> new SocketIoDecoder(3).addText(text))
        .isInstanceOf(SocketIoProtocolException.class).hasMessageContaining(problem);
  }

  @Test
  @DisplayName("0 is a CONNECT to the main namespace without data")
  void connectMain() {
    assertThat(decode("0")).isEqualTo(SocketIoPacket.connect("/", null));
  }

  @Test
  @DisplayName("0/admin,{\"token\":\"123\"} is a CONNECT to /admin with auth data")
  void connectWithAuth() {
    assertThat(decode("0/admin,{\"token\":\"123\"}"))
        .isEqualTo(SocketIoPacket.connect("/admin", new JsonObject().put("token", "123")));
  }

  @Test
  @DisplayName("2[\"foo\"], 2/admin,[\"bar\"] and 212[\"foo\"] decode to EVENTs with namespace and ack id")
  void events() {
    assertThat(decode("2[\"foo\"]")).isEqualTo(SocketIoPacket.event("/", null, "foo"));
    assertThat(decode("2/admin,[\"bar\"]")).isEqualTo(SocketIoPacket.event("/admin", null, "bar"));
    SocketIoPacket withAck = decode("212[\"foo\"]");
    assertThat(withAck.ackId()).isEqualTo(12L);
    assertThat(withAck.eventName()).isEqualTo("foo");
    assertThat(decode("2/admin,1[\"tellme\"]").ackId()).isEqualTo(1L);
  }

  @Test
  @DisplayName("31[] is an ACK for id 1 with no arguments, and 3/admin,13[\"bar\"] one on /admin")
  void acks() {
    assertThat(decode("31[]")).isEqualTo(SocketIoPacket.ack("/", 1, new JsonArray()));
    assertThat(decode("3/admin,13[\"bar\"]")).isEqualTo(SocketIoPacket.ack("/admin", 13, new JsonArray().add("bar")));
  }

  @Test
  @DisplayName("1 and 1/admin, are DISCONNECTs; 4{\"message\":\"Not authorized\"} is a CONNECT_ERROR")
  void disconnectAndConnectError() {
    assertThat(decode("1")).isEqualTo(SocketIoPacket.disconnect("/"));
    assertThat(decode("1/admin,")).isEqualTo(SocketIoPacket.disconnect("/admin"));
    assertThat(decode("4{\"message\":\"Not authorized\"}")).isEqualTo(SocketIoPacket.connectError("/", "Not authorized", null));
  }

  @Test
  @DisplayName("51-[\"baz\",{placeholder 0}] waits for its attachment, then is an EVENT with the bytes in place")
  void binaryEvent() {
    assertThat(decoder.addText("51-[\"baz\",{\"_placeholder\":true,\"num\":0}]")).isEmpty();
    assertThat(decoder.isWaitingForAttachments()).isTrue();
    SocketIoPacket packet = decoder.addBinary(new byte[] {1, 2, 3, 4}).orElseThrow();
    assertThat(packet.type()).isEqualTo(SocketIoPacketType.EVENT);
    assertThat(packet.eventName()).isEqualTo("baz");
    assertThat(packet.args().getBinary(0)).containsExactly(1, 2, 3, 4);
    assertThat(decoder.isWaitingForAttachments()).isFalse();
  }

  @Test
  @DisplayName("A BINARY_ACK with two nested placeholders comes out as an ACK once both attachments arrive")
  void binaryAckTwoAttachments() {
    assertThat(decoder.addText("62-/admin,15[{\"a\":{\"_placeholder\":true,\"num\":1}},[{\"_placeholder\":true,\"num\":0}]]"))
        .isEmpty();
    assertThat(decoder.addBinary(new byte[] {7})).isEmpty();
    SocketIoPacket packet = decoder.addBinary(new byte[] {8}).orElseThrow();
    assertThat(packet.type()).isEqualTo(SocketIoPacketType.ACK);
    assertThat(packet.namespace()).isEqualTo("/admin");
    assertThat(packet.ackId()).isEqualTo(15L);
    List<Object> args = packet.args().getList();
    assertThat((byte[]) ((Map<?, ?>) ((JsonObject) args.get(0)).getMap()).get("a")).containsExactly(8);
    assertThat(((JsonArray) args.get(1)).getBinary(0)).containsExactly(7);
  }

  @Test
  @DisplayName("Encoding then decoding a binary event gives back the same bytes")
  void roundTrip() {
    SocketIoEncoder.Encoded encoded =
        SocketIoEncoder.encode(SocketIoPacket.event("/chat", 4L, "file", "name.bin", new byte[] {5, 6}));
    assertThat(decoder.addText(encoded.text())).isEmpty();
    SocketIoPacket packet = decoder.addBinary(encoded.attachments().get(0)).orElseThrow();
    assertThat(packet.args().getString(0)).isEqualTo("name.bin");
    assertThat(packet.args().getBinary(1)).containsExactly(5, 6);
  }

  @Test
  @DisplayName("A text packet while attachments are pending is an error, and the decoder starts over")
  void textWhilePending() {
    decoder.addText("52-[\"x\",{\"_placeholder\":true,\"num\":0},{\"_placeholder\":true,\"num\":1}]");
    decoder.addBinary(new byte[] {1});
    assertThatThrownBy(() -> decoder.addText("2[\"y\"]"))
        .isInstanceOf(SocketIoProtocolException.class).hasMessageContaining("1 binary attachment(s) are pending");
    assertThat(decoder.isWaitingForAttachments()).isFalse();
    assertThat(decode("2[\"y\"]").eventName()).isEqualTo("y");
  }

  @Test
  @DisplayName("Binary data with no binary packet pending is an error")
  void binaryWithoutHeader() {
    assertThatThrownBy(() -> decoder.addBinary(new byte[] {1})).hasMessageContaining("no binary packet is pending");
  }

  @Test
  @DisplayName("A placeholder num outside the attachments, or not an integer, is an error")
  void placeholderOutOfRange() {
    decoder.addText("51-[\"x\",{\"_placeholder\":true,\"num\":1}]");
    assertThatThrownBy(() -> decoder.addBinary(new byte[] {1})).hasMessageContaining("placeholder num 1");
    decoder.addText("51-[\"x\",{\"_placeholder\":true,\"num\":\"0\"}]");
    assertThatThrownBy(() -> decoder.addBinary(new byte[] {1})).hasMessageContaining("placeholder num 0");
    assertThat(decoder.isWaitingForAttachments()).isFalse();
  }

  @Test
  @DisplayName("Attachment counts that are missing, zero or over the caller's limit are errors")
  void attachmentCounts() {
    rejects("5[\"x\"]", "<attachment count>-");
    rejects("5-[\"x\"]", "<attachment count>-");
    rejects("5a-[\"x\"]", "<attachment count>-");
    rejects("50-[\"x\"]", "at least 1 attachment");
    rejects("54-[\"x\"]", "4 attachments is over the limit of 3");
  }

  @Test
  @DisplayName("Empty text, an unknown type and JSON that does not parse are errors")
  void malformed() {
    rejects("", "empty Socket.IO packet");
    rejects("7[\"x\"]", "unknown Socket.IO packet type '7'");
    rejects("2[\"x\"", "not valid JSON");
  }

  @Test
  @DisplayName("A namespace without a leading / and a non-digit ack id are errors")
  void namespaceAndAckId() {
    rejects("2admin,[\"x\"]", "namespace starting with '/'");
    rejects("2/admin,x1[\"a\"]", "found 'x'");
    rejects("21234567890123456789[\"a\"]", "over 18 digits");
  }

  @Test
  @DisplayName("Data must fit the type: CONNECT an object, EVENT a named array, ACK an array, CONNECT_ERROR a message")
  void dataRules() {
    rejects("0[1]", "CONNECT packet: data must be a JSON object");
    rejects("1{}", "DISCONNECT packet: must not carry data");
    rejects("2", "EVENT packet: data must be a non-empty JSON array");
    rejects("2[]", "non-empty");
    rejects("2{}", "non-empty JSON array");
    rejects("2[1]", "event name, a string");
    rejects("2[\"connect\"]", "reserved");
    rejects("31{}", "ACK packet: data must be a JSON array");
    rejects("3[]", "ACK packet: needs an ack id");
    rejects("4{\"data\":1}", "CONNECT_ERROR packet");
    rejects("012{}", "must not carry an ack id");
  }

  @Test
  @DisplayName("The attachment limit must be at least 1")
  void limitValidation() {
    assertThatThrownBy(() -> new SocketIoDecoder(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
