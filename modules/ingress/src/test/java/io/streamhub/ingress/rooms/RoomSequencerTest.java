package io.streamhub.ingress.rooms;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamhub.contracts.rooms.RoomMessage;
import io.streamhub.ingress.protocol.ErrorCode;
import io.streamhub.ingress.protocol.ProtocolException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RoomSequencerTest {

  /** A directory whose sequence calls complete only when the test says so. */
  private static final class ManualDirectory implements RoomDirectory {
    final List<CompletableFuture<Sequenced>> calls = new ArrayList<>();
    final List<Integer> counts = new ArrayList<>();

    @Override
    public CompletionStage<Long> join(String room, String memberId) {
      return CompletableFuture.completedFuture(0L);
    }

    @Override
    public CompletionStage<Void> leave(String room, String memberId) {
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<Sequenced> sequence(String room, int count) {
      counts.add(count);
      CompletableFuture<Sequenced> call = new CompletableFuture<>();
      calls.add(call);
      return call;
    }

    void completeNext(long firstSeq) {
      calls.remove(0).complete(new Sequenced(firstSeq, List.of("m1", "m2"), 1L));
    }

    void failNext() {
      calls.remove(0).completeExceptionally(new IllegalStateException("cluster unreachable"));
    }

    @Override
    public void expireIdle(long idleMs) {
    }
  }

  private final ManualDirectory directory = new ManualDirectory();
  private final List<String> delivered = new ArrayList<>();
  private final RoomSequencer sequencer = new RoomSequencer(directory, Future::fromCompletionStage,
      (member, message) -> delivered.add(member + ":" + message.seq() + ":" + message.data().getInteger("n")), () -> 3);

  @Test
  @DisplayName("Publishes arriving while a call is in flight are sequenced together, in the order sent")
  void batchesWhileInFlight() {
    Future<Long> first = sequencer.publish("r", new JsonObject().put("n", 1));
    Future<Long> second = sequencer.publish("r", new JsonObject().put("n", 2));
    Future<Long> third = sequencer.publish("r", new JsonObject().put("n", 3));
    assertThat(directory.counts).containsExactly(1);
    directory.completeNext(1);
    assertThat(first.result()).isEqualTo(1L);
    assertThat(directory.counts).containsExactly(1, 2);
    directory.completeNext(2);
    assertThat(second.result()).isEqualTo(2L);
    assertThat(third.result()).isEqualTo(3L);
    assertThat(delivered).containsExactly("m1:1:1", "m2:1:1", "m1:2:2", "m2:2:2", "m1:3:3", "m2:3:3");
  }

  @Test
  @DisplayName("Past the bound of waiting publishes a publish is refused with backpressure")
  void refusesPastTheBound() {
    for (int i = 0; i < 3; i++) {
      sequencer.publish("r", new JsonObject().put("n", i));
    }
    Future<Long> refused = sequencer.publish("r", new JsonObject().put("n", 99));
    assertThat(refused.failed()).isTrue();
    assertThat(((ProtocolException) refused.cause()).code()).isEqualTo(ErrorCode.BACKPRESSURE);
    assertThat(sequencer.publish("other", new JsonObject().put("n", 1)).failed()).isFalse();
  }

  @Test
  @DisplayName("When the directory fails, the publishes of that call fail as unavailable and later ones still go")
  void failureIsReportedAndTheQueueMovesOn() {
    Future<Long> lost = sequencer.publish("r", new JsonObject().put("n", 1));
    Future<Long> next = sequencer.publish("r", new JsonObject().put("n", 2));
    directory.failNext();
    assertThat(((ProtocolException) lost.cause()).code()).isEqualTo(ErrorCode.UNAVAILABLE);
    directory.completeNext(1);
    assertThat(next.result()).isEqualTo(1L);
    assertThat(delivered).containsExactly("m1:1:2", "m2:1:2");
  }

  @Test
  @DisplayName("Consecutive messages of a room get consecutive seqs starting at 1 with the local directory")
  void localDirectoryCountsFromOne() {
    List<RoomMessage> out = new ArrayList<>();
    LocalRoomDirectory local = new LocalRoomDirectory();
    local.join("r", "me");
    RoomSequencer real = new RoomSequencer(local, Future::fromCompletionStage, (m, msg) -> out.add(msg), () -> 10);
    for (int i = 0; i < 5; i++) {
      real.publish("r", new JsonObject().put("n", i));
    }
    assertThat(out).extracting(RoomMessage::seq).containsExactly(1L, 2L, 3L, 4L, 5L);
  }
}
