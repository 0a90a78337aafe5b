package io.streamhub.persistence;

import static io.streamhub.persistence.PressureFixture.append;
import static io.streamhub.persistence.PressureFixture.frames;
import static io.streamhub.persistence.PressureFixture.getSession;
import static io.streamhub.persistence.PressureFixture.numbers;
import static io.streamhub.persistence.PressureFixture.query;
import static io.streamhub.persistence.PressureFixture.saveSession;
import static io.streamhub.persistence.PressureFixture.session;
import static io.streamhub.persistence.ReplayFixture.assertFailure;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamhub.contracts.Addresses;
import io.streamhub.contracts.FailureCodes;
import io.streamhub.contracts.config.ConfigLoader;
import io.streamhub.contracts.config.StreamhubConfig;
import io.streamhub.contracts.pressure.FrameRecord;
import io.streamhub.contracts.pressure.SessionRecord;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.junit5.Checkpoint;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(VertxExtension.class)
@DisplayName("PersistenceVerticle pressure storage across restarts and store outages")
@Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
class PressureDurabilityTest {

  @TempDir
  Path dataDir;

  private EmbeddedStore externalStore;

  @AfterEach
  void closeExternalStore() {
    if (externalStore != null) {
      externalStore.close();
    }
  }

  @Test
  @DisplayName("with the H2 store, appended frames and the session survive undeploying and redeploying the verticle")
  void survivesRestart(Vertx vertx, VertxTestContext ctx) {
    StreamhubConfig config = ReplayFixture.durable(dataDir.toString());
    List<FrameRecord> sent = frames("w1", 1, 2, 3);
    SessionRecord saved = session("w1", SessionRecord.ACTIVE, 3);
    Checkpoint afterRestart = ctx.checkpoint(3);

    ReplayFixture.deploy(vertx, config)
        .compose(id -> append(vertx, sent).map(stored -> id))
        .compose(id -> saveSession(vertx, saved).map(ok -> id))
        .compose(vertx::undeploy)
        .compose(undeployed -> ReplayFixture.request(vertx, Addresses.PERSISTENCE_PRESSURE_SESSION_GET,
                new JsonObject().put("workout_id", "w1"))
            .transform(gone -> {
              ctx.verify(() -> {
                assertThat(gone.failed()).as("a request while undeployed").isTrue();
                assertThat(((ReplyException) gone.cause()).failureType()).isEqualTo(ReplyFailure.NO_HANDLERS);
              });
              return ReplayFixture.deploy(vertx, config);
            }))
        .onComplete(ctx.succeeding(redeployed -> {
          query(vertx, "w1", 10, 0)
              .compose(page -> {
                assertThat(page).containsExactly(sent.get(2), sent.get(1), sent.get(0));
                return append(vertx, frames("w1", 3, 4));
              })
              .compose(stored -> query(vertx, "w1", 10, 0).map(page -> {
                assertThat(stored).as("a re-sent frame after the restart is acknowledged").isEqualTo(2L);
                return page;
              }))
              .onComplete(ctx.succeeding(page -> ctx.verify(() -> {
                assertThat(numbers(page)).as("and not stored twice").containsExactly(4L, 3L, 2L, 1L);
                afterRestart.flag();
              })));
          getSession(vertx, "w1").onComplete(ctx.succeeding(got -> ctx.verify(() -> {
            assertThat(got).isEqualTo(saved);
            afterRestart.flag();
          })));
          saveSession(vertx, session("w1", SessionRecord.ACTIVE, 2)).compose(ignored -> getSession(vertx, "w1"))
              .onComplete(ctx.succeeding(got -> ctx.verify(() -> {
                assertThat(got).as("a lower frame_count after the restart is still ignored").isEqualTo(saved);
                afterRestart.flag();
              })));
        }));
  }

