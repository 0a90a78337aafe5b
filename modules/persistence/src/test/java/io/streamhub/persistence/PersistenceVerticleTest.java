package io.streamhub.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamhub.contracts.Addresses;
import io.streamhub.contracts.FailureCodes;
import io.streamhub.contracts.config.ConfigLoader;
import io.streamhub.contracts.config.StreamhubConfig;
import io.streamhub.contracts.ops.StorePing;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("PersistenceVerticle")
@Timeout(value = 20, timeUnit = TimeUnit.SECONDS)
class PersistenceVerticleTest {

  private EmbeddedStore externalStore;

  @AfterEach
  void closeExternalStore() {
    if (externalStore != null) {
      externalStore.close();
    }
  }

  private static StreamhubConfig config(JsonObject mongo) {
    return ConfigLoader.withOverrides(new JsonObject().put("mongo", mongo));
  }

  private static Future<StorePing> ping(Vertx vertx) {
    return vertx.eventBus().<JsonObject>request(Addresses.PERSISTENCE_STORE_PING, null)
        .map(reply -> StorePing.fromJson(reply.body()));
  }

  @Test
  @DisplayName("deploys on the embedded store by default and answers a store ping with embedded=true and the configured database")
  void answersPingOnEmbeddedStore(Vertx vertx, VertxTestContext ctx) {
    StreamhubConfig config = config(new JsonObject().put("database", "ping_db"));
    assertThat(config.mongo().embedded()).isTrue();

    vertx.deployVerticle(new PersistenceVerticle(config))
        .compose(id -> ping(vertx))
        .onComplete(ctx.succeeding(ping -> ctx.verify(() -> {
          assertThat(ping.embedded()).isTrue();
          assertThat(ping.database()).isEqualTo("ping_db");
          assertThat(ping.roundTripMs()).isNotNegative();
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("fails to deploy, quickly and naming the store, when nothing listens at the connection string")
  void failsToDeployWithoutStore(Vertx vertx, VertxTestContext ctx) {
    int port = TestPorts.freePort();
    String connectionString = "mongodb://127.0.0.1:" + port + "/?serverSelectionTimeoutMS=300";

    vertx.deployVerticle(new PersistenceVerticle(config(new JsonObject().put("connection_string", connectionString))))
        .onComplete(ctx.failing(failure -> ctx.verify(() -> {
          assertThat(failure).hasMessageContaining("MongoDB store at 127.0.0.1:" + port)
              .hasMessageContaining("did not answer ping");
          assertThat(vertx.deploymentIDs()).isEmpty();
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("rejects a connection string that is not a MongoDB URI")
  void rejectsInvalidConnectionString(Vertx vertx, VertxTestContext ctx) {
    vertx.deployVerticle(new PersistenceVerticle(config(new JsonObject().put("connection_string", "http://nope"))))
        .onComplete(ctx.failing(failure -> ctx.verify(() -> {
          assertThat(failure).hasMessageContaining("mongo.connection_string");
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("on an external store answers with embedded=false, and fails with 503 within seconds once the store is gone")
  void reportsExternalStoreGone(Vertx vertx, VertxTestContext ctx) {
    externalStore = EmbeddedStore.start("127.0.0.1", 0, "");
    String connectionString = externalStore.connectionString() + "/?serverSelectionTimeoutMS=1000";
    long[] closedAt = new long[1];

    vertx.deployVerticle(new PersistenceVerticle(config(new JsonObject().put("connection_string", connectionString))))
        .compose(id -> ping(vertx))
        .compose(ping -> {
          assertThat(ping.embedded()).isFalse();
          assertThat(ping.database()).isEqualTo("streamhub");
          return vertx.executeBlocking(() -> {
            externalStore.close();
            return null;
          });
        })
        .compose(closed -> {
          closedAt[0] = System.nanoTime();
          return ping(vertx);
        })
        .onComplete(ctx.failing(failure -> ctx.verify(() -> {
          long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - closedAt[0]);
          assertThat(failure).isInstanceOf(ReplyException.class);
          assertThat(((ReplyException) failure).failureCode()).isEqualTo(FailureCodes.UNAVAILABLE);
          assertThat(failure).hasMessageStartingWith("store did not answer: ");
          assertThat(elapsedMs).isLessThan(StorePinger.PING_TIMEOUT_MS);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("undeploying closes the embedded store it started")
  void undeployClosesEmbeddedStore(Vertx vertx, VertxTestContext ctx) {
    int port = TestPorts.freePort();
    StreamhubConfig config = config(new JsonObject().put("embedded", new JsonObject().put("port", port)));

    vertx.deployVerticle(new PersistenceVerticle(config))
        .compose(vertx::undeploy)
        .compose(undeployed -> vertx.createNetClient().connect(port, "127.0.0.1"))
        .onComplete(ctx.failing(refused -> ctx.completeNow()));
  }
}
