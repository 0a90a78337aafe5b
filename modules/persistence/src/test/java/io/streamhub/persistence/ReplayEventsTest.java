package io.streamhub.persistence;

import static io.streamhub.persistence.ReplayFixture.append;
import static io.streamhub.persistence.ReplayFixture.event;
import static io.streamhub.persistence.ReplayFixture.events;
import static io.streamhub.persistence.ReplayFixture.query;
import static io.streamhub.persistence.ReplayFixture.seqs;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamhub.contracts.Addresses;
import io.streamhub.contracts.replay.EventsQuery;
import io.streamhub.contracts.replay.StreamEventRecord;
import io.vertx.core.Vertx;
import io.vertx.junit5.Checkpoint;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("PersistenceVerticle replay events")
@Timeout(value = 20, timeUnit = TimeUnit.SECONDS)
class ReplayEventsTest {

  @BeforeEach
  void deploy(Vertx vertx, VertxTestContext ctx) {
    ReplayFixture.deploy(vertx, ReplayFixture.inMemory()).onComplete(ctx.succeedingThenComplete());
  }

  @Test
  @DisplayName("appended events come back newest first (ts, then seq, descending), paged by limit and offset, exactly as sent")
  void queriesNewestFirstWithLimitAndOffset(Vertx vertx, VertxTestContext ctx) {
    // Two pairs share a ts, so seq decides between them; another visitor's event must not show up.
    List<StreamEventRecord> sent = List.of(event("ada", "s1", 1, 1_000), event("ada", "s1", 2, 1_000),
        event("ada", "s1", 3, 2_000), event("ada", "s1", 4, 3_000), event("ada", "s1", 5, 3_000),
        event("bob", "s2", 9, 9_000));
    Checkpoint pages = ctx.checkpoint(4);

    append(vertx, sent).onComplete(ctx.succeeding(stored -> {
      ctx.verify(() -> assertThat(stored).isEqualTo(6));
      query(vertx, "ada", 2, 0).onComplete(ctx.succeeding(page -> ctx.verify(() -> {
        assertThat(seqs(page)).containsExactly(5L, 4L);
        assertThat(page.get(0)).isEqualTo(sent.get(4));
        assertThat(page.get(0).toJson()).isEqualTo(sent.get(4).toJson());
        pages.flag();
      })));
      query(vertx, "ada", 2, 2).onComplete(ctx.succeeding(page -> ctx.verify(() -> {
        assertThat(seqs(page)).containsExactly(3L, 2L);
        pages.flag();
      })));
      query(vertx, "ada", 10, 4).onComplete(ctx.succeeding(page -> ctx.verify(() -> {
        assertThat(seqs(page)).containsExactly(1L);
        pages.flag();
      })));
      query(vertx, "ada", 10, 5).onComplete(ctx.succeeding(page -> ctx.verify(() -> {
        assertThat(page).isEmpty();
        pages.flag();
      })));
    }));
  }

  @Test
  @DisplayName("the reply carries the stored events without the store's _id")
  void repliesWithoutStoreIds(Vertx vertx, VertxTestContext ctx) {
    append(vertx, events("ada", "s1", 1))
        .compose(stored -> ReplayFixture.request(vertx, Addresses.PERSISTENCE_REPLAY_EVENTS_QUERY,
            new EventsQuery("ada", 10, 0).toJson()))
        .onComplete(ctx.succeeding(reply -> ctx.verify(() -> {
          assertThat(reply.fieldNames()).containsExactly("events");
          assertThat(reply.getJsonArray("events").getJsonObject(0).fieldNames())
              .containsExactlyInAnyOrder("visitor_id", "stream_id", "seq", "event", "data", "ts");
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("a visitor without events gets an empty page")
  void unknownVisitorHasNoEvents(Vertx vertx, VertxTestContext ctx) {
    query(vertx, "nobody", 10, 0).onComplete(ctx.succeeding(page -> ctx.verify(() -> {
      assertThat(page).isEmpty();
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("re-appending the same events stores none of them again, and the query shows each one once")
  void reappendingIsIdempotent(Vertx vertx, VertxTestContext ctx) {
    List<StreamEventRecord> sent = events("ada", "s1", 1, 2, 3);

    append(vertx, sent)
        .compose(first -> append(vertx, sent).map(second -> List.of(first, second)))
        .compose(counts -> query(vertx, "ada", 10, 0).map(page -> {
          assertThat(counts).containsExactly(3L, 0L);
          return page;
        }))
        .onComplete(ctx.succeeding(page -> ctx.verify(() -> {
          assertThat(seqs(page)).containsExactly(3L, 2L, 1L);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("a batch mixing stored and new events (and a row repeated within it) stores and counts only the new ones")
  void mixedBatchStoresTheNewOnes(Vertx vertx, VertxTestContext ctx) {
    List<StreamEventRecord> mixed = new ArrayList<>(events("ada", "s1", 2, 4, 5));
    mixed.add(event("ada", "s1", 5, 5_000)); // the same row twice in one batch
    mixed.add(event("ada", "s1", 1, 1_000)); // stored before: its position in the batch must not matter
    mixed.addAll(events("ada", "s1", 6));

    append(vertx, events("ada", "s1", 1, 2, 3))
        .compose(first -> append(vertx, mixed))
        .compose(stored -> query(vertx, "ada", 100, 0).map(page -> {
          assertThat(stored).as("new events in the mixed batch: 4, 5 and 6").isEqualTo(3L);
          return page;
        }))
        .onComplete(ctx.succeeding(page -> ctx.verify(() -> {
          assertThat(seqs(page)).containsExactly(6L, 5L, 4L, 3L, 2L, 1L);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("the same seq of two different streams are two events")
  void seqIsPerStream(Vertx vertx, VertxTestContext ctx) {
    append(vertx, List.of(event("ada", "s1", 1, 1_000), event("ada", "s2", 1, 2_000)))
        .compose(stored -> query(vertx, "ada", 10, 0).map(page -> {
          assertThat(stored).isEqualTo(2L);
          return page;
        }))
        .onComplete(ctx.succeeding(page -> ctx.verify(() -> {
          assertThat(page).extracting(StreamEventRecord::streamId).containsExactly("s2", "s1");
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("an empty batch and a batch of exactly the maximum both succeed")
  void acceptsEmptyAndFullBatches(Vertx vertx, VertxTestContext ctx) {
    long[] seqs = new long[Addresses.MAX_EVENTS_PER_APPEND];
    for (int i = 0; i < seqs.length; i++) {
      seqs[i] = i + 1;
    }
    append(vertx, List.of())
        .compose(none -> append(vertx, events("ada", "s1", seqs)).map(full -> List.of(none, full)))
        .onComplete(ctx.succeeding(counts -> ctx.verify(() -> {
          assertThat(counts).containsExactly(0L, (long) seqs.length);
          ctx.completeNow();
        })));
  }
}
