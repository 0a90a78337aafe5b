package io.streamhub.ingress.rooms;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamhub.contracts.rooms.RoomMessage;
import io.streamhub.ingress.protocol.ClientConnection;
import io.streamhub.ingress.protocol.OutboundEvent;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RoomSubscriptionsTest {

  private static final class Recorder implements ClientConnection {
    final String id;
    final List<Long> seqs = new ArrayList<>();

    Recorder(String id) {
      this.id = id;
    }

    @Override
    public String id() {
      return id;
    }

    @Override
    public void send(OutboundEvent event) {
      seqs.add(event.data().getLong("seq"));
    }

    @Override
    public void close(short code, String reason) {
    }
  }

  /** Timers the test fires by hand. */
  private static final class ManualTimers implements Timers {
    final Map<Long, Runnable> scheduled = new HashMap<>();
    long next;

    @Override
    public long schedule(long delayMs, Runnable action) {
      scheduled.put(++next, action);
      return next;
    }

    @Override
    public void cancel(long id) {
      scheduled.remove(id);
    }

    void fireAll() {
      List<Runnable> due = new ArrayList<>(scheduled.values());
      scheduled.clear();
      due.forEach(Runnable::run);
    }
  }

  private final LocalRoomDirectory directory = new LocalRoomDirectory();
  private final ManualTimers timers = new ManualTimers();
  private final RoomSubscriptions rooms =
      new RoomSubscriptions("me", directory, Future::fromCompletionStage, timers, () -> 2000);

  private static RoomMessage message(String room, long seq) {
    return new RoomMessage(room, seq, new JsonObject().put("seq", seq), 0);
  }

  private long publish(String room) {
    Sequenced s = directory.sequence(room, 1).toCompletableFuture().join();
    return s.firstSeq();
  }

  @Test
  @DisplayName("A subscriber receives only what was sequenced after its subscribe, in seq order")
  void deliversAfterJoinInOrder() {
    publish("r");
    publish("r");
    Recorder a = new Recorder("a");
    assertThat(rooms.subscribe(a, "r").succeeded()).isTrue();
    rooms.onMessage(message("r", 2));
    rooms.onMessage(message("r", 4));
    rooms.onMessage(message("r", 3));
    assertThat(a.seqs).containsExactly(3L, 4L);
  }

  @Test
  @DisplayName("Messages arriving out of order are held until the gap fills")
  void reordersByseq() {
    Recorder a = new Recorder("a");
    rooms.subscribe(a, "r");
    rooms.onMessage(message("r", 3));
    rooms.onMessage(message("r", 2));
    assertThat(a.seqs).isEmpty();
    rooms.onMessage(message("r", 1));
    assertThat(a.seqs).containsExactly(1L, 2L, 3L);
    assertThat(timers.scheduled).isEmpty();
  }

  @Test
  @DisplayName("A seq that never arrives is skipped when the reorder timeout fires, and counted")
  void skipsAGapAfterTheTimeout() {
    Recorder a = new Recorder("a");
    rooms.subscribe(a, "r");
    rooms.onMessage(message("r", 2));
    rooms.onMessage(message("r", 3));
    timers.fireAll();
    assertThat(a.seqs).containsExactly(2L, 3L);
    assertThat(rooms.skippedSeqs()).isEqualTo(1);
    rooms.onMessage(message("r", 1));
    assertThat(a.seqs).containsExactly(2L, 3L);
  }

  @Test
  @DisplayName("Every local subscriber of a room gets each message once; other rooms are not mixed in")
  void fansOutPerRoom() {
    Recorder a = new Recorder("a");
    Recorder b = new Recorder("b");
    rooms.subscribe(a, "r");
    rooms.subscribe(b, "r");
    rooms.subscribe(b, "r");
    rooms.onMessage(message("r", 1));
    rooms.onMessage(message("other", 1));
    assertThat(a.seqs).containsExactly(1L);
    assertThat(b.seqs).containsExactly(1L);
  }

  @Test
  @DisplayName("The member leaves the directory when its last local subscriber goes, and not before")
  void leavesWithTheLastSubscriber() {
    Recorder a = new Recorder("a");
    Recorder b = new Recorder("b");
    rooms.subscribe(a, "r");
    rooms.subscribe(b, "r");
    rooms.unsubscribe(a, "r");
    assertThat(directory.sequence("r", 1).toCompletableFuture().join().members()).containsExactly("me");
    rooms.unsubscribeAll(b);
    assertThat(directory.sequence("r", 1).toCompletableFuture().join().members()).isEmpty();
    assertThat(rooms.joinedRooms()).isEmpty();
    rooms.onMessage(message("r", 3));
    assertThat(b.seqs).isEmpty();
  }

  @Test
  @DisplayName("Unsubscribing from a room never subscribed is harmless")
  void unsubscribeUnknownIsHarmless() {
    assertThat(rooms.unsubscribe(new Recorder("a"), "nowhere").succeeded()).isTrue();
    assertThat(rooms.roomsOf(new Recorder("a"))).isEmpty();
  }
}
