package io.streamhub.stats.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamhub.stats.SessionStats;
import io.streamhub.stats.frame.FrameStats;
import io.streamhub.stats.frame.FrameStatsCalculator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The session ledger")
class LocalSessionLedgerTest {

  final LocalSessionLedger ledger = new LocalSessionLedger();
  final FrameStatsCalculator calculator = new FrameStatsCalculator(1.0);

  FrameStats frame(double value) {
    return calculator.compute(new double[][] {{value, value}, {value, value}}, null);
  }

  SessionState.Recorded record(String workout, double value, long now) {
    return ledger.record(workout, frame(value), now, now).toCompletableFuture().join();
  }

  @Test
  @DisplayName("numbers frames 1..N per workout and gives each its change from the previous one")
  void numbersAndDeltas() {
    ledger.join("w", null, 0);
    assertThat(record("w", 1, 10).frame()).isEqualTo(1);
    SessionState.Recorded second = record("w", 3, 20);
    assertThat(second.frame()).isEqualTo(2);
    assertThat(second.stats().delta().sum()).isEqualTo(8.0);
    assertThat(ledger.join("other", null, 0).toCompletableFuture().join().frameCount()).isZero();
  }

  @Test
  @DisplayName("refuses to number a frame of a workout without a session")
  void noSession() {
    assertThat(ledger.record("none", frame(1), 0, 0).toCompletableFuture().join()).isNull();
  }

  @Test
  @DisplayName("ends a session only after it was idle for the whole timeout, and a join reopens it with its count")
  void idle() {
    ledger.join("w", null, 0);
    record("w", 1, 100);
    assertThat(ledger.endIfIdle("w", 599, 500).toCompletableFuture().join()).isNull();
    SessionState ended = ledger.endIfIdle("w", 600, 500).toCompletableFuture().join();
    assertThat(ended.active()).isFalse();
    assertThat(ledger.endIfIdle("w", 10_000, 500).toCompletableFuture().join()).as("already ended").isNull();
    SessionState rejoined = ledger.join("w", null, 700).toCompletableFuture().join();
    assertThat(rejoined.active()).isTrue();
    assertThat(rejoined.frameCount()).isEqualTo(1);
  }

  @Test
  @DisplayName("a seed from the store applies only when the ledger has no session, and numbering continues after it")
  void seed() {
    SessionStats restored = new SessionStats();
    restored.add(2, 2, 4, 1);
    restored.add(5, 5, 4, 2);
    ledger.seed("w", restored, null, 0);
    assertThat(ledger.seed("w", new SessionStats(), null, 0).toCompletableFuture().join().frameCount()).isEqualTo(2);
    ledger.join("w", null, 0);
    assertThat(record("w", 1, 3).frame()).isEqualTo(3);
    assertThat(ledger.get("w").toCompletableFuture().join().stats().peakPressure()).isEqualTo(5.0);
  }

  @Test
  @DisplayName("a workout belongs to the user who created it: its owner rejoins, others are refused and change nothing")
  void ownership() {
    ledger.join("w", "alice", 0);
    ledger.endIfIdle("w", 1000, 500);
    assertThat(ledger.join("w", "bob", 2000).toCompletableFuture().join().mayJoin("bob")).isFalse();
    assertThat(ledger.join("w", null, 2000).toCompletableFuture().join().mayJoin(null)).isFalse();
    assertThat(ledger.get("w").toCompletableFuture().join().active()).as("a refused join reopens nothing").isFalse();
    SessionState rejoined = ledger.join("w", "alice", 3000).toCompletableFuture().join();
    assertThat(rejoined.active()).isTrue();
    assertThat(rejoined.ownerSub()).isEqualTo("alice");
  }

  @Test
  @DisplayName("an anonymous workout has no owner and stays open to anyone; a seeded owner survives a restart")
  void anonymousAndSeededOwners() {
    ledger.join("anon", null, 0);
    assertThat(ledger.join("anon", "bob", 0).toCompletableFuture().join().mayJoin("bob")).isTrue();
    assertThat(ledger.get("anon").toCompletableFuture().join().ownerSub()).isNull();
    ledger.seed("restored", new SessionStats(), "carol", 0);
    assertThat(ledger.join("restored", "dave", 0).toCompletableFuture().join().mayJoin("dave")).isFalse();
  }
}
