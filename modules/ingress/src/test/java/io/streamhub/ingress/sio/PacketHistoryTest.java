package io.streamhub.ingress.sio;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamhub.ingress.socketio.EngineIoPacket;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PacketHistoryTest {

  private static List<EngineIoPacket> event(String json) {
    return List.of(EngineIoPacket.message("2" + json));
  }

  private static List<String> texts(List<EngineIoPacket> packets) {
    return packets.stream().map(EngineIoPacket::text).toList();
  }

  @Test
  @DisplayName("Each event gets the next offset as its last argument; binary attachments are left as they are")
  void numbering() {
    PacketHistory history = new PacketHistory(10);
    assertThat(texts(history.record(event("[\"a\",{\"x\":1}]")))).containsExactly("2[\"a\",{\"x\":1},\"1\"]");
    List<EngineIoPacket> binary = List.of(EngineIoPacket.message("51-[\"b\",{\"_placeholder\":true,\"num\":0}]"),
        EngineIoPacket.binaryMessage(new byte[] {7}));
    List<EngineIoPacket> numbered = history.record(binary);
    assertThat(numbered.get(0).text()).isEqualTo("51-[\"b\",{\"_placeholder\":true,\"num\":0},\"2\"]");
    assertThat(numbered.get(1).binary()).containsExactly(7);
  }

  @Test
  @DisplayName("A client gets exactly the events after its offset, or all of them when it received none")
  void after() {
    PacketHistory history = new PacketHistory(10);
    history.record(event("[\"a\"]"));
    history.record(event("[\"b\"]"));
    history.record(event("[\"c\"]"));
    assertThat(texts(history.after("1").orElseThrow())).containsExactly("2[\"b\",\"2\"]", "2[\"c\",\"3\"]");
    assertThat(texts(history.after("3").orElseThrow())).isEmpty();
    assertThat(history.after(null).orElseThrow()).hasSize(3);
  }

  @Test
  @DisplayName("An offset older than the kept events, unknown or garbled cannot be recovered")
  void unrecoverable() {
    PacketHistory history = new PacketHistory(2);
    for (String name : List.of("a", "b", "c", "d")) {
      history.record(event("[\"" + name + "\"]"));
    }
    assertThat(history.after("1")).isEmpty();
    assertThat(texts(history.after("2").orElseThrow())).containsExactly("2[\"c\",\"3\"]", "2[\"d\",\"4\"]");
    assertThat(history.after(null)).isEmpty();
    assertThat(history.after("9")).isEmpty();
    assertThat(history.after("x1")).isEmpty();
  }
}
