package io.streamhub.persistence;

import static io.streamhub.persistence.ReplayFixture.append;
import static io.streamhub.persistence.ReplayFixture.assertFailure;
import static io.streamhub.persistence.ReplayFixture.events;
import static io.streamhub.persistence.ReplayFixture.getStatus;
import static io.streamhub.persistence.ReplayFixture.query;
import static io.streamhub.persistence.ReplayFixture.saveStatus;
import static io.streamhub.persistence.ReplayFixture.seqs;
import static io.streamhub.persistence.ReplayFixture.status;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamhub.contracts.Addresses;
import io.streamhub.contracts.FailureCodes;
import io.streamhub.contracts.config.ConfigLoader;
import io.streamhub.contracts.config.StreamhubConfig;
import io.streamhub.contracts.replay.StreamStatus;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Checkpoint;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(VertxExtension.class)
@DisplayName("PersistenceVerticle replay storage across restarts and store outages")
@Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
class ReplayDurabilityTest {

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
  @DisplayName("with the H2 store, appended events and the status survive undeploying and redeploying the verticle")
  void survivesRestart(Vertx vertx, VertxTestContext ctx) {
    StreamhubConfig config = ReplayFixture.durable(dataDir.toString());
    StreamStatus saved = status("ada", "detached", 3, 3_000);
    Checkpoint afterRestart = ctx.checkpoint(3);

    ReplayFixture.deploy(vertx, config)
        .compose(id -> append(vertx, events("ada", "s1", 1, 2, 3)).map(stored -> id))
        .compose(id -> saveStatus(vertx, saved).map(ok -> id))
        .compose(vertx::undeploy)
        .compose(undeployed -> ReplayFixture.request(vertx, Addresses.PERSISTENCE_REPLAY_STATUS_GET,
                new JsonObject().put("visitor_id", "ada"))
            .transform(gone -> {
              ctx.verify(() -> {
                assertThat(gone.failed()).as("a request while undeployed").isTrue();
                assertThat(((ReplyException) gone.cause()).failureType()).isEqualTo(ReplyFailure.NO_HANDLERS);
              });
              return ReplayFixture.deploy(vertx, config);
            }))
        .compose(redeployed -> Future.all(
            query(vertx, "ada", 10, 0).onComplete(ctx.succeeding(page -> ctx.verify(() -> {
              assertThat(seqs(page)).containsExactly(3L, 2L, 1L);
              afterRestart.flag();
            }))),
            getStatus(vertx, "ada").onComplete(ctx.succeeding(got -> ctx.verify(() -> {
              assertThat(got).isEqualTo(saved);
              afterRestart.flag();
            })))))
        .compose(read -> append(vertx, events("ada", "s1", 3, 4)))
        .onComplete(ctx.succeeding(stored -> ctx.verify(() -> {
          assertThat(stored).as("a re-sent event after the restart is still a duplicate").isEqualTo(1L);
          afterRestart.flag();
        })));
  }

  @Test
  @DisplayName("when the store is gone, every replay request fails with 503 and a reason")
  void storeGoneIsUnavailable(Vertx vertx, VertxTestContext ctx) {
    externalStore = EmbeddedStore.start("127.0.0.1", 0, "");
    String connectionString = externalStore.connectionString() + "/?serverSelectionTimeoutMS=500";
    StreamhubConfig config = ConfigLoader.withOverrides(
        new JsonObject().put("mongo", new JsonObject().put("connection_string", connectionString)));
    Checkpoint failed = ctx.checkpoint(5);

    ReplayFixture.deploy(vertx, config)
        .compose(id -> vertx.executeBlocking(() -> {
          externalStore.close();
          return null;
        }))
        .onComplete(ctx.succeeding(closed -> {
          append(vertx, events("ada", "s1", 1)).onComplete(ctx.failing(failure -> ctx.verify(() -> {
            assertFailure(failure, FailureCodes.UNAVAILABLE, "store failed to append events: ");
            failed.flag();
          })));
          query(vertx, "ada", 10, 0).onComplete(ctx.failing(failure -> ctx.verify(() -> {
            assertFailure(failure, FailureCodes.UNAVAILABLE, "store failed to query events: ");
            failed.flag();
          })));
          saveStatus(vertx, status("ada", "running", 1, 1)).onComplete(ctx.failing(failure -> ctx.verify(() -> {
            assertFailure(failure, FailureCodes.UNAVAILABLE, "store failed to save status: ");
            failed.flag();
          })));
          getStatus(vertx, "ada").onComplete(ctx.failing(failure -> ctx.verify(() -> {
            assertFailure(failure, FailureCodes.UNAVAILABLE, "store failed to get status: ");
            failed.flag();
          })));
          ReplayFixture.clear(vertx, "ada").onComplete(ctx.failing(failure -> ctx.verify(() -> {
            assertFailure(failure, FailureCodes.UNAVAILABLE, "store failed to clear visitor: ");
            failed.flag();
          })));
        }));
  }
}
