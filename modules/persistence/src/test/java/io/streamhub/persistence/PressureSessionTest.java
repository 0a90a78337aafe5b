package io.streamhub.persistence;

import static io.streamhub.persistence.PressureFixture.getSession;
import static io.streamhub.persistence.PressureFixture.saveSession;
import static io.streamhub.persistence.PressureFixture.session;
import static io.streamhub.persistence.ReplayFixture.assertFailure;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamhub.contracts.Addresses;
import io.streamhub.contracts.FailureCodes;
import io.streamhub.contracts.pressure.SessionRecord;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
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
@DisplayName("PersistenceVerticle pressure sessions")
@Timeout(value = 20, timeUnit = TimeUnit.SECONDS)
class PressureSessionTest {

  @BeforeEach
  void deploy(Vertx vertx, VertxTestContext ctx) {
    ReplayFixture.deploy(vertx, ReplayFixture.inMemory()).onComplete(ctx.succeedingThenComplete());
  }

  @Test
  @DisplayName("a saved session is answered with {} and comes back field for field, a null owner_sub included")
  void savesAndGetsSession(Vertx vertx, VertxTestContext ctx) {
    SessionRecord saved = session("w1", SessionRecord.ACTIVE, 42);

    saveSession(vertx, saved)
        .compose(reply -> {
          assertThat(reply).isEqualTo(new JsonObject());
          return getSession(vertx, "w1");
        })
        .onComplete(ctx.succeeding(got -> ctx.verify(() -> {
          assertThat(got).isEqualTo(saved);
          assertThat(got.toJson()).isEqualTo(saved.toJson());
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("the stored session is answered without the store's _id, and with an owner when it has one")
  void repliesWithoutStoreId(Vertx vertx, VertxTestContext ctx) {
    SessionRecord s = session("w1", SessionRecord.ACTIVE, 3);
    SessionRecord owned = new SessionRecord("w1", s.status(), 3, s.summary(), "user-7", s.createdAtMs(), 9);

    saveSession(vertx, owned)
        .compose(saved -> ReplayFixture.request(vertx, Addresses.PERSISTENCE_PRESSURE_SESSION_GET,
            new JsonObject().put("workout_id", "w1")))
        .onComplete(ctx.succeeding(reply -> ctx.verify(() -> {
          assertThat(reply).isEqualTo(owned.toJson());
          assertThat(reply.containsKey("_id")).isFalse();
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("a session with a higher frame_count replaces the stored one, one with the same frame_count too "
      + "(the session ending)")
  void higherOrEqualFrameCountReplaces(Vertx vertx, VertxTestContext ctx) {
    saveSession(vertx, session("w1", SessionRecord.ACTIVE, 10))
        .compose(first -> saveSession(vertx, session("w1", SessionRecord.ACTIVE, 20)))
        .compose(second -> getSession(vertx, "w1").map(got -> {
          assertThat(got.frameCount()).isEqualTo(20L);
          return got;
        }))
        .compose(got -> saveSession(vertx, session("w1", SessionRecord.ENDED, 20)))
        .compose(third -> getSession(vertx, "w1"))
        .onComplete(ctx.succeeding(got -> ctx.verify(() -> {
          assertThat(got).isEqualTo(session("w1", SessionRecord.ENDED, 20));
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("a session with a lower frame_count than the stored one is ignored: answered with {}, the stored one "
      + "stays")
  void lowerFrameCountIsIgnored(Vertx vertx, VertxTestContext ctx) {
    SessionRecord ended = session("w1", SessionRecord.ENDED, 100);

    saveSession(vertx, ended)
        .compose(stored -> saveSession(vertx, session("w1", SessionRecord.ACTIVE, 99)))
        .compose(ignored -> {
          assertThat(ignored).isEqualTo(new JsonObject());
          return getSession(vertx, "w1");
        })
        .onComplete(ctx.succeeding(got -> ctx.verify(() -> {
          assertThat(got).isEqualTo(ended);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("sessions of a new workout saved all at once, out of order, leave the highest frame_count stored")
  void racingSavesKeepTheHighest(Vertx vertx, VertxTestContext ctx) {
    List<Future<JsonObject>> saves = IntStream.of(3, 7, 1, 9, 5, 2, 8, 4, 6)
        .mapToObj(i -> saveSession(vertx, session("w1", SessionRecord.ACTIVE, i))).toList();

    Future.all(saves)
        .compose(all -> getSession(vertx, "w1"))
        .onComplete(ctx.succeeding(got -> ctx.verify(() -> {
          assertThat(got).isEqualTo(session("w1", SessionRecord.ACTIVE, 9));
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("sessions of two workouts are stored apart")
  void sessionsArePerWorkout(Vertx vertx, VertxTestContext ctx) {
    saveSession(vertx, session("w1", SessionRecord.ACTIVE, 5))
        .compose(first -> saveSession(vertx, session("w2", SessionRecord.ENDED, 1)))
        .compose(second -> getSession(vertx, "w1"))
        .onComplete(ctx.succeeding(got -> ctx.verify(() -> {
          assertThat(got).isEqualTo(session("w1", SessionRecord.ACTIVE, 5));
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("the session of a workout never seen fails with 404 naming the workout")
  void unknownWorkoutIsNotFound(Vertx vertx, VertxTestContext ctx) {
    getSession(vertx, "nobody").onComplete(ctx.failing(failure -> ctx.verify(() -> {
      assertFailure(failure, FailureCodes.NOT_FOUND, "no pressure session stored for workout nobody");
      ctx.completeNow();
    })));
  }
}
