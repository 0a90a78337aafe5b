package io.streamhub.persistence;

import static io.streamhub.persistence.PressureFixture.append;
import static io.streamhub.persistence.PressureFixture.firstFrames;
import static io.streamhub.persistence.PressureFixture.frame;
import static io.streamhub.persistence.PressureFixture.frames;
import static io.streamhub.persistence.PressureFixture.framesQuery;
import static io.streamhub.persistence.PressureFixture.numbers;
import static io.streamhub.persistence.PressureFixture.query;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamhub.contracts.Addresses;
import io.streamhub.contracts.pressure.FrameRecord;
import io.vertx.core.Vertx;
import io.vertx.junit5.Checkpoint;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("PersistenceVerticle pressure frames")
@Timeout(value = 20, timeUnit = TimeUnit.SECONDS)
class PressureFramesTest {

  @BeforeEach
  void deploy(Vertx vertx, VertxTestContext ctx) {
    ReplayFixture.deploy(vertx, ReplayFixture.inMemory()).onComplete(ctx.succeedingThenComplete());
  }

  @Test
  @DisplayName("appended frames come back newest first (frame descending), paged by limit and offset, exactly as sent")
  void queriesNewestFirstWithLimitAndOffset(Vertx vertx, VertxTestContext ctx) {
    // Sent out of order, and another workout's frames must not show up.
    List<FrameRecord> sent = new ArrayList<>(frames("w1", 3, 1, 5, 2, 4));
    sent.addAll(frames("w2", 9, 10));
    Checkpoint pages = ctx.checkpoint(4);

    append(vertx, sent).onComplete(ctx.succeeding(stored -> {
      ctx.verify(() -> assertThat(stored).isEqualTo(7L));
      query(vertx, "w1", 2, 0).onComplete(ctx.succeeding(page -> ctx.verify(() -> {
        assertThat(numbers(page)).containsExactly(5L, 4L);
        assertThat(page.get(0)).isEqualTo(sent.get(2));
        assertThat(page.get(0).toJson()).isEqualTo(sent.get(2).toJson());
        assertThat(page.get(1).toJson()).isEqualTo(sent.get(4).toJson());
        assertThat(page.get(1).nodes()).as("nodes of frame 4").isNotNull();
        pages.flag();
      })));
      query(vertx, "w1", 2, 2).onComplete(ctx.succeeding(page -> ctx.verify(() -> {
        assertThat(numbers(page)).containsExactly(3L, 2L);
        pages.flag();
      })));
      query(vertx, "w1", 10, 4).onComplete(ctx.succeeding(page -> ctx.verify(() -> {
        assertThat(numbers(page)).containsExactly(1L);
        assertThat(page.get(0).toJson()).isEqualTo(sent.get(1).toJson());
        assertThat(page.get(0).nodes()).as("nodes of frame 1, sent without").isNull();
        pages.flag();
      })));
      query(vertx, "w1", 10, 5).onComplete(ctx.succeeding(page -> ctx.verify(() -> {
        assertThat(page).isEmpty();
        pages.flag();
      })));
    }));
  }

