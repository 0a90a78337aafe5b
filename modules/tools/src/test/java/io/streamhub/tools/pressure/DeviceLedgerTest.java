package io.streamhub.tools.pressure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("What one simulated device knows about its frames")
class DeviceLedgerTest {

  private final DeviceLedger ledger = new DeviceLedger();

  /** Sends a frame stamped by a clock reading {@code nowMs}, at {@code nanos}; returns its timestamp. */
  private long send(long nowMs, long nanos) {
    long ts = ledger.nextTimestamp(nowMs);
    ledger.sent(ts, nanos);
    return ts;
  }

  @Test
  @DisplayName("Timestamps follow the clock but always increase, even when it stands still or goes back")
  void timestampsIncrease() {
    assertThat(ledger.nextTimestamp(1_000)).isEqualTo(1_000);
    assertThat(ledger.nextTimestamp(1_000)).as("clock stood still").isEqualTo(1_001);
    assertThat(ledger.nextTimestamp(1_000)).isEqualTo(1_002);
    assertThat(ledger.nextTimestamp(500)).as("clock went back").isEqualTo(1_003);
    assertThat(ledger.nextTimestamp(1_003)).isEqualTo(1_004);
    assertThat(ledger.nextTimestamp(5_000)).as("clock ahead again").isEqualTo(5_000);
    long previous = 5_000;
    for (int i = 0; i < 100; i++) {
      long ts = ledger.nextTimestamp(4_990 + i % 3);
      assertThat(ts).isGreaterThan(previous);
      previous = ts;
    }
  }

  @Test
  @DisplayName("An answer for a frame sent gives its latency once; an unknown or repeated answer gives -1")
  void latencyOfKnownFrames() {
    long a = send(1_000, 10_000);
    long b = send(1_000, 25_000);
    assertThat(ledger.processed(b, 1, true, 40_000)).isEqualTo(15_000);
    assertThat(ledger.processed(a, 2, true, 41_000)).isEqualTo(31_000);
    assertThat(ledger.processed(a, 2, true, 50_000)).as("duplicate answer").isEqualTo(-1);
    assertThat(ledger.processed(999, 3, true, 50_000)).as("never sent").isEqualTo(-1);
    assertThat(ledger.sent()).isEqualTo(2);
    assertThat(ledger.acked()).as("duplicates and strangers are not counted").isEqualTo(2);
    assertThat(ledger.persisted()).isEqualTo(2);
    assertThat(ledger.unanswered()).isZero();
    assertThat(ledger.highestFrame()).isEqualTo(2);
  }

  @Test
  @DisplayName("A frame acknowledged persisted counts at once; one acknowledged unpersisted waits for confirmation")
  void persistedOrNot() {
    long a = send(1_000, 0);
    long b = send(1_000, 0);
    long c = send(1_000, 0);
    ledger.processed(a, 1, true, 1);
    ledger.processed(b, 2, false, 1);
    ledger.processed(c, 3, false, 1);
    assertThat(ledger.acked()).isEqualTo(3);
    assertThat(ledger.persisted()).isEqualTo(1);
    assertThat(ledger.unconfirmed()).isEqualTo(2);
    assertThat(ledger.unanswered()).isZero();
  }

  @Test
  @DisplayName("frames_persisted confirms the waiting frames up to up_to_frame, no later ones, and says how many")
  void persistedUpTo() {
    for (int frame = 1; frame <= 6; frame++) {
      long ts = send(2_000, 0);
      ledger.processed(ts, frame, frame == 1, 1);
    }
    assertThat(ledger.unconfirmed()).isEqualTo(5);

    assertThat(ledger.persistedUpTo(3)).isEqualTo(2);
    assertThat(ledger.persisted()).isEqualTo(3);
    assertThat(ledger.unconfirmed()).isEqualTo(3);

    assertThat(ledger.persistedUpTo(3)).as("already confirmed").isZero();
    assertThat(ledger.persistedUpTo(0)).isZero();
    assertThat(ledger.persisted()).isEqualTo(3);

    assertThat(ledger.persistedUpTo(100)).isEqualTo(3);
    assertThat(ledger.persisted()).isEqualTo(6);
    assertThat(ledger.unconfirmed()).isZero();
  }

  @Test
  @DisplayName("Unanswered frames are those sent with neither an acknowledgement nor an error")
  void unanswered() {
    long a = send(1_000, 0);
    send(1_000, 0);
    send(1_000, 0);
    assertThat(ledger.unanswered()).isEqualTo(3);
    ledger.processed(a, 1, true, 1);
    assertThat(ledger.unanswered()).isEqualTo(2);
    ledger.refused();
    assertThat(ledger.unanswered()).as("one refused").isEqualTo(1);
    ledger.refused();
    assertThat(ledger.unanswered()).isZero();
    ledger.refused();
    assertThat(ledger.unanswered()).as("never below zero").isZero();
    assertThat(ledger.sent()).isEqualTo(3);
    assertThat(ledger.acked()).isEqualTo(1);
  }

  @Test
  @DisplayName("highestFrame is the highest frame number acknowledged, whatever the order of the answers")
  void highestFrame() {
    assertThat(ledger.highestFrame()).isZero();
    long a = send(1_000, 0);
    long b = send(1_000, 0);
    long c = send(1_000, 0);
    ledger.processed(b, 8, true, 1);
    ledger.processed(c, 9, true, 1);
    ledger.processed(a, 7, true, 1);
    assertThat(ledger.highestFrame()).isEqualTo(9);
    ledger.processed(12345, 50, true, 1);
    assertThat(ledger.highestFrame()).as("an unknown answer does not count").isEqualTo(9);
  }
}
