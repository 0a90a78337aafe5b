package io.streamhub.persistence;

import static io.streamhub.persistence.ReplayFixture.assertFailure;
import static io.streamhub.persistence.ReplayFixture.batch;
import static io.streamhub.persistence.ReplayFixture.event;
import static io.streamhub.persistence.ReplayFixture.events;
import static io.streamhub.persistence.ReplayFixture.query;
import static io.streamhub.persistence.ReplayFixture.status;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamhub.contracts.Addresses;
import io.streamhub.contracts.FailureCodes;
import io.streamhub.contracts.replay.StreamEventRecord;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@ExtendWith(VertxExtension.class)
@DisplayName("PersistenceVerticle replay requests with a malformed body")
@Timeout(value = 20, timeUnit = TimeUnit.SECONDS)
class ReplayBadRequestTest {

  @BeforeEach
  void deploy(Vertx vertx, VertxTestContext ctx) {
    ReplayFixture.deploy(vertx, ReplayFixture.inMemory()).onComplete(ctx.succeedingThenComplete());
  }

  /** An append of one valid event and a second one changed by {@code change}. */
  private static JsonObject appendWithSecond(Consumer<JsonObject> change) {
    JsonObject body = batch(events("ada", "s1", 1, 2));
    change.accept(body.getJsonArray("events").getJsonObject(1));
    return body;
  }

  private static JsonObject statusWith(String field, Object value) {
    return status("ada", "running", 1, 1_000).toJson().put(field, value);
  }

  private static JsonObject queryWith(String field, Object value) {
    return new JsonObject().put("visitor_id", "ada").put("limit", 10).put("offset", 0).put(field, value);
  }

  static Stream<Arguments> malformedBodies() {
    String append = Addresses.PERSISTENCE_REPLAY_EVENTS_APPEND;
    String query = Addresses.PERSISTENCE_REPLAY_EVENTS_QUERY;
    String save = Addresses.PERSISTENCE_REPLAY_STATUS_SAVE;
    String get = Addresses.PERSISTENCE_REPLAY_STATUS_GET;
    String clear = Addresses.PERSISTENCE_REPLAY_CLEAR;
    return Stream.of(
        Arguments.of(append, new JsonObject(), "events is required"),
        Arguments.of(append, new JsonObject().put("events", "many"), "events must be an array"),
        Arguments.of(append, new JsonObject().put("events", new JsonArray().add("x")), "events[0] must be a JSON object"),
        Arguments.of(append, appendWithSecond(e -> e.put("stream_id", null)), "events[1].stream_id is required"),
        Arguments.of(append, appendWithSecond(e -> e.put("seq", "2")), "events[1].seq must be an integer"),
        Arguments.of(append, appendWithSecond(e -> e.put("seq", 2.5)), "events[1].seq must be an integer"),
        Arguments.of(append, appendWithSecond(e -> e.put("seq", 0)), "events[1].seq must be >= 1"),
        Arguments.of(append, appendWithSecond(e -> e.put("data", "row")), "events[1].data must be a JSON object"),
        Arguments.of(append, appendWithSecond(e -> e.remove("ts")), "events[1].ts is required"),
        Arguments.of(append, appendWithSecond(e -> e.put("event", 7)), "events[1].event must be a string"),
        Arguments.of(append, appendWithSecond(e -> e.put("visitor_id", "not a visitor!")),
            "events[1].visitor_id may contain only"),
        Arguments.of(query, new JsonObject().put("visitor_id", "ada"), "limit is required"),
        Arguments.of(query, queryWith("limit", "10"), "limit must be an integer"),
        Arguments.of(query, queryWith("limit", 5_000), "limit must be between 1 and 1000"),
        Arguments.of(query, queryWith("offset", -1), "offset must be 0 or more"),
        Arguments.of(query, queryWith("offset", 1L << 40), "offset must be an integer"),
        Arguments.of(query, queryWith("visitor_id", null), "visitor_id is required"),
        Arguments.of(save, statusWith("last_update", null), "last_update is required"),
        Arguments.of(save, statusWith("last_update", "yesterday"), "last_update must be an integer"),
        Arguments.of(save, statusWith("tabs", "two"), "tabs must be an integer"),
        Arguments.of(save, statusWith("is_active", "yes"), "is_active must be a boolean"),
        Arguments.of(save, statusWith("state", 3), "state must be a string"),
        Arguments.of(save, statusWith("visitor_id", ""), "visitor_id must be a non-empty string"),
        Arguments.of(get, new JsonObject(), "visitor_id is required"),
        Arguments.of(get, new JsonObject().put("visitor_id", 42), "visitor_id must be a string"),
        Arguments.of(get, null, "visitor_id is required"),
        Arguments.of(clear, "ada", "body must be a JSON object"),
        Arguments.of(clear, new JsonObject().put("visitor_id", "x".repeat(65)), "visitor_id must be at most 64"));
  }

  @ParameterizedTest(name = "{0} with {1} fails with 400: {2}")
  @MethodSource("malformedBodies")
  @DisplayName("a malformed body fails with 400 and a text naming the field")
  void malformedBodyIsBadRequest(String address, Object body, String expected, Vertx vertx, VertxTestContext ctx) {
    ReplayFixture.request(vertx, address, body).onComplete(ctx.failing(failure -> ctx.verify(() -> {
      assertFailure(failure, FailureCodes.BAD_REQUEST, expected);
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("a batch with a malformed event stores none of its events")
  void malformedBatchStoresNothing(Vertx vertx, VertxTestContext ctx) {
    ReplayFixture.request(vertx, Addresses.PERSISTENCE_REPLAY_EVENTS_APPEND, appendWithSecond(e -> e.put("seq", -3)))
        .onComplete(ctx.failing(failure -> {
          ctx.verify(() -> assertFailure(failure, FailureCodes.BAD_REQUEST, "events[1].seq"));
          query(vertx, "ada", 10, 0).onComplete(ctx.succeeding(page -> ctx.verify(() -> {
            assertThat(page).isEmpty();
            ctx.completeNow();
          })));
        }));
  }

  @Test
  @DisplayName("a batch over the maximum fails with 400 naming events and the maximum, and stores nothing")
  void oversizedBatchIsBadRequest(Vertx vertx, VertxTestContext ctx) {
    int size = Addresses.MAX_EVENTS_PER_APPEND + 1;
    List<StreamEventRecord> tooMany =
        LongStream.rangeClosed(1, size).mapToObj(seq -> event("ada", "s1", seq, seq)).toList();

    ReplayFixture.request(vertx, Addresses.PERSISTENCE_REPLAY_EVENTS_APPEND, batch(tooMany))
        .onComplete(ctx.failing(failure -> {
          ctx.verify(() -> assertFailure(failure, FailureCodes.BAD_REQUEST,
              "events must hold at most " + Addresses.MAX_EVENTS_PER_APPEND + " events, got " + size));
          query(vertx, "ada", 10, 0).onComplete(ctx.succeeding(page -> ctx.verify(() -> {
            assertThat(page).isEmpty();
            ctx.completeNow();
          })));
        }));
  }
}
