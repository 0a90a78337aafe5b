package io.streamhub.persistence;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import io.streamhub.contracts.dashboard.ActivityItem;
import io.streamhub.contracts.pressure.FrameRecord;
import io.streamhub.contracts.pressure.SessionRecord;
import io.streamhub.contracts.pressure.SessionsQuery;
import io.streamhub.contracts.pressure.StoredSessions;
import io.streamhub.contracts.pressure.WorkoutId;
import io.vertx.core.json.JsonArray;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.BulkOperation;
import io.vertx.ext.mongo.BulkWriteOptions;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.IndexOptions;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stored side of pressure workouts: each workout's session ({@value #SESSIONS}, one document per workout,
 * {@code _id} = workout id, the fields of {@link SessionRecord#toJson()}) and its processed frames ({@value #FRAMES},
 * the fields of {@link FrameRecord#toJson()}, {@code _id} = {@code "<workout_id>:<frame>"}, see {@link #frameId}).
 *
 * <p>Every method returns at once; a failed future carries the store's error. Writes are idempotent: a frame whose
 * {@code (workout_id, frame)} is already stored is not stored again (and counts as stored), and a session with a
 * lower {@code frame_count} than the stored one is not stored (see {@link #saveSession}).
 *
 * <p>Every write and point read goes by {@code _id}, the one key every store serves from its primary index (the
 * embedded store scans the collection for any other filter and uses neither non-unique nor descending indexes). The
 * unique {@code (workout_id, frame)} index states the same rule as the frame's {@code _id} for a real MongoDB, where
 * it also serves {@link #frames(FramesQuery)}.
 */
final class PressureStore {

  static final String SESSIONS = "pressure_sessions";
  static final String FRAMES = "pressure_frames";

  /** Newest first: the order of {@link #frames(FramesQuery)}. */
  private static final JsonObject NEWEST_FIRST = new JsonObject().put("frame", -1);
  private static final JsonObject WITHOUT_ID = new JsonObject().put("_id", 0);
  /** Most recently updated first, then by workout id: the order of {@link #sessions(SessionsQuery)}. */
  private static final JsonObject RECENTLY_UPDATED = new JsonObject().put("updated_at", -1).put("_id", 1);
  private static final JsonObject LISTED_FIELDS = new JsonObject().put("_id", 0).put("workout_id", 1)
      .put("status", 1).put("frame_count", 1).put("updated_at", 1);

  private static final Logger LOG = LoggerFactory.getLogger(PressureStore.class);

  private final MongoClient client;
  private final DashboardCounters counters;
  /** The last session save of each workout with one in progress; confined to the verticle's event loop. */
  private final Map<String, Future<Boolean>> sessionSaves = new HashMap<>();

  /** @param counters where a workout's start and end go, as recent activity of its owner */
  PressureStore(MongoClient client, DashboardCounters counters) {
    this.client = client;
    this.counters = counters;
  }

  /**
   * A page of a workout's stored frames, newest first.
   *
   * @param workoutId the workout
   * @param limit frames per page, 1..{@value #MAX_LIMIT}
   * @param offset frames skipped from the newest, 0 or more
   */
  record FramesQuery(String workoutId, int limit, int offset) {

    static final int MAX_LIMIT = 1000;

    FramesQuery {
      WorkoutId.require(workoutId);
      if (limit < 1 || limit > MAX_LIMIT) {
        throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
      }
      if (offset < 0) {
        throw new IllegalArgumentException("offset must be 0 or more, got " + offset);
      }
    }

    static FramesQuery fromJson(JsonObject json) {
      return new FramesQuery(json.getString("workout_id"), json.getInteger("limit", 0), json.getInteger("offset", 0));
    }
  }

  /** The {@code _id} of a stored frame: unique per {@code (workout_id, frame)}; workout ids hold no {@code :}. */
  static String frameId(String workoutId, long frame) {
    return workoutId + ":" + frame;
  }

  /**
   * Creates the unique {@code (workout_id, frame)} index on frames and the {@code (owner_sub, updated_at)} index on
   * sessions, which serves the dashboard's per-owner counts and {@link #sessions(SessionsQuery)} (each a no-op when
   * it exists).
   */
  Future<Void> createIndexes() {
    JsonObject oncePerFrame = new JsonObject().put("workout_id", 1).put("frame", 1);
    JsonObject byOwnerRecent = new JsonObject().put("owner_sub", 1).put("updated_at", -1);
    return Future.all(client.createIndexWithOptions(FRAMES, oncePerFrame, new IndexOptions().unique(true)),
        client.createIndexWithOptions(SESSIONS, byOwnerRecent, new IndexOptions())).mapEmpty();
  }

  /**
   * Stores frames in one unordered bulk insert. A frame already stored (by an earlier request, or earlier in this
   * batch) is refused by the store as a duplicate key and counts as stored; any other error fails the whole call,
   * though some frames may have gone in: the caller re-sends the batch, and those are then duplicates. Succeeds with
   * the frames this call stored (not the duplicates), in batch order; all of the batch is stored by then.
   */
  Future<List<FrameRecord>> append(List<FrameRecord> frames) {
    if (frames.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    List<BulkOperation> inserts = new ArrayList<>(frames.size());
    frames.forEach(frame -> inserts.add(
        BulkOperation.createInsert(frame.toJson().put("_id", frameId(frame.workoutId(), frame.frame())))));
    return client.bulkWriteWithOptions(FRAMES, inserts, new BulkWriteOptions().setOrdered(false))
        .map(result -> frames)
        .recover(failure -> {
          // Unordered: every insert was tried, and each one either went in or has its own write error.
          if (failure instanceof MongoBulkWriteException bulk && bulk.getWriteConcernError() == null
              && bulk.getWriteErrors().stream().allMatch(error -> isDuplicateKey(error.getCode()))) {
            Set<Integer> duplicates = new HashSet<>();
            bulk.getWriteErrors().forEach(error -> duplicates.add(error.getIndex()));
            List<FrameRecord> fresh = new ArrayList<>(frames.size());
            for (int i = 0; i < frames.size(); i++) {
              if (!duplicates.contains(i)) {
                fresh.add(frames.get(i));
              }
            }
            return Future.succeededFuture(fresh);
          }
          return Future.failedFuture(failure);
        });
  }

  /** One page of a workout's frames, newest first ({@code frame} descending), without the store's {@code _id}. */
  Future<List<FrameRecord>> frames(FramesQuery query) {
    FindOptions page = new FindOptions().setSort(NEWEST_FIRST.copy()).setSkip(query.offset()).setLimit(query.limit())
        .setFields(WITHOUT_ID.copy());
    return client.findWithOptions(FRAMES, new JsonObject().put("workout_id", query.workoutId()), page)
        .map(documents -> documents.stream().map(FrameRecord::fromJson).toList());
  }

  /**
   * Stores a workout's session unless the stored one has a higher {@code frame_count} (records may arrive out of
   * order; one with the same {@code frame_count}, e.g. the session ending, replaces the stored one). Succeeds with
   * whether it was stored.
   *
   * <p>Saves of one workout are chained on this instance, each a read and a replace by {@code _id}. Two persistence
   * nodes saving the same workout within the same few milliseconds could still interleave.
   */
  Future<Boolean> saveSession(SessionRecord session) {
    String workout = session.workoutId();
    Future<Boolean> previous = sessionSaves.getOrDefault(workout, Future.succeededFuture(true));
    Future<Boolean> next = previous.transform(done -> saveIfNotLower(session));
    sessionSaves.put(workout, next);
    next.onComplete(done -> sessionSaves.remove(workout, next));
    return next;
  }

  private Future<Boolean> saveIfNotLower(SessionRecord session) {
    JsonObject byId = new JsonObject().put("_id", session.workoutId());
    JsonObject fields = new JsonObject().put("frame_count", 1).put("status", 1);
    return client.findOne(SESSIONS, byId, fields).compose(stored -> {
      if (stored != null && stored.getLong("frame_count", 0L) > session.frameCount()) {
        return Future.succeededFuture(false);
      }
      JsonObject document = session.toJson().put("_id", session.workoutId());
      return client.replaceDocumentsWithOptions(SESSIONS, byId.copy(), document, new UpdateOptions().setUpsert(true))
          .compose(replaced -> recordTransition(stored, session))
          .map(true);
    });
  }

  /**
   * A workout of a user that was first stored ({@code workout_started}) or went from active to ended
   * ({@code workout_ended}) becomes an item of the owner's recent activity. A failure to record it is logged, not
   * passed on: the session itself is stored.
   */
  private Future<Void> recordTransition(JsonObject stored, SessionRecord session) {
    if (session.ownerSub() == null) {
      return Future.succeededFuture();
    }
    String type = null;
    long at = session.updatedAtMs();
    if (stored == null) {
      type = ActivityItem.WORKOUT_STARTED;
      at = session.createdAtMs();
    } else if (SessionRecord.ACTIVE.equals(stored.getString("status")) && SessionRecord.ENDED.equals(session.status())) {
      type = ActivityItem.WORKOUT_ENDED;
    }
    if (type == null) {
      return Future.succeededFuture();
    }
    String kind = type;
    ActivityItem item = new ActivityItem(kind, at, session.workoutId(),
        new JsonObject().put("frame_count", session.frameCount()));
    return counters.recordActivity(session.ownerSub(), item).recover(failure -> {
      LOG.warn("recording {} of workout {} for the dashboard failed: {}", kind, session.workoutId(),
          StorePinger.reason(failure));
      return Future.succeededFuture();
    });
  }


  /** The stored session of a workout, or {@code null} for a workout never seen. */
  Future<SessionRecord> session(String workoutId) {
    return client.findOne(SESSIONS, new JsonObject().put("_id", workoutId), WITHOUT_ID.copy())
        .map(document -> document == null ? null : SessionRecord.fromJson(document));
  }

  /**
   * The stored workouts the query's viewer may open (its own and those of nobody; only those of nobody for an
   * anonymous viewer), most recently updated first. A document that is not a valid session is skipped with a
   * warning rather than failing the whole list.
   */
  Future<StoredSessions> sessions(SessionsQuery query) {
    JsonObject nobodys = new JsonObject().put("owner_sub", (Object) null);
    JsonObject filter = query.viewerSub() == null ? nobodys : new JsonObject().put("$or", new JsonArray()
        .add(new JsonObject().put("owner_sub", query.viewerSub())).add(nobodys));
    FindOptions page = new FindOptions().setSort(RECENTLY_UPDATED.copy()).setLimit(query.limit())
        .setFields(LISTED_FIELDS.copy());
    return client.findWithOptions(SESSIONS, filter, page).map(documents -> {
      List<StoredSessions.Entry> entries = new ArrayList<>(documents.size());
      for (JsonObject document : documents) {
        try {
          entries.add(StoredSessions.Entry.fromJson(document));
        } catch (IllegalArgumentException e) {
          LOG.warn("skipping stored session {} in the list: {}", document.getValue("workout_id"), e.getMessage());
        }
      }
      return new StoredSessions(entries);
    });
  }

  /** MongoDB's duplicate-key codes (11000, and the legacy 11001 and 12582). */
  private static boolean isDuplicateKey(int code) {
    return ErrorCategory.fromErrorCode(code) == ErrorCategory.DUPLICATE_KEY;
  }
}
