package io.streamhub.persistence;

import static io.streamhub.persistence.PressureFixture.saveSession;
import static io.streamhub.persistence.PressureFixture.session;
import static io.streamhub.persistence.ReplayFixture.assertFailure;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamhub.contracts.Addresses;
import io.streamhub.contracts.FailureCodes;
import io.streamhub.contracts.config.ConfigLoader;
import io.streamhub.contracts.config.StreamhubConfig;
import io.streamhub.contracts.pressure.SessionRecord;
import io.streamhub.contracts.pressure.SessionsQuery;
import io.streamhub.contracts.pressure.StoredSessions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Checkpoint;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@ExtendWith(VertxExtension.class)
@DisplayName("PersistenceVerticle lists stored pressure sessions")
@Timeout(value = 20, timeUnit = TimeUnit.SECONDS)
class PressureSessionListTest {

  private EmbeddedStore externalStore;

  @AfterEach
  void closeExternalStore() {
    if (externalStore != null) {
      externalStore.close();
    }
  }

  /** A session of {@code owner} (null: nobody's) last updated at {@code updatedAtMs}. */
  private static SessionRecord stored(String workout, String status, long frames, String owner, long updatedAtMs) {
    SessionRecord s = session(workout, status, frames);
    return new SessionRecord(workout, status, frames, s.summary(), owner, s.createdAtMs(), updatedAtMs);
  }

  private static Future<StoredSessions> list(Vertx vertx, int limit, String viewer) {
    return ReplayFixture.request(vertx, Addresses.PERSISTENCE_PRESSURE_SESSIONS_LIST,
        new SessionsQuery(limit, viewer).toJson()).map(StoredSessions::fromJson);
  }

  private static List<String> ids(StoredSessions sessions) {
    return sessions.sessions().stream().map(StoredSessions.Entry::workoutId).toList();
  }

  private static Future<Void> saveAll(Vertx vertx, SessionRecord... sessions) {
    return Future.all(Stream.of(sessions).map(s -> saveSession(vertx, s)).toList()).mapEmpty();
  }

  @Test
  @DisplayName("sessions come newest-updated first, ties by workout id, cut at the limit, with exactly the four "
      + "listed fields")
  void newestFirstWithinLimit(Vertx vertx, VertxTestContext ctx) {
    ReplayFixture.deploy(vertx, ReplayFixture.inMemory())
        .compose(id -> saveAll(vertx, stored("w-old", SessionRecord.ENDED, 40, null, 1_000),
            stored("w-new", SessionRecord.ACTIVE, 3, null, 5_000), stored("w-b", SessionRecord.ENDED, 7, null, 3_000),
            stored("w-a", SessionRecord.ENDED, 9, null, 3_000)))
        .compose(saved -> ReplayFixture.request(vertx, Addresses.PERSISTENCE_PRESSURE_SESSIONS_LIST,
            new SessionsQuery(3, null).toJson()))
        .onComplete(ctx.succeeding(reply -> ctx.verify(() -> {
          StoredSessions sessions = StoredSessions.fromJson(reply);
          assertThat(ids(sessions)).containsExactly("w-new", "w-a", "w-b");
          assertThat(reply.getJsonArray("sessions").getJsonObject(0)).isEqualTo(new JsonObject()
              .put("workout_id", "w-new").put("status", "active").put("frame_count", 3L).put("updated_at", 5_000L));
          assertThat(sessions.sessions().get(1)).isEqualTo(new StoredSessions.Entry("w-a", "ended", 9, 3_000));
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("an anonymous caller sees only workouts of nobody; a user sees its own and those of nobody, never "
      + "another user's")
  void filteredByOwner(Vertx vertx, VertxTestContext ctx) {
    Checkpoint listed = ctx.checkpoint(3);
    ReplayFixture.deploy(vertx, ReplayFixture.inMemory())
        .compose(id -> saveAll(vertx, stored("w-open", SessionRecord.ACTIVE, 1, null, 1_000),
            stored("w-alice", SessionRecord.ENDED, 2, "alice", 2_000),
            stored("w-bob", SessionRecord.ENDED, 3, "bob", 3_000)))
        .onComplete(ctx.succeeding(saved -> {
          list(vertx, 10, null).onComplete(ctx.succeeding(s -> ctx.verify(() -> {
            assertThat(ids(s)).containsExactly("w-open");
            listed.flag();
          })));
          list(vertx, 10, "alice").onComplete(ctx.succeeding(s -> ctx.verify(() -> {
            assertThat(ids(s)).containsExactly("w-alice", "w-open");
            listed.flag();
          })));
          list(vertx, 10, "carol").onComplete(ctx.succeeding(s -> ctx.verify(() -> {
            assertThat(ids(s)).containsExactly("w-open");
            listed.flag();
          })));
        }));
  }

  @Test
  @DisplayName("an empty store lists no session")
  void emptyStore(Vertx vertx, VertxTestContext ctx) {
    ReplayFixture.deploy(vertx, ReplayFixture.inMemory())
        .compose(id -> list(vertx, 100, null))
        .onComplete(ctx.succeeding(s -> ctx.verify(() -> {
          assertThat(s.sessions()).isEmpty();
          ctx.completeNow();
        })));
  }

  static Stream<Arguments> malformedQueries() {
    return Stream.of(
        Arguments.of(new JsonObject(), "limit is required"),
        Arguments.of(new JsonObject().put("limit", 0), "limit must be between 1 and 100, got 0"),
        Arguments.of(new JsonObject().put("limit", 101), "limit must be between 1 and 100, got 101"),
        Arguments.of(new JsonObject().put("limit", "20"), "limit must be a whole number"),
        Arguments.of(new JsonObject().put("limit", 2.5), "limit must be a whole number"),
        Arguments.of(new JsonObject().put("limit", 5).put("viewer_sub", 7), "viewer_sub must be a string"),
        Arguments.of(new JsonObject().put("limit", 5).put("viewer_sub", ""), "viewer_sub must be a non-empty string"),
        Arguments.of("limit=5", "body must be a JSON object"));
  }

  @ParameterizedTest(name = "{0} fails with 400: {1}")
  @MethodSource("malformedQueries")
  @DisplayName("a malformed query fails with 400 naming the field")
  void malformedQueryIsBadRequest(Object body, String message, Vertx vertx, VertxTestContext ctx) {
    ReplayFixture.deploy(vertx, ReplayFixture.inMemory())
        .compose(id -> ReplayFixture.request(vertx, Addresses.PERSISTENCE_PRESSURE_SESSIONS_LIST, body))
        .onComplete(ctx.failing(failure -> ctx.verify(() -> {
          assertFailure(failure, FailureCodes.BAD_REQUEST, message);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("when the store is gone the list fails with 503 and a reason")
  void storeGoneIsUnavailable(Vertx vertx, VertxTestContext ctx) {
    externalStore = EmbeddedStore.start("127.0.0.1", 0, "");
    String connectionString = externalStore.connectionString() + "/?serverSelectionTimeoutMS=500";
    StreamhubConfig config = ConfigLoader.withOverrides(
        new JsonObject().put("mongo", new JsonObject().put("connection_string", connectionString)));
    ReplayFixture.deploy(vertx, config)
        .compose(id -> vertx.executeBlocking(() -> {
          externalStore.close();
          return null;
        }))
        .compose(closed -> list(vertx, 20, null))
        .onComplete(ctx.failing(failure -> ctx.verify(() -> {
          assertFailure(failure, FailureCodes.UNAVAILABLE, "store failed to list sessions: ");
          ctx.completeNow();
        })));
  }
}
