package io.streamhub.ingress.socketio;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The sample session of the Socket.IO v5 spec, played through the session, the decoder and the encoder together. */
class SocketIoSampleSessionTest {

  private final SessionFixture fixture = new SessionFixture(new EngineIoConfig(25_000, 5_000, 1_000_000, 100, 10_000));
  private final EngineIoSession session = fixture.session;
  private final SocketIoDecoder decoder = new SocketIoDecoder(SocketIoDecoder.DEFAULT_MAX_ATTACHMENTS);

  private List<SocketIoPacket> decodeMessages() {
    List<SocketIoPacket> packets = new ArrayList<>();
    for (EngineIoPacket message : fixture.messages) {
      (message.isBinary() ? decoder.addBinary(message.binary()) : decoder.addText(message.text()))
          .ifPresent(packets::add);
    }
    fixture.messages.clear();
    return packets;
  }

  private void send(SocketIoPacket packet) {
    session.sendAll(SocketIoEncoder.encode(packet).engineIoPackets());
  }

  @Test
  @DisplayName("Handshake, namespace connection, events both ways over polling, then upgrade and a binary ack")
  void sampleSession() {
    assertThat(fixture.openPolling().payload()).startsWith("0{\"sid\":\"sid1\",\"upgrades\":[\"websocket\"],"
        + "\"pingInterval\":25000,\"pingTimeout\":5000");

    assertThat(session.onPost("40")).isEqualTo(EngineIoPostResult.OK);
    assertThat(decodeMessages()).containsExactly(SocketIoPacket.connect("/", null));
    send(SocketIoPacket.connect("/", new JsonObject().put("sid", "wZX3oN0bSVIhsaknAAAI")));
    assertThat(fixture.poll().payload()).isEqualTo("40{\"sid\":\"wZX3oN0bSVIhsaknAAAI\"}");

    RecordingPoll held = fixture.poll();
    send(SocketIoPacket.event("/", null, "hey", "Jude"));
    assertThat(held.payload()).isEqualTo("42[\"hey\",\"Jude\"]");

    session.onPost("42[\"hello\"]\u001e42[\"world\"]");
    assertThat(decodeMessages()).extracting(SocketIoPacket::eventName).containsExactly("hello", "world");

    RecordingWs ws = new RecordingWs();
    session.onWebSocketUpgrade(ws);
    session.onWebSocketText(ws, "2probe");
    session.onWebSocketText(ws, "5");
    session.onWebSocketText(ws, "42/admin,1[\"tellme\"]");
    SocketIoPacket tellme = decodeMessages().get(0);
    assertThat(tellme.namespace()).isEqualTo("/admin");
    assertThat(tellme.ackId()).isEqualTo(1L);

    send(SocketIoPacket.ack("/admin", tellme.ackId(), new JsonArray().add(new byte[] {1, 2, 3})));
    assertThat(ws.frames).containsExactly("3probe", "461-/admin,1[{\"_placeholder\":true,\"num\":0}]", "bin:3");
  }

  @Test
  @DisplayName("A binary event split over a text and a binary WebSocket frame is put back together")
  void binaryEventOverWebSocket() {
    RecordingWs ws = fixture.openUpgraded();
    session.onWebSocketText(ws, "451-[\"baz\",{\"_placeholder\":true,\"num\":0}]");
    assertThat(decodeMessages()).isEmpty();
    session.onWebSocketBinary(ws, new byte[] {1, 2, 3, 4});
    SocketIoPacket packet = decodeMessages().get(0);
    assertThat(packet.eventName()).isEqualTo("baz");
    assertThat(packet.args().getBinary(0)).containsExactly(1, 2, 3, 4);
  }

  @Test
  @DisplayName("Over polling a binary event and its attachment reach a held GET in one response")
  void binaryEventOverPolling() {
    fixture.openPolling();
    RecordingPoll held = fixture.poll();
    send(SocketIoPacket.event("/", null, "baz", new byte[] {1, 2, 3}));
    assertThat(held.payload()).isEqualTo("451-[\"baz\",{\"_placeholder\":true,\"num\":0}]|bAQID");
  }

  @Test
  @DisplayName("Encoded JSON never holds a raw record separator, so a payload cannot be split inside a packet")
  void separatorEscaped() {
    String text = SocketIoEncoder.encode(SocketIoPacket.event("/", null, "x", "a\u001eb")).text();
    assertThat(text).doesNotContain("\u001e");
    assertThat(decoder.addText(text).orElseThrow().args().getString(0)).isEqualTo("a\u001eb");
  }
}
