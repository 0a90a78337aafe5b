package io.streamhub.replay.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamhub.contracts.config.DatasetConfig;
import io.streamhub.contracts.config.DelayConfig;
import io.streamhub.contracts.config.ReplayConfig;
import io.streamhub.contracts.replay.JoinStream;
import io.streamhub.contracts.replay.StreamControl;
import io.streamhub.contracts.replay.StreamControl.Action;
import io.streamhub.contracts.replay.StreamJoined;
import io.streamhub.contracts.replay.StreamJoined.Kind;
import io.streamhub.replay.registry.StreamRecord;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The stream engine")
class StreamEngineTest {

  static final long DELAY = 100;
  static final long GRACE = 1_000;

  final ManualTimers timers = new ManualTimers();
  final RecordingOutbox outbox = new RecordingOutbox();
  ReplayConfig config = config(DELAY, 5);
  final StreamEngine engine = new StreamEngine("node-a", () -> config, outbox, timers);
  final RowSource rows = new FixedRows("rows", 20);

  static ReplayConfig config(long delayMs, int history) {
    DatasetConfig rows = new DatasetConfig("rows", "bundled:x.csv", null, "prediction", List.of(), null, null);
    return new ReplayConfig(new DelayConfig(delayMs, delayMs), 0, GRACE, history, 100, true, 100, "rows",
        Map.of("rows", rows));
  }

  static JoinStream join(String tab, String member) {
    return new JoinStream("v1", null, tab, member, "node-" + member, null, 0);
  }

  static JoinStream resume(String tab, String member, String streamId, long afterSeq) {
    return new JoinStream("v1", null, tab, member, "node-" + member, streamId, afterSeq);
  }

  StreamJoined start(JoinStream request) {
    StreamRecord fresh = engine.freshRecord(request, rows);
    return engine.start(fresh, rows, request);
  }

  static List<Long> seqs(long from, long to) {
    return LongStream.rangeClosed(from, to).boxed().toList();
  }

  @Test
  @DisplayName("a first tab starts a fresh stream from row 1, one row per delay, in order")
  void startsFresh() {
    StreamJoined joined = start(join("t1", "m1"));
    assertThat(joined.kind()).isEqualTo(Kind.STARTED);
    assertThat(joined.seq()).isZero();
    timers.advance(DELAY - 1);
    assertThat(outbox.rowsTo("m1")).isEmpty();
    timers.advance(1 + 2 * DELAY);
    assertThat(outbox.rowsTo("m1")).containsExactly(1L, 2L, 3L);
    assertThat(outbox.stored).extracting(e -> e.seq()).containsExactly(1L, 2L, 3L);
    assertThat(outbox.lastCheckpoint().seq()).isEqualTo(3);
  }

  @Test
  @DisplayName("a second tab joins the running stream at its current seq, and rows then go to both")
  void secondTabJoinsExisting() {
    String streamId = start(join("t1", "m1")).streamId();
    timers.advance(3 * DELAY);
    StreamJoined second = engine.join(join("t2", "m2"), rows);
    assertThat(second.kind()).isEqualTo(Kind.JOINED_EXISTING);
    assertThat(second.streamId()).isEqualTo(streamId);
    assertThat(second.seq()).isEqualTo(3);
    timers.advance(2 * DELAY);
    assertThat(outbox.rowsTo("m1")).isEqualTo(seqs(1, 5));
    assertThat(outbox.rowsTo("m2")).containsExactly(4L, 5L);
  }

  @Test
  @DisplayName("two tabs on one ingress instance get one delivery per row, not one per tab")
  void oneDeliveryPerMember() {
    start(join("t1", "m1"));
    engine.join(join("t2", "m1"), rows);
    timers.advance(2 * DELAY);
    assertThat(outbox.rowsTo("m1")).containsExactly(1L, 2L);
  }

  @Test
  @DisplayName("when the last tab leaves, no further row is emitted and the stream is freed after the grace period")
  void lastTabLeaves() {
    start(join("t1", "m1"));
    timers.advance(2 * DELAY + DELAY / 2);
    engine.control(new StreamControl("v1", Action.LEAVE, 1, "t1"));
    timers.advance(GRACE - 1);
    assertThat(outbox.rowsTo("m1")).containsExactly(1L, 2L);
    assertThat(engine.runs("v1")).isTrue();
    assertThat(engine.status("v1").state()).isEqualTo("detached");
    timers.advance(1);
    assertThat(engine.runs("v1")).isFalse();
    assertThat(outbox.freed).hasSize(1);
    assertThat(outbox.statuses.get(outbox.statuses.size() - 1).active()).isFalse();
    assertThat(timers.pending()).isZero();
  }

  @Test
  @DisplayName("closing one of two tabs leaves the other streaming untouched")
  void oneOfTwoTabsLeaves() {
    start(join("t1", "m1"));
    engine.join(join("t2", "m2"), rows);
    timers.advance(DELAY);
    engine.control(new StreamControl("v1", Action.LEAVE, 1, "t1"));
    timers.advance(2 * DELAY);
    assertThat(outbox.rowsTo("m2")).containsExactly(1L, 2L, 3L);
    assertThat(outbox.rowsTo("m1")).containsExactly(1L);
  }

