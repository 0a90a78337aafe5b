package io.streamhub.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamhub.contracts.Addresses;
import io.streamhub.contracts.FailureCodes;
import io.streamhub.contracts.config.ConfigLoader;
import io.streamhub.contracts.config.StreamhubConfig;
import io.streamhub.contracts.replay.BaselineQuery;
import io.streamhub.contracts.replay.DatasetBaseline;
import io.streamhub.replay.registry.LocalStreamRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("ReplayVerticle answers replay.dataset.baseline.v1")
@Timeout(value = 20, timeUnit = TimeUnit.SECONDS)
class BaselineRequestTest {

  @BeforeEach
  void deploy(Vertx vertx, VertxTestContext ctx) {
    StreamhubConfig config = ConfigLoader.withOverrides(new JsonObject()
        .put("replay", new JsonObject().put("store_events", false)));
    vertx.deployVerticle(new ReplayVerticle(config, new LocalStreamRegistry("node-1"), null))
        .onComplete(ctx.succeedingThenComplete());
  }

  private static Future<JsonObject> baseline(Vertx vertx, JsonObject body) {
    return vertx.eventBus().<JsonObject>request(Addresses.REPLAY_DATASET_BASELINE, body).map(Message::body);
  }

  @Test
  @DisplayName("machine-monitor: the 400 bundled points, the same on a second request")
  void bundled(Vertx vertx, VertxTestContext ctx) {
    JsonObject query = new BaselineQuery("machine-monitor").toJson();
    baseline(vertx, query).compose(first -> baseline(vertx, query).map(second -> {
      assertThat(second).isEqualTo(first);
      return DatasetBaseline.fromJson(first);
    })).onComplete(ctx.succeeding(got -> ctx.verify(() -> {
      assertThat(got.dataset()).isEqualTo("machine-monitor");
      assertThat(got.points()).hasSize(400);
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("404 for an unknown dataset and for one without a baseline, 400 for a malformed body")
  void failures(Vertx vertx, VertxTestContext ctx) {
    Future<Throwable> unknown = failure(vertx, new BaselineQuery("nope").toJson());
    Future<Throwable> none = failure(vertx, new BaselineQuery("transactions").toJson());
    Future<Throwable> bad = failure(vertx, new JsonObject().put("dataset", "a b"));
    Future.all(unknown, none, bad).onComplete(ctx.succeeding(v -> ctx.verify(() -> {
      assertFailure(unknown.result(), FailureCodes.NOT_FOUND, "unknown dataset \"nope\"");
      assertFailure(none.result(), FailureCodes.NOT_FOUND, "has no baseline");
      assertFailure(bad.result(), FailureCodes.BAD_REQUEST, "dataset must be");
      ctx.completeNow();
    })));
  }

  private static Future<Throwable> failure(Vertx vertx, JsonObject body) {
    return baseline(vertx, body).transform(ar -> Future.succeededFuture(ar.cause()));
  }

  private static void assertFailure(Throwable failure, int code, String fragment) {
    assertThat(failure).isInstanceOf(ReplyException.class);
    assertThat(((ReplyException) failure).failureCode()).isEqualTo(code);
    assertThat(failure.getMessage()).contains(fragment);
  }
}
