package io.streamhub.tools;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class StreamContiguityTest {

  @Test
  @DisplayName("Rows 1..n of each stream, interleaved across streams, are clean")
  void cleanStreams() {
    StreamContiguity c = new StreamContiguity();
    c.started("a");
    c.started("b");
    for (int seq = 1; seq <= 5; seq++) {
      c.row("a", seq);
      c.row("b", seq);
    }
    c.completed("a", 5);
    assertThat(c.clean()).isTrue();
    assertThat(c.gaps()).isZero();
    assertThat(c.duplicates()).isZero();
    assertThat(c.lastSeq("b")).isEqualTo(5);
    assertThat(c.lastSeq("a")).as("completed streams are forgotten").isZero();
  }

  @Test
  @DisplayName("Each jump forward is one gap and counts the rows it skipped")
  void gaps() {
    StreamContiguity c = new StreamContiguity();
    c.started("a");
    c.row("a", 1);
    c.row("a", 4);
    c.row("a", 5);
    c.row("a", 7);
    assertThat(c.gaps()).isEqualTo(2);
    assertThat(c.missingRows()).isEqualTo(3);
    assertThat(c.duplicates()).isZero();
    assertThat(c.clean()).isFalse();
  }

  @Test
  @DisplayName("A stream whose first row is not 1 has a gap at its start")
  void gapAtStart() {
    StreamContiguity c = new StreamContiguity();
    c.started("a");
    c.row("a", 3);
    assertThat(c.gaps()).isEqualTo(1);
    assertThat(c.missingRows()).isEqualTo(2);
  }

  @Test
  @DisplayName("A repeated or late row is a duplicate and does not move the cursor back")
  void duplicates() {
    StreamContiguity c = new StreamContiguity();
    c.started("a");
    c.row("a", 1);
    c.row("a", 2);
    c.row("a", 2);
    c.row("a", 1);
    c.row("a", 3);
    assertThat(c.duplicates()).isEqualTo(2);
    assertThat(c.gaps()).isZero();
    assertThat(c.lastSeq("a")).isEqualTo(3);
  }

  @Test
  @DisplayName("Rows missing before stream_complete count as one gap")
  void gapAtEnd() {
    StreamContiguity c = new StreamContiguity();
    c.started("a");
    c.row("a", 1);
    c.row("a", 2);
    c.completed("a", 5);
    assertThat(c.gaps()).isEqualTo(1);
    assertThat(c.missingRows()).isEqualTo(3);
  }

  @Test
  @DisplayName("Rows of a stream never announced, or after its completion, are strays")
  void strays() {
    StreamContiguity c = new StreamContiguity();
    c.row("ghost", 1);
    c.started("a");
    c.row("a", 1);
    c.completed("a", 1);
    c.row("a", 2);
    assertThat(c.strays()).isEqualTo(2);
    assertThat(c.clean()).isFalse();
  }

  @Test
  @DisplayName("A re-joined visitor's new stream starts again at 1 without counting a duplicate")
  void rejoin() {
    StreamContiguity c = new StreamContiguity();
    c.started("first");
    c.row("first", 1);
    c.completed("first", 1);
    c.started("second");
    c.row("second", 1);
    c.row("second", 2);
    assertThat(c.clean()).isTrue();
  }
}
