package io.streamhub.persistence;

import static io.streamhub.persistence.ReplayFixture.append;
import static io.streamhub.persistence.ReplayFixture.assertFailure;
import static io.streamhub.persistence.ReplayFixture.clear;
import static io.streamhub.persistence.ReplayFixture.events;
import static io.streamhub.persistence.ReplayFixture.getStatus;
import static io.streamhub.persistence.ReplayFixture.query;
import static io.streamhub.persistence.ReplayFixture.saveStatus;
import static io.streamhub.persistence.ReplayFixture.seqs;
import static io.streamhub.persistence.ReplayFixture.status;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamhub.contracts.FailureCodes;
import io.streamhub.contracts.replay.StreamStatus;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Checkpoint;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("PersistenceVerticle replay status and clear")
@Timeout(value = 20, timeUnit = TimeUnit.SECONDS)
class ReplayStatusTest {

  @BeforeEach
  void deploy(Vertx vertx, VertxTestContext ctx) {
    ReplayFixture.deploy(vertx, ReplayFixture.inMemory()).onComplete(ctx.succeedingThenComplete());
  }

  @Test
  @DisplayName("a saved status is answered with {} and comes back field for field")
  void savesAndGetsStatus(Vertx vertx, VertxTestContext ctx) {
    StreamStatus saved = status("ada", "running", 42, 1_700_000_000_123L);

    saveStatus(vertx, saved)
        .compose(reply -> {
          assertThat(reply).isEqualTo(new JsonObject());
          return getStatus(vertx, "ada");
        })
        .onComplete(ctx.succeeding(got -> ctx.verify(() -> {
          assertThat(got).isEqualTo(saved);
          assertThat(got.toJson()).isEqualTo(saved.toJson());
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("a newer status replaces the stored one, one with the same last_update too")
  void newerStatusReplaces(Vertx vertx, VertxTestContext ctx) {
    saveStatus(vertx, status("ada", "running", 10, 1_000))
        .compose(first -> saveStatus(vertx, status("ada", "paused", 20, 2_000)))
        .compose(second -> getStatus(vertx, "ada").map(got -> {
          assertThat(got.state()).isEqualTo("paused");
          return got;
        }))
        .compose(got -> saveStatus(vertx, status("ada", "complete", 100, 2_000)))
        .compose(third -> getStatus(vertx, "ada"))
        .onComplete(ctx.succeeding(got -> ctx.verify(() -> {
          assertThat(got).isEqualTo(status("ada", "complete", 100, 2_000));
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("a status older than the stored one is ignored: answered with {}, the newer one stays")
  void olderStatusDoesNotOverwrite(Vertx vertx, VertxTestContext ctx) {
    StreamStatus newer = status("ada", "complete", 100, 5_000);

    saveStatus(vertx, newer)
        .compose(stored -> saveStatus(vertx, status("ada", "running", 50, 4_999)))
        .compose(ignored -> {
          assertThat(ignored).isEmpty();
          return getStatus(vertx, "ada");
        })
        .onComplete(ctx.succeeding(got -> ctx.verify(() -> {
          assertThat(got).isEqualTo(newer);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("statuses of a new visitor saved all at once, out of order, leave the newest stored")
  void racingSavesKeepTheNewest(Vertx vertx, VertxTestContext ctx) {
    List<Future<JsonObject>> saves = IntStream.of(3, 7, 1, 9, 5, 2, 8, 4, 6)
        .mapToObj(i -> saveStatus(vertx, status("ada", "running", i, 1_000L * i))).toList();

    Future.all(saves)
        .compose(all -> getStatus(vertx, "ada"))
        .onComplete(ctx.succeeding(got -> ctx.verify(() -> {
          assertThat(got.lastUpdateMs()).isEqualTo(9_000L);
          assertThat(got.streamed()).isEqualTo(9L);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("the status of a visitor never seen fails with 404 naming the visitor")
  void unknownVisitorIsNotFound(Vertx vertx, VertxTestContext ctx) {
    getStatus(vertx, "nobody").onComplete(ctx.failing(failure -> ctx.verify(() -> {
      assertFailure(failure, FailureCodes.NOT_FOUND, "nobody");
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("clear deletes the visitor's status and events, counts the events, and leaves other visitors alone")
  void clearRemovesStatusAndEvents(Vertx vertx, VertxTestContext ctx) {
    Checkpoint afterClear = ctx.checkpoint(3);

    append(vertx, events("ada", "s1", 1, 2, 3))
        .compose(stored -> append(vertx, events("bob", "s2", 1)))
        .compose(stored -> saveStatus(vertx, status("ada", "running", 3, 3_000)))
        .compose(saved -> saveStatus(vertx, status("bob", "running", 1, 1_000)))
        .compose(saved -> clear(vertx, "ada"))
        .onComplete(ctx.succeeding(deleted -> {
          ctx.verify(() -> assertThat(deleted).isEqualTo(3L));
          getStatus(vertx, "ada").onComplete(ctx.failing(failure -> ctx.verify(() -> {
            assertFailure(failure, FailureCodes.NOT_FOUND, "ada");
            afterClear.flag();
          })));
          query(vertx, "ada", 10, 0).onComplete(ctx.succeeding(page -> ctx.verify(() -> {
            assertThat(page).isEmpty();
            afterClear.flag();
          })));
          getStatus(vertx, "bob").compose(bob -> query(vertx, "bob", 10, 0))
              .onComplete(ctx.succeeding(page -> ctx.verify(() -> {
                assertThat(seqs(page)).containsExactly(1L);
                afterClear.flag();
              })));
        }));
  }

  @Test
  @DisplayName("clearing a visitor never seen succeeds with 0 deleted events")
  void clearUnknownVisitor(Vertx vertx, VertxTestContext ctx) {
    clear(vertx, "nobody").onComplete(ctx.succeeding(deleted -> ctx.verify(() -> {
      assertThat(deleted).isZero();
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("after a clear, a re-sent event and a status are stored again")
  void storesAgainAfterClear(Vertx vertx, VertxTestContext ctx) {
    append(vertx, events("ada", "s1", 1))
        .compose(stored -> clear(vertx, "ada"))
        .compose(deleted -> append(vertx, events("ada", "s1", 1)))
        .compose(stored -> {
          assertThat(stored).isEqualTo(1L);
          return saveStatus(vertx, status("ada", "stopped", 1, 1));
        })
        .compose(saved -> getStatus(vertx, "ada"))
        .onComplete(ctx.succeeding(got -> ctx.verify(() -> {
          assertThat(got.state()).isEqualTo("stopped");
          ctx.completeNow();
        })));
  }
}