  @Test
  @DisplayName("the reply carries the stored frames without the store's _id")
  void repliesWithoutStoreIds(Vertx vertx, VertxTestContext ctx) {
    append(vertx, frames("w1", 2))
        .compose(stored -> ReplayFixture.request(vertx, Addresses.PERSISTENCE_PRESSURE_FRAMES_QUERY,
            framesQuery("w1", 10, 0)))
        .onComplete(ctx.succeeding(reply -> ctx.verify(() -> {
          assertThat(reply.fieldNames()).containsExactly("frames");
          assertThat(reply.getJsonArray("frames").getJsonObject(0).fieldNames()).containsExactlyInAnyOrder(
              "workout_id", "frame", "timestamp", "matrix", "nodes", "stats", "received_at");
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("a workout without frames gets an empty page")
  void unknownWorkoutHasNoFrames(Vertx vertx, VertxTestContext ctx) {
    query(vertx, "nobody", 10, 0).onComplete(ctx.succeeding(page -> ctx.verify(() -> {
      assertThat(page).isEmpty();
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("re-appending a whole batch stores no frame twice and still replies with the batch size")
  void reappendingIsIdempotent(Vertx vertx, VertxTestContext ctx) {
    List<FrameRecord> sent = frames("w1", 1, 2, 3);

    append(vertx, sent)
        .compose(first -> append(vertx, sent).map(second -> List.of(first, second)))
        .compose(counts -> query(vertx, "w1", 10, 0).map(page -> {
          assertThat(counts).as("both replies acknowledge the whole batch").containsExactly(3L, 3L);
          return page;
        }))
        .onComplete(ctx.succeeding(page -> ctx.verify(() -> {
          assertThat(numbers(page)).containsExactly(3L, 2L, 1L);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("a batch mixing stored and new frames (and a frame repeated within it) stores the new ones and "
      + "acknowledges all of them")
  void mixedBatchStoresTheNewOnes(Vertx vertx, VertxTestContext ctx) {
    List<FrameRecord> mixed = new ArrayList<>(frames("w1", 2, 4, 5));
    mixed.add(frame("w1", 5, 4)); // the same frame twice in one batch
    mixed.add(frame("w1", 1, 4)); // stored before: its position in the batch must not matter
    mixed.addAll(frames("w1", 6));

    append(vertx, frames("w1", 1, 2, 3))
        .compose(first -> append(vertx, mixed))
        .compose(stored -> query(vertx, "w1", 100, 0).map(page -> {
          assertThat(stored).as("every frame of the batch is acknowledged").isEqualTo(mixed.size());
          return page;
        }))
        .onComplete(ctx.succeeding(page -> ctx.verify(() -> {
          assertThat(numbers(page)).containsExactly(6L, 5L, 4L, 3L, 2L, 1L);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("a re-sent frame keeps the content stored first")
  void firstStoredContentWins(Vertx vertx, VertxTestContext ctx) {
    FrameRecord first = frame("w1", 1, 4);
    FrameRecord resent = frame("w1", 1, 8);

    append(vertx, List.of(first))
        .compose(stored -> append(vertx, List.of(resent)))
        .compose(stored -> query(vertx, "w1", 10, 0))
        .onComplete(ctx.succeeding(page -> ctx.verify(() -> {
          assertThat(page).containsExactly(first);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("the same frame number of two workouts are two frames")
  void frameNumbersArePerWorkout(Vertx vertx, VertxTestContext ctx) {
    append(vertx, List.of(frame("w1", 1, 4), frame("w2", 1, 4)))
        .compose(stored -> query(vertx, "w2", 10, 0).map(page -> {
          assertThat(stored).isEqualTo(2L);
          return page;
        }))
        .onComplete(ctx.succeeding(page -> ctx.verify(() -> {
          assertThat(page).extracting(FrameRecord::workoutId).containsExactly("w2");
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("a batch of 1,000 frames of 16×16 is stored whole, and its newest 1,000 page back in order")
  void storesAThousandFrameBatch(Vertx vertx, VertxTestContext ctx) {
    List<FrameRecord> sent = firstFrames("w1", 1_000, 16);

    append(vertx, sent)
        .compose(stored -> query(vertx, "w1", 1_000, 0).map(page -> {
          assertThat(stored).isEqualTo(1_000L);
          return page;
        }))
        .onComplete(ctx.succeeding(page -> ctx.verify(() -> {
          List<Long> newestFirst = LongStream.iterate(1_000, n -> n - 1).limit(1_000).boxed().toList();
          assertThat(numbers(page)).containsExactlyElementsOf(newestFirst);
          assertThat(page.get(999)).isEqualTo(sent.get(0));
          assertThat(page.get(0).matrix().rows()).isEqualTo(16);
          assertThat(page.get(0).matrix().cols()).isEqualTo(16);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("an empty batch and a batch of exactly the maximum (1×1 frames) both succeed")
  void acceptsEmptyAndFullBatches(Vertx vertx, VertxTestContext ctx) {
    List<FrameRecord> full = firstFrames("w1", Addresses.MAX_FRAMES_PER_APPEND, 1);

    append(vertx, List.of())
        .compose(none -> append(vertx, full).map(stored -> List.of(none, stored)))
        .onComplete(ctx.succeeding(counts -> ctx.verify(() -> {
          assertThat(counts).containsExactly(0L, (long) Addresses.MAX_FRAMES_PER_APPEND);
          ctx.completeNow();
        })));
  }
}