  @Test
  @DisplayName("when the store is gone, every pressure request fails with 503 and a reason, and no append is "
      + "acknowledged")
  void storeGoneIsUnavailable(Vertx vertx, VertxTestContext ctx) {
    externalStore = EmbeddedStore.start("127.0.0.1", 0, "");
    String connectionString = externalStore.connectionString() + "/?serverSelectionTimeoutMS=500";
    StreamhubConfig config = ConfigLoader.withOverrides(
        new JsonObject().put("mongo", new JsonObject().put("connection_string", connectionString)));
    Checkpoint failed = ctx.checkpoint(4);

    ReplayFixture.deploy(vertx, config)
        .compose(id -> vertx.executeBlocking(() -> {
          externalStore.close();
          return null;
        }))
        .onComplete(ctx.succeeding(closed -> {
          append(vertx, frames("w1", 1, 2)).onComplete(ctx.failing(failure -> ctx.verify(() -> {
            assertFailure(failure, FailureCodes.UNAVAILABLE, "store failed to append frames: ");
            failed.flag();
          })));
          query(vertx, "w1", 10, 0).onComplete(ctx.failing(failure -> ctx.verify(() -> {
            assertFailure(failure, FailureCodes.UNAVAILABLE, "store failed to query frames: ");
            failed.flag();
          })));
          saveSession(vertx, session("w1", SessionRecord.ACTIVE, 1))
              .onComplete(ctx.failing(failure -> ctx.verify(() -> {
                assertFailure(failure, FailureCodes.UNAVAILABLE, "store failed to save session: ");
                failed.flag();
              })));
          getSession(vertx, "w1").onComplete(ctx.failing(failure -> ctx.verify(() -> {
            assertFailure(failure, FailureCodes.UNAVAILABLE, "store failed to get session: ");
            failed.flag();
          })));
        }));
  }

  @Test
  @DisplayName("on an external store, frames are documents keyed \"<workout_id>:<frame>\", sessions are keyed by "
      + "workout_id, and the frames carry the unique (workout_id, frame) index")
  void documentShapesAndIndex(Vertx vertx, VertxTestContext ctx) {
    externalStore = EmbeddedStore.start("127.0.0.1", 0, "");
    StreamhubConfig config = ConfigLoader.withOverrides(new JsonObject()
        .put("mongo", new JsonObject().put("connection_string", externalStore.connectionString())));
    MongoClient direct = MongoClient.create(vertx, MongoClientConfig.of(externalStore.connectionString(), "streamhub"));
    Checkpoint checked = ctx.checkpoint(3);

    ReplayFixture.deploy(vertx, config)
        .compose(id -> append(vertx, frames("w1", 7)))
        .compose(stored -> saveSession(vertx, session("w1", SessionRecord.ACTIVE, 7)))
        .onComplete(ctx.succeeding(saved -> {
          direct.findOne(PressureStore.FRAMES, new JsonObject().put("_id", "w1:7"), null)
              .onComplete(ctx.succeeding(frame -> ctx.verify(() -> {
                assertThat(frame).isEqualTo(frames("w1", 7).get(0).toJson().put("_id", "w1:7"));
                checked.flag();
              })));
          direct.findOne(PressureStore.SESSIONS, new JsonObject().put("_id", "w1"), null)
              .onComplete(ctx.succeeding(stored -> ctx.verify(() -> {
                assertThat(stored).isEqualTo(session("w1", SessionRecord.ACTIVE, 7).toJson().put("_id", "w1"));
                checked.flag();
              })));
          direct.listIndexes(PressureStore.FRAMES).onComplete(ctx.succeeding(indexes -> ctx.verify(() -> {
            JsonObject oncePerFrame = new JsonObject().put("workout_id", 1).put("frame", 1);
            assertThat(indexes.stream().map(JsonObject.class::cast)
                .filter(index -> oncePerFrame.equals(index.getJsonObject("key"))))
                .singleElement().satisfies(index -> assertThat(index.getBoolean("unique")).isTrue());
            checked.flag();
          })));
        }));
  }
}
