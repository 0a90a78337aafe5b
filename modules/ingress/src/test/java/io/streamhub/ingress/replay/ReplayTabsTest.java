package io.streamhub.ingress.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamhub.contracts.replay.StreamDelivery;
import io.streamhub.ingress.protocol.ClientConnection;
import io.streamhub.ingress.protocol.OutboundEvent;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Replay tabs on one ingress instance")
class ReplayTabsTest {

  /** A connection that keeps what it was sent. */
  static final class Recorder implements ClientConnection {
    final String id;
    final List<String> sent = new ArrayList<>();

    Recorder(String id) {
      this.id = id;
    }

    @Override
    public String id() {
      return id;
    }

    @Override
    public void send(OutboundEvent event) {
      sent.add(event.event() + ":" + event.data().getLong("seq", -1L));
    }

    @Override
    public void close(short code, String reason) {
    }
  }

  final ReplayTabs tabs = new ReplayTabs();

  static StreamDelivery row(String stream, long seq) {
    return new StreamDelivery("v", stream, seq, true, "prediction", new JsonObject().put("seq", seq).encode(), null);
  }

  @Test
  @DisplayName("rows that arrive while the join is on its way are kept, and only those after the join's seq are sent")
  void pendingRowsAfterJoinSeq() {
    Recorder c = new Recorder("c1");
    ReplayTabs.Tab tab = tabs.pending("v", c);
    tabs.onDelivery(row("s1", 4));
    tabs.onDelivery(row("s1", 5));
    tabs.onDelivery(row("s1", 6));
    tabs.joined(tab, "s1", 5);
    tabs.onDelivery(row("s1", 7));
    assertThat(c.sent).containsExactly("prediction:6", "prediction:7");
  }

  @Test
  @DisplayName("a row a tab already has is dropped, so re-sends after a takeover show no duplicate")
  void duplicatesDropped() {
    Recorder c = new Recorder("c1");
    tabs.joined(tabs.pending("v", c), "s1", 0);
    List.of(1L, 2L, 2L, 1L, 3L).forEach(seq -> tabs.onDelivery(row("s1", seq)));
    assertThat(c.sent).containsExactly("prediction:1", "prediction:2", "prediction:3");
  }

  @Test
  @DisplayName("stream_started of a new stream switches every tab of the visitor to it; rows of the old one are dropped")
  void freshStreamSwitches() {
    Recorder a = new Recorder("a");
    Recorder b = new Recorder("b");
    tabs.joined(tabs.pending("v", a), "s1", 0);
    tabs.joined(tabs.pending("v", b), "s1", 0);
    tabs.onDelivery(row("s1", 1));
    tabs.onDelivery(new StreamDelivery("v", "s2", 0, false, "stream_started", "{}", null));
    tabs.onDelivery(row("s1", 2));
    tabs.onDelivery(row("s2", 1));
    assertThat(a.sent).containsExactly("prediction:1", "stream_started:-1", "prediction:1");
    assertThat(b.sent).isEqualTo(a.sent);
  }

  @Test
  @DisplayName("events addressed to one tab reach only that tab, and a removed tab gets nothing")
  void addressedAndRemoved() {
    Recorder a = new Recorder("a");
    Recorder b = new Recorder("b");
    tabs.joined(tabs.pending("v", a), "s1", 0);
    ReplayTabs.Tab tabB = tabs.pending("v", b);
    tabs.joined(tabB, "s1", 0);
    tabs.onDelivery(new StreamDelivery("v", "s1", 1, true, "prediction", new JsonObject().put("seq", 1).encode(), "a"));
    assertThat(tabs.remove("v", tabB)).isTrue();
    tabs.onDelivery(row("s1", 2));
    assertThat(a.sent).containsExactly("prediction:1", "prediction:2");
    assertThat(b.sent).isEmpty();
    assertThat(tabs.visitorsOf(b)).isEmpty();
    assertThat(tabs.visitorsOf(a)).containsExactly("v");
  }

  @Test
  @DisplayName("stream_complete reaches a tab once even when a new owner sends it again")
  void completeOnce() {
    Recorder a = new Recorder("a");
    tabs.joined(tabs.pending("v", a), "s1", 0);
    StreamDelivery complete = new StreamDelivery("v", "s1", 3, false, "stream_complete", "{}", null);
    tabs.onDelivery(complete);
    tabs.onDelivery(complete);
    assertThat(a.sent).containsExactly("stream_complete:-1");
  }
}
