package io.streamhub.stats;

import io.streamhub.contracts.Addresses;
import io.streamhub.contracts.FailureCodes;
import io.streamhub.contracts.pressure.SessionRecord;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * Rebuilds a session the cluster no longer holds (every node restarted) from the store: the last saved session
 * record, then every stored frame after it, so the count continues exactly where the stored frames end — a new
 * frame never reuses a number already stored.
 *
 * <p>A workout with no stored record is new: its record is stored (and acknowledged) before the session starts, so
 * every workout that has stored frames has a stored record, and a new workout costs one read by {@code _id} instead
 * of a search through the frames (which the embedded store answers by scanning the whole collection).
 */
final class SessionRestore {

  private static final int PAGE = 1000;

  private final Vertx vertx;

  SessionRestore(Vertx vertx) {
    this.vertx = vertx;
  }

  /**
   * A session as the store knew it.
   *
   * @param stats its statistics, caught up with the stored frames
   * @param ownerSub the user it belongs to; null: nobody's
   */
  record Restored(SessionStats stats, String ownerSub) {
  }

  /** The stored session, or a new one belonging to {@code userId} (null: to nobody), stored first. */
  Future<Restored> restore(String workoutId, String userId) {
    return storedRecord(workoutId).compose(stored -> stored == null ? storeNew(workoutId, userId)
        : catchUp(workoutId, SessionStats.fromJson(stored.summary()))
            .map(stats -> new Restored(stats, stored.ownerSub())));
  }

  /** The stored record, or null when the workout has none. */
  private Future<SessionRecord> storedRecord(String workoutId) {
    return vertx.eventBus().<JsonObject>request(Addresses.PERSISTENCE_PRESSURE_SESSION_GET,
            new JsonObject().put("workout_id", workoutId))
        .map(reply -> SessionRecord.fromJson(reply.body()))
        .recover(e -> e instanceof ReplyException re && re.failureCode() == FailureCodes.NOT_FOUND
            ? Future.succeededFuture() : Future.failedFuture(e));
  }

  private Future<Restored> storeNew(String workoutId, String userId) {
    SessionStats empty = new SessionStats();
    long now = System.currentTimeMillis();
    SessionRecord record = new SessionRecord(workoutId, SessionRecord.ACTIVE, 0, empty.toJson(), userId, now, now);
    return vertx.eventBus().request(Addresses.PERSISTENCE_PRESSURE_SESSION_SAVE, record.toJson())
        .map(stored -> new Restored(empty, userId));
  }

  /** Adds the stored frames newer than the record, oldest first, reading newest-first pages until it reaches them. */
  private Future<SessionStats> catchUp(String workoutId, SessionStats stats) {
    return newerFrames(workoutId, stats.frameCount(), 0, new ArrayList<>()).map(newer -> {
      for (int i = newer.size() - 1; i >= 0; i--) {
        JsonObject frame = newer.get(i);
        JsonObject s = frame.getJsonObject("stats");
        stats.add(s.getJsonObject("max").getDouble("value"), s.getDouble("mean"), s.getInteger("contact_area"),
            frame.getLong("timestamp"));
      }
      return stats;
    });
  }

  private Future<List<JsonObject>> newerFrames(String workoutId, long after, int offset, List<JsonObject> found) {
    return vertx.eventBus().<JsonObject>request(Addresses.PERSISTENCE_PRESSURE_FRAMES_QUERY, new JsonObject()
            .put("workout_id", workoutId).put("limit", PAGE).put("offset", offset))
        .compose(reply -> {
          JsonArray page = reply.body().getJsonArray("frames");
          for (int i = 0; i < page.size(); i++) {
            JsonObject frame = page.getJsonObject(i);
            if (frame.getLong("frame") <= after) {
              return Future.succeededFuture(found);
            }
            found.add(frame);
          }
          return page.size() < PAGE ? Future.succeededFuture(found)
              : newerFrames(workoutId, after, offset + PAGE, found);
        });
  }
}
