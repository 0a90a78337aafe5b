package io.streamhub.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamhub.contracts.Addresses;
import io.streamhub.contracts.FailureCodes;
import io.streamhub.contracts.dashboard.ActivityItem;
import io.streamhub.contracts.dashboard.DashboardSnapshot;
import io.streamhub.contracts.pressure.SessionRecord;
import io.streamhub.contracts.replay.StreamEventRecord;
import io.streamhub.contracts.replay.StreamStatus;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("PersistenceVerticle dashboard counters and snapshots")
@Timeout(value = 20, timeUnit = TimeUnit.SECONDS)
class DashboardSnapshotTest {

  /** 2023-11-14T22:15:00Z: the frames of {@link PressureFixture} were received the same UTC day, minutes before. */
  static final long NOW = 1_700_000_100_000L;
  static final long WINDOW = 300_000;

  @BeforeEach
  void deploy(Vertx vertx, VertxTestContext ctx) {
    ReplayFixture.deploy(vertx, ReplayFixture.inMemory()).onComplete(ctx.succeedingThenComplete());
  }

  static StreamEventRecord prediction(String user, long seq, double score, boolean fraud, long tsMs) {
    JsonObject data = new JsonObject().put("row", new JsonObject().put("amount", 10)).put("score", score)
        .put("is_fraud", fraud);
    return new StreamEventRecord("v-" + user, "s-" + user, seq, "prediction", data, tsMs, user);
  }

  static Future<DashboardSnapshot> snapshot(Vertx vertx, String user, Long from, Long to) {
    return ReplayFixture.request(vertx, Addresses.PERSISTENCE_DASHBOARD_SNAPSHOT,
        DashboardSnapshot.request(user, NOW, WINDOW, from, to)).map(DashboardSnapshot::fromJson);
  }

  @Test
  @DisplayName("stored predictions of a user's streams are counted once per band, window and day, re-sent ones not again")
  void countsPredictions(Vertx vertx, VertxTestContext ctx) {
    List<StreamEventRecord> batch = List.of(prediction("ada", 1, 0.9, true, NOW - 30_000),
        prediction("ada", 2, 0.6, false, NOW - 20_000), prediction("ada", 3, 0.1, false, NOW - 400_000),
        prediction("bob", 1, 0.95, true, NOW - 10_000),
        new StreamEventRecord("v-ada", "s-anon", 1, "prediction", new JsonObject().put("score", 0.99), NOW, null),
        new StreamEventRecord("v-ada", "s-ada", 4, "monitor_point", new JsonObject().put("temp", 3), NOW, "ada"));
    ReplayFixture.append(vertx, batch)
        .compose(stored -> ReplayFixture.append(vertx, batch.subList(0, 2)))
        .compose(again -> snapshot(vertx, "ada", null, null))
        .onComplete(ctx.succeeding(s -> ctx.verify(() -> {
          assertThat(s.lifetime().predictions()).isEqualTo(3);
          assertThat(s.lifetime().high()).isEqualTo(1);
          assertThat(s.lifetime().medium()).isEqualTo(1);
          assertThat(s.lifetime().low()).isEqualTo(1);
          assertThat(s.lifetime().fraud()).isEqualTo(1);
          assertThat(s.lifetime().scoreSum()).isCloseTo(1.6, org.assertj.core.data.Offset.offset(1e-9));
          assertThat(s.current().predictions()).isEqualTo(2);
          assertThat(s.previous().predictions()).isEqualTo(1);
          assertThat(s.today().predictions()).isEqualTo(3);
          assertThat(s.range()).isNull();
          assertThat(s.recent()).extracting(ActivityItem::tsMs).containsExactly(NOW - 400_000, NOW - 20_000,
              NOW - 30_000);
          assertThat(s.recent().get(0).risk()).isEqualTo("low");
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("a date range sums the user's minutes in it")
  void dateRange(Vertx vertx, VertxTestContext ctx) {
    ReplayFixture.append(vertx, List.of(prediction("cy", 1, 0.9, true, NOW - 3_600_000),
            prediction("cy", 2, 0.2, false, NOW - 60_000), prediction("cy", 3, 0.3, false, NOW)))
        .compose(stored -> snapshot(vertx, "cy", NOW - 7_200_000, NOW - 1_800_000))
        .onComplete(ctx.succeeding(s -> ctx.verify(() -> {
          assertThat(s.range().predictions()).isEqualTo(1);
          assertThat(s.range().high()).isEqualTo(1);
          assertThat(s.lifetime().predictions()).isEqualTo(3);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("owned workouts, their frames today, the peak, activity items and running streams are counted")
  void countsWorkoutsAndFrames(Vertx vertx, VertxTestContext ctx) {
    SessionRecord owned = withOwner(PressureFixture.session("w-ada", SessionRecord.ACTIVE, 0), "ada");
    SessionRecord other = withOwner(PressureFixture.session("w-ada-2", SessionRecord.ACTIVE, 0), "ada");
    StreamStatus running = new StreamStatus("v-ada", "s-ada", "transactions", 10, 2, true, false, 1, 0, "running",
        NOW, "ada");
    PressureFixture.saveSession(vertx, owned)
        .compose(v -> PressureFixture.saveSession(vertx, other))
        .compose(v -> PressureFixture.saveSession(vertx, PressureFixture.session("w-anon", SessionRecord.ACTIVE, 0)))
        .compose(v -> PressureFixture.append(vertx, PressureFixture.ownedBy("ada", PressureFixture.frames("w-ada", 1, 2, 3))))
        .compose(v -> PressureFixture.append(vertx, PressureFixture.ownedBy("ada", PressureFixture.frames("w-ada", 3, 4))))
        .compose(v -> PressureFixture.append(vertx, PressureFixture.frames("w-anon", 1)))
        .compose(v -> PressureFixture.saveSession(vertx,
            withOwner(PressureFixture.session("w-ada-2", SessionRecord.ENDED, 0), "ada")))
        .compose(v -> ReplayFixture.saveStatus(vertx, running))
        .compose(v -> snapshot(vertx, "ada", null, null))
        .onComplete(ctx.succeeding(s -> ctx.verify(() -> {
          assertThat(s.workoutsTotal()).isEqualTo(2);
          assertThat(s.workoutsActive()).isEqualTo(1);
          assertThat(s.activeStreams()).isEqualTo(1);
          assertThat(s.today().frames()).isEqualTo(4);
          assertThat(s.today().avgPressure()).isCloseTo(4.8223, org.assertj.core.data.Offset.offset(1e-9));
          assertThat(s.today().peakPressure()).isEqualTo(49.25);
          assertThat(s.recent()).extracting(ActivityItem::type).containsExactly(ActivityItem.WORKOUT_ENDED,
              ActivityItem.WORKOUT_STARTED, ActivityItem.WORKOUT_STARTED);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("a snapshot request without a user is refused with 400")
  void badRequest(Vertx vertx, VertxTestContext ctx) {
    ReplayFixture.request(vertx, Addresses.PERSISTENCE_DASHBOARD_SNAPSHOT, new JsonObject().put("now", NOW))
        .onComplete(ctx.failing(failure -> ctx.verify(() -> {
          ReplayFixture.assertFailure(failure, FailureCodes.BAD_REQUEST, "user_id");
          ctx.completeNow();
        })));
  }

  private static SessionRecord withOwner(SessionRecord s, String owner) {
    return new SessionRecord(s.workoutId(), s.status(), s.frameCount(), s.summary(), owner, s.createdAtMs(),
        s.updatedAtMs());
  }
}
