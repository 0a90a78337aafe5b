package io.streamhub.persistence;

import static io.streamhub.persistence.PressureFixture.batch;
import static io.streamhub.persistence.PressureFixture.firstFrames;
import static io.streamhub.persistence.PressureFixture.frames;
import static io.streamhub.persistence.PressureFixture.framesQuery;
import static io.streamhub.persistence.PressureFixture.query;
import static io.streamhub.persistence.PressureFixture.session;
import static io.streamhub.persistence.ReplayFixture.assertFailure;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamhub.contracts.Addresses;
import io.streamhub.contracts.FailureCodes;
import io.streamhub.contracts.pressure.SessionRecord;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@ExtendWith(VertxExtension.class)
@DisplayName("PersistenceVerticle pressure requests with a malformed body")
@Timeout(value = 20, timeUnit = TimeUnit.SECONDS)
class PressureBadRequestTest {

  /** A JSON integer that does not fit 64 bits: valid JSON, not storable. */
  private static final BigInteger HUGE = BigInteger.TWO.pow(70);

  @BeforeEach
  void deploy(Vertx vertx, VertxTestContext ctx) {
    ReplayFixture.deploy(vertx, ReplayFixture.inMemory()).onComplete(ctx.succeedingThenComplete());
  }

  /** An append of four valid frames, the fourth ({@code frames[3]}) changed by {@code change}. */
  private static JsonObject appendWithFourth(Consumer<JsonObject> change) {
    JsonObject body = batch(frames("w1", 1, 2, 3, 4));
    change.accept(body.getJsonArray("frames").getJsonObject(3));
    return body;
  }

  private static JsonObject matrix(Object... rows) {
    return appendWithFourth(f -> f.put("matrix", new JsonArray(Arrays.asList(rows))));
  }

  private static JsonArray row(Object... cells) {
    return new JsonArray(Arrays.asList(cells));
  }

  private static JsonObject sessionWith(String field, Object value) {
    return session("w1", SessionRecord.ACTIVE, 3).toJson().put(field, value);
  }

  private static JsonObject queryWith(String field, Object value) {
    return framesQuery("w1", 10, 0).put(field, value);
  }

