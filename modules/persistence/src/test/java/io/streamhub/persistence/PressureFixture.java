package io.streamhub.persistence;

import io.streamhub.contracts.Addresses;
import io.streamhub.contracts.pressure.FrameRecord;
import io.streamhub.contracts.pressure.PressureMatrix;
import io.streamhub.contracts.pressure.SessionRecord;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Arrays;
import java.util.List;
import java.util.stream.LongStream;

/**
 * Requests to the pressure addresses of a deployed {@link PersistenceVerticle}, and the messages they carry. Deploying
 * and failure assertions are {@link ReplayFixture}'s.
 */
final class PressureFixture {

  private PressureFixture() {
  }

  /**
   * Frame {@code frame} of a workout: a {@code size}×{@code size} matrix of integers and doubles, its stats, and nodes
   * on even frames only (they are optional), 250 ms apart.
   */
  static FrameRecord frame(String workoutId, long frame, int size) {
    JsonArray matrix = new JsonArray();
    for (int r = 0; r < size; r++) {
      JsonArray row = new JsonArray();
      for (int c = 0; c < size; c++) {
        long value = (frame + r * 7L + c * 3L) % 50;
        row.add(c % 2 == 0 ? (Object) (int) value : (Object) (value + 0.25));
      }
      matrix.add(row);
    }
    JsonObject stats = new JsonObject().put("sum", 1234.5).put("mean", 4.8223).put("contact_area", size * 3)
        .put("max", new JsonObject().put("value", 49.25).put("row", 1).put("col", 2)).put("delta", (Object) null);
    JsonArray nodes = frame % 2 == 0 ? new JsonArray().add(new JsonObject().put("id", "n1").put("v", 0.5)) : null;
    long timestampMs = 1_700_000_000_000L + 250 * frame;
    return new FrameRecord(workoutId, frame, timestampMs, PressureMatrix.fromRows(matrix), nodes, stats,
        timestampMs + 40);
  }

  /** Frames {@code numbers} of a workout, 4×4. */
  static List<FrameRecord> frames(String workoutId, long... numbers) {
    return Arrays.stream(numbers).mapToObj(n -> frame(workoutId, n, 4)).toList();
  }

  /** The same frames, of a workout {@code owner} owns. */
  static List<FrameRecord> ownedBy(String owner, List<FrameRecord> frames) {
    return frames.stream().map(f -> new FrameRecord(f.workoutId(), f.frame(), f.timestampMs(), f.matrix(), f.nodes(),
        f.stats(), f.receivedAtMs(), owner)).toList();
  }

  /** Frames {@code 1..count} of a workout, {@code size}×{@code size}. */
  static List<FrameRecord> firstFrames(String workoutId, int count, int size) {
    return LongStream.rangeClosed(1, count).mapToObj(n -> frame(workoutId, n, size)).toList();
  }

  static JsonObject batch(List<FrameRecord> frames) {
    JsonArray array = new JsonArray();
    frames.forEach(frame -> array.add(frame.toJson()));
    return new JsonObject().put("frames", array);
  }

  /** Appends and succeeds with the reply's {@code stored}. */
  static Future<Long> append(Vertx vertx, List<FrameRecord> frames) {
    return ReplayFixture.request(vertx, Addresses.PERSISTENCE_PRESSURE_FRAMES_APPEND, batch(frames))
        .map(reply -> reply.getLong("stored"));
  }

  static JsonObject framesQuery(String workoutId, int limit, int offset) {
    return new JsonObject().put("workout_id", workoutId).put("limit", limit).put("offset", offset);
  }

  static Future<List<FrameRecord>> query(Vertx vertx, String workoutId, int limit, int offset) {
    JsonObject body = framesQuery(workoutId, limit, offset);
    return ReplayFixture.request(vertx, Addresses.PERSISTENCE_PRESSURE_FRAMES_QUERY, body)
        .map(reply -> reply.getJsonArray("frames").stream()
            .map(frame -> FrameRecord.fromJson((JsonObject) frame)).toList());
  }

  static List<Long> numbers(List<FrameRecord> frames) {
    return frames.stream().map(FrameRecord::frame).toList();
  }

  /** A session at {@code frameCount} frames, with a summary that shows the count. */
  static SessionRecord session(String workoutId, String status, long frameCount) {
    JsonObject summary = new JsonObject().put("frames", frameCount).put("peak", 49.25)
        .put("mean_of_means", 4.5).put("contact", new JsonObject().put("max_area", 12).put("mean_area", 7.5));
    return new SessionRecord(workoutId, status, frameCount, summary, null, 1_700_000_000_000L,
        1_700_000_000_000L + 250 * frameCount);
  }

  static Future<JsonObject> saveSession(Vertx vertx, SessionRecord session) {
    return ReplayFixture.request(vertx, Addresses.PERSISTENCE_PRESSURE_SESSION_SAVE, session.toJson());
  }

  static Future<SessionRecord> getSession(Vertx vertx, String workoutId) {
    return ReplayFixture.request(vertx, Addresses.PERSISTENCE_PRESSURE_SESSION_GET,
        new JsonObject().put("workout_id", workoutId)).map(SessionRecord::fromJson);
  }
}
