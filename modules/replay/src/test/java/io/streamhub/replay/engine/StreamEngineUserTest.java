package io.streamhub.replay.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamhub.contracts.replay.JoinStream;
import io.streamhub.contracts.replay.StreamEventRecord;
import io.streamhub.contracts.replay.StreamStatus;
import io.streamhub.replay.registry.StreamRecord;
import io.streamhub.replay.registry.StreamState;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The stream engine with authenticated users")
class StreamEngineUserTest {

  final ManualTimers timers = new ManualTimers();
  final RecordingOutbox outbox = new RecordingOutbox();
  final StreamEngine engine = new StreamEngine("node-a", () -> StreamEngineTest.config(StreamEngineTest.DELAY, 5),
      outbox, timers);
  final RowSource rows = new FixedRows("rows", 20);

  static JoinStream join(String tab, String user) {
    return new JoinStream("v1", null, tab, "m1", "node-m1", null, 0, user);
  }

  @Test
  @DisplayName("a stream started by a user keeps the user on its stored rows, its status and its record")
  void keepsTheUser() {
    JoinStream request = join("t1", "alice");
    engine.start(engine.freshRecord(request, rows), rows, request);
    timers.advance(2 * StreamEngineTest.DELAY);
    assertThat(outbox.stored).extracting(StreamEventRecord::userId).containsExactly("alice", "alice");
    assertThat(outbox.statuses).last().extracting(StreamStatus::userId).isEqualTo("alice");
    assertThat(outbox.lastCheckpoint().userId()).isEqualTo("alice");
    assertThat(StreamRecord.fromJsonString(outbox.lastCheckpoint().toJsonString()).userId()).isEqualTo("alice");
  }

  @Test
  @DisplayName("an anonymous stream stores rows without a user, and a user joining it later claims it")
  void anonymousThenClaimed() {
    JoinStream anonymous = join("t1", null);
    engine.start(engine.freshRecord(anonymous, rows), rows, anonymous);
    timers.advance(StreamEngineTest.DELAY);
    engine.join(join("t2", "bob"), rows);
    timers.advance(StreamEngineTest.DELAY);
    assertThat(outbox.stored).extracting(StreamEventRecord::userId).containsExactly(null, "bob");
  }

  @Test
  @DisplayName("a node adopting a stream keeps attributing its rows to the user of its record")
  void adoptionKeepsTheUser() {
    StreamRecord orphan = new StreamRecord("v1", "s-1", "rows", 20, "dead", 3,
        StreamState.RUNNING, 1, Map.of("t1",
        new StreamRecord.Tab("m1", "node-m1")), 0, 0, 0, "carol");
    engine.adopt(orphan, rows, node -> true);
    timers.advance(StreamEngineTest.DELAY);
    assertThat(outbox.stored).extracting(StreamEventRecord::userId).containsOnly("carol").isNotEmpty();
  }
}