  static Stream<Arguments> malformedBodies() {
    String append = Addresses.PERSISTENCE_PRESSURE_FRAMES_APPEND;
    String query = Addresses.PERSISTENCE_PRESSURE_FRAMES_QUERY;
    String save = Addresses.PERSISTENCE_PRESSURE_SESSION_SAVE;
    String get = Addresses.PERSISTENCE_PRESSURE_SESSION_GET;
    return Stream.of(
        Arguments.of(append, new JsonObject(), "frames is required"),
        Arguments.of(append, new JsonObject().put("frames", "many"), "frames must be an array"),
        Arguments.of(append, new JsonObject().put("frames", new JsonArray().add(3)), "frames[0] must be a JSON object"),
        Arguments.of(append, appendWithFourth(f -> f.put("matrix", "grid")), "frames[3].matrix must be an array of rows or a packed matrix"),
        Arguments.of(append, appendWithFourth(f -> f.remove("matrix")), "frames[3].matrix is required"),
        Arguments.of(append, matrix(), "frames[3].matrix must have at least one row"),
        Arguments.of(append, matrix(row(1, 2), 5), "frames[3].matrix[1] must be an array"),
        Arguments.of(append, matrix(row()), "frames[3].matrix[0] must not be empty"),
        Arguments.of(append, matrix(row(1, 2), row(3)),
            "frames[3].matrix must be rectangular: row 1 has 1 values, row 0 has 2"),
        Arguments.of(append, matrix(row(1, 2), row(3, "4")), "frames[3].matrix[1][1] must be a number"),
        Arguments.of(append, matrix(row(1, null)), "frames[3].matrix[0][1] must be a number"),
        Arguments.of(append, matrix(row(1.5, HUGE)), "frames[3].matrix[0][1] must be a number (64-bit integer or "
            + "double), got 1180591620717411303424"),
        Arguments.of(append, matrix(row(1.5, -2)), "frames[3].matrix[0][1] must be a finite number of at least 0"),
        Arguments.of(append, appendWithFourth(f -> f.put("matrix", new JsonObject().put("rows", 2).put("cols", 2)
            .put("f64le", new JsonObject().put("$binary", new byte[24])))), "frames[3].matrix of 2x2 needs 4 values, got 3"),
        Arguments.of(append, appendWithFourth(f -> f.put("matrix", new JsonObject().put("rows", 1).put("cols", 1)
            .put("f64le", new JsonObject().put("$binary", new byte[5])))), "frames[3].matrix.f64le must hold whole doubles, got 5 bytes"),
        Arguments.of(append, appendWithFourth(f -> f.put("matrix", new JsonObject().put("rows", "2").put("cols", 1)
            .put("f64le", new JsonObject().put("$binary", new byte[16])))), "frames[3].matrix.rows must be a whole number"),
        Arguments.of(append, appendWithFourth(f -> f.put("frame", 0)), "frames[3].frame must be >= 1"),
        Arguments.of(append, appendWithFourth(f -> f.put("frame", "4")), "frames[3].frame must be an integer"),
        Arguments.of(append, appendWithFourth(f -> f.put("frame", 4.5)), "frames[3].frame must be an integer"),
        Arguments.of(append, appendWithFourth(f -> f.remove("timestamp")), "frames[3].timestamp is required"),
        Arguments.of(append, appendWithFourth(f -> f.put("received_at", "now")),
            "frames[3].received_at must be an integer"),
        Arguments.of(append, appendWithFourth(f -> f.remove("stats")), "frames[3].stats is required"),
        Arguments.of(append, appendWithFourth(f -> f.put("stats", new JsonArray())),
            "frames[3].stats must be a JSON object"),
        Arguments.of(append, appendWithFourth(f -> f.getJsonObject("stats").getJsonObject("max").put("value", HUGE)),
            "frames[3].stats.max.value cannot be stored"),
        Arguments.of(append, appendWithFourth(f -> f.put("nodes", "n1")), "frames[3].nodes must be an array"),
        Arguments.of(append,
            appendWithFourth(f -> f.put("nodes", new JsonArray().add(new JsonObject().put("v", HUGE)))),
            "frames[3].nodes[0].v cannot be stored"),
        Arguments.of(append, appendWithFourth(f -> f.put("workout_id", 4)), "frames[3].workout_id must be a string"),
        Arguments.of(append, appendWithFourth(f -> f.put("workout_id", "w:1")),
            "frames[3].workout_id may contain only"),
        Arguments.of(query, new JsonObject().put("workout_id", "w1"), "limit is required"),
        Arguments.of(query, queryWith("limit", 0), "limit must be between 1 and 1000"),
        Arguments.of(query, queryWith("limit", 1_001), "limit must be between 1 and 1000"),
        Arguments.of(query, queryWith("limit", "10"), "limit must be an integer"),
        Arguments.of(query, queryWith("offset", -1), "offset must be 0 or more"),
        Arguments.of(query, queryWith("offset", 1L << 40), "offset must be an integer"),
        Arguments.of(query, queryWith("workout_id", null), "workout_id is required"),
        Arguments.of(query, queryWith("workout_id", "x".repeat(65)), "workout_id must be at most 64"),
        Arguments.of(save, sessionWith("status", null), "status is required"),
        Arguments.of(save, sessionWith("status", "paused"), "status must be active or ended"),
        Arguments.of(save, sessionWith("frame_count", null), "frame_count is required"),
        Arguments.of(save, sessionWith("frame_count", "3"), "frame_count must be an integer"),
        Arguments.of(save, sessionWith("frame_count", -1), "frame_count must be 0 or more"),
        Arguments.of(save, sessionWith("summary", null), "summary is required"),
        Arguments.of(save, sessionWith("summary", "fine"), "summary must be a JSON object"),
        Arguments.of(save, sessionWith("summary", new JsonObject().put("peak", HUGE)), "summary.peak cannot be stored"),
        Arguments.of(save, sessionWith("owner_sub", 7), "owner_sub must be a string"),
        Arguments.of(save, sessionWith("created_at", "today"), "created_at must be an integer"),
        Arguments.of(save, sessionWith("workout_id", ""), "workout_id must be a non-empty string"),
        Arguments.of(get, new JsonObject(), "workout_id is required"),
        Arguments.of(get, null, "workout_id is required"),
        Arguments.of(get, "w1", "body must be a JSON object"),
        Arguments.of(get, new JsonObject().put("workout_id", 42), "workout_id must be a string"),
        Arguments.of(get, new JsonObject().put("workout_id", "w 1"), "workout_id may contain only"));
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
  @DisplayName("a batch with a malformed frame stores none of its frames")
  void malformedBatchStoresNothing(Vertx vertx, VertxTestContext ctx) {
    JsonObject body = appendWithFourth(f -> f.put("frame", -3));

    ReplayFixture.request(vertx, Addresses.PERSISTENCE_PRESSURE_FRAMES_APPEND, body)
        .onComplete(ctx.failing(failure -> {
          ctx.verify(() -> assertFailure(failure, FailureCodes.BAD_REQUEST, "frames[3].frame"));
          query(vertx, "w1", 10, 0).onComplete(ctx.succeeding(page -> ctx.verify(() -> {
            assertThat(page).isEmpty();
            ctx.completeNow();
          })));
        }));
  }

  @Test
  @DisplayName("a batch over the maximum fails with 400 naming frames and the maximum, and stores nothing")
  void oversizedBatchIsBadRequest(Vertx vertx, VertxTestContext ctx) {
    int size = Addresses.MAX_FRAMES_PER_APPEND + 1;

    ReplayFixture.request(vertx, Addresses.PERSISTENCE_PRESSURE_FRAMES_APPEND, batch(firstFrames("w1", size, 1)))
        .onComplete(ctx.failing(failure -> {
          ctx.verify(() -> assertFailure(failure, FailureCodes.BAD_REQUEST,
              "frames must hold at most " + Addresses.MAX_FRAMES_PER_APPEND + " frames, got " + size));
          query(vertx, "w1", 10, 0).onComplete(ctx.succeeding(page -> ctx.verify(() -> {
            assertThat(page).isEmpty();
            ctx.completeNow();
          })));
        }));
  }
}