  @Test
  @DisplayName("a reload (join without resume, no other tab) gets a fresh stream from row 1")
  void reloadStartsFresh() {
    String first = start(join("t1", "m1")).streamId();
    timers.advance(4 * DELAY);
    engine.control(new StreamControl("v1", Action.LEAVE, 1, "t1"));
    StreamJoined again = engine.join(join("t1b", "m1"), rows);
    assertThat(again.kind()).isEqualTo(Kind.STARTED);
    assertThat(again.streamId()).isNotEqualTo(first);
    timers.advance(DELAY);
    assertThat(outbox.deliveries.get(outbox.deliveries.size() - 1).delivery().seq()).isEqualTo(1);
  }

  @Test
  @DisplayName("a resume within the grace period replays the missed rows to that tab only, then continues live")
  void resumeWithoutGap() {
    String streamId = start(join("t1", "m1")).streamId();
    timers.advance(3 * DELAY);
    engine.control(new StreamControl("v1", Action.LEAVE, 1, "t1"));
    timers.advance(GRACE / 2);
    outbox.deliveries.clear();
    StreamJoined resumed = engine.join(resume("t1", "m1", streamId, 1), rows);
    assertThat(resumed.kind()).isEqualTo(Kind.RESUMED);
    assertThat(resumed.streamId()).isEqualTo(streamId);
    assertThat(resumed.seq()).isEqualTo(1);
    assertThat(outbox.deliveries).allMatch(s -> "t1".equals(s.delivery().tabId()));
    timers.advance(2 * DELAY);
    assertThat(outbox.rowsTo("m1")).containsExactly(2L, 3L, 4L, 5L);
  }

  @Test
  @DisplayName("a resume further back than the kept history starts at the oldest kept row and reports what was lost")
  void resumeBeyondHistory() {
    String streamId = start(join("t1", "m1")).streamId();
    timers.advance(9 * DELAY);
    engine.control(new StreamControl("v1", Action.LEAVE, 1, "t1"));
    outbox.deliveries.clear();
    StreamJoined resumed = engine.join(resume("t1", "m1", streamId, 2), rows);
    assertThat(resumed.lost()).isEqualTo(2);
    assertThat(resumed.seq()).isEqualTo(4);
    assertThat(outbox.rowsTo("m1")).containsExactly(5L, 6L, 7L, 8L, 9L);
  }

  @Test
  @DisplayName("pause stops rows, resume continues with the next row, stop ends the stream with stream_complete")
  void controls() {
    start(join("t1", "m1"));
    timers.advance(2 * DELAY);
    assertThat(engine.control(new StreamControl("v1", Action.PAUSE, 1, null)).paused()).isTrue();
    timers.advance(10 * DELAY);
    assertThat(outbox.rowsTo("m1")).containsExactly(1L, 2L);
    engine.control(new StreamControl("v1", Action.RESUME, 1, null));
    timers.advance(DELAY);
    assertThat(outbox.rowsTo("m1")).containsExactly(1L, 2L, 3L);
    assertThat(engine.control(new StreamControl("v1", Action.STOP, 1, null)).state()).isEqualTo("stopped");
    timers.advance(10 * DELAY);
    assertThat(outbox.rowsTo("m1")).containsExactly(1L, 2L, 3L);
    assertThat(outbox.eventsTo("m1")).contains("stream_state", "stream_complete");
  }

  @Test
  @DisplayName("speed 2 halves the delay, and a new configured delay applies from the next row")
  void paceChanges() {
    start(join("t1", "m1"));
    engine.control(new StreamControl("v1", Action.SPEED, 2, null));
    timers.advance(DELAY);
    timers.advance(DELAY / 2);
    assertThat(outbox.rowsTo("m1")).containsExactly(1L, 2L);
    engine.control(new StreamControl("v1", Action.SPEED, 1, null));
    config = config(1_000, 5);
    timers.advance(DELAY);
    assertThat(outbox.rowsTo("m1")).containsExactly(1L, 2L, 3L);
    timers.advance(949);
    assertThat(outbox.rowsTo("m1")).hasSize(3);
    timers.advance(1);
    assertThat(outbox.rowsTo("m1")).hasSize(4);
  }

  @Test
  @DisplayName("after the last row the tabs get stream_complete and no timer is left")
  void completes() {
    start(join("t1", "m1"));
    timers.advance(25 * DELAY);
    assertThat(outbox.rowsTo("m1")).isEqualTo(seqs(1, 20));
    assertThat(outbox.eventsTo("m1")).last().isEqualTo("stream_complete");
    assertThat(engine.status("v1").state()).isEqualTo("complete");
  }

  @Test
  @DisplayName("an adopted stream re-sends its last checkpointed row and drops the tabs of dead nodes")
  void adopts() {
    StreamRecord orphan = new StreamRecord("v1", "s-1", "rows", 20, "dead", 7,
        io.streamhub.replay.registry.StreamState.RUNNING, 1,
        Map.of("t1", new StreamRecord.Tab("m1", "alive"), "t2", new StreamRecord.Tab("m2", "dead")), 0, 0, 0);
    engine.adopt(orphan, rows, node -> node.equals("alive"));
    timers.advance(2 * DELAY);
    assertThat(outbox.rowsTo("m1")).containsExactly(7L, 8L);
    assertThat(outbox.rowsTo("m2")).isEmpty();
    assertThat(outbox.lastCheckpoint().owner()).isEqualTo("node-a");
    assertThat(outbox.lastCheckpoint().tabs()).containsOnlyKeys("t1");
  }
}
