package io.streamhub.persistence;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import io.streamhub.contracts.replay.EventsQuery;
import io.streamhub.contracts.replay.StreamEventRecord;
import io.streamhub.contracts.replay.StreamStatus;
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

/**
 * The stored side of replay streams: the latest status of each visitor's stream ({@value #STREAMS}, one document
 * per visitor, {@code _id} = visitor id, the fields of {@link StreamStatus#toJson()}) and the events the streams
 * emitted ({@value #EVENTS}, documents of {@link StreamEventRecord#toJson()}).
 *
 * <p>Every method returns at once; a failed future carries the store's error. Writes are idempotent: an event whose
 * {@code (stream_id, seq)} is already stored is not stored again, and a status older than the stored one is not
 * stored (see {@link #saveStatus}).
 */
final class ReplayStore {

  static final String STREAMS = "replay_streams";
  static final String EVENTS = "replay_events";

  /** Newest first: the order of {@link #events(EventsQuery)}, and the key of the index that serves it. */
  private static final JsonObject NEWEST_FIRST = new JsonObject().put("ts", -1).put("seq", -1);
  private static final JsonObject WITHOUT_ID = new JsonObject().put("_id", 0);

  private final MongoClient client;
  /** The last status save of each visitor with one in progress; confined to the verticle's event loop. */
  private final Map<String, Future<Boolean>> statusSaves = new HashMap<>();

  ReplayStore(MongoClient client) {
    this.client = client;
  }

  /**
   * Creates the indexes (a no-op for those that exist): events by visitor, newest first, and the unique
   * {@code (stream_id, seq)} that makes re-sent events harmless.
   */
  Future<Void> createIndexes() {
    JsonObject byVisitorNewestFirst = new JsonObject().put("visitor_id", 1).mergeIn(NEWEST_FIRST);
    JsonObject oncePerRow = new JsonObject().put("stream_id", 1).put("seq", 1);
    return Future.all(
            client.createIndexWithOptions(EVENTS, byVisitorNewestFirst, new IndexOptions()),
            client.createIndexWithOptions(EVENTS, oncePerRow, new IndexOptions().unique(true)))
        .mapEmpty();
  }

  /**
   * Stores events, skipping those already stored (same {@code stream_id} and {@code seq}); one such duplicate does
   * not keep the others from being stored. Succeeds with the events that were new, in batch order.
   */
  Future<List<StreamEventRecord>> append(List<StreamEventRecord> events) {
    if (events.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    List<BulkOperation> inserts = new ArrayList<>(events.size());
    events.forEach(event -> inserts.add(BulkOperation.createInsert(event.toJson())));
    return client.bulkWriteWithOptions(EVENTS, inserts, new BulkWriteOptions().setOrdered(false))
        .map(result -> events)
        .recover(failure -> {
          // Unordered: every insert was tried, and each one either went in or has its own write error. The errors'
          // indexes (rather than the reported inserted count, which mongo-java-server overstates) give the new ones.
          if (failure instanceof MongoBulkWriteException bulk && bulk.getWriteConcernError() == null
              && bulk.getWriteErrors().stream().allMatch(error -> isDuplicateKey(error.getCode()))) {
            Set<Integer> duplicates = new HashSet<>();
            bulk.getWriteErrors().forEach(error -> duplicates.add(error.getIndex()));
            List<StreamEventRecord> fresh = new ArrayList<>(events.size());
            for (int i = 0; i < events.size(); i++) {
              if (!duplicates.contains(i)) {
                fresh.add(events.get(i));
              }
            }
            return Future.succeededFuture(fresh);
          }
          return Future.failedFuture(failure);
        });
  }

  /** One page of a visitor's events, newest first ({@code ts} descending, then {@code seq} descending). */
  Future<List<StreamEventRecord>> events(EventsQuery query) {
    FindOptions page = new FindOptions().setSort(NEWEST_FIRST.copy()).setSkip(query.offset()).setLimit(query.limit())
        .setFields(WITHOUT_ID.copy());
    return client.findWithOptions(EVENTS, new JsonObject().put("visitor_id", query.visitorId()), page)
        .map(documents -> documents.stream().map(StreamEventRecord::fromJson).toList());
  }

  /**
   * Stores a visitor's status unless the stored one has a newer {@code last_update} (statuses may arrive out of
   * order from two owners; one with the same {@code last_update} replaces the stored one). Succeeds with whether it
   * was stored.
   *
   * <p>Saves of one visitor are chained on this instance, each a read and a replace by {@code _id} — the only key
   * every store serves from its primary index (the embedded one scans the collection for any filter beyond
   * {@code _id}). Two persistence nodes saving the same visitor within the same few milliseconds could still
   * interleave; the owner of a stream is its only writer, so that takes two owners at once.
   */
  Future<Boolean> saveStatus(StreamStatus status) {
    String visitor = status.visitorId();
    Future<Boolean> previous = statusSaves.getOrDefault(visitor, Future.succeededFuture(true));
    Future<Boolean> next = previous.transform(done -> saveIfNotOlder(status));
    statusSaves.put(visitor, next);
    next.onComplete(done -> statusSaves.remove(visitor, next));
    return next;
  }

  private Future<Boolean> saveIfNotOlder(StreamStatus status) {
    JsonObject byId = new JsonObject().put("_id", status.visitorId());
    return client.findOne(STREAMS, byId, new JsonObject().put("last_update", 1)).compose(stored -> {
      if (stored != null && stored.getLong("last_update", 0L) > status.lastUpdateMs()) {
        return Future.succeededFuture(false);
      }
      JsonObject document = status.toJson().put("_id", status.visitorId());
      return client.replaceDocumentsWithOptions(STREAMS, byId.copy(), document, new UpdateOptions().setUpsert(true))
          .map(true);
    });
  }

  /** The stored status of a visitor, or {@code null} for a visitor never seen (or cleared). */
  Future<StreamStatus> status(String visitorId) {
    return client.findOne(STREAMS, new JsonObject().put("_id", visitorId), WITHOUT_ID.copy())
        .map(document -> document == null ? null : StreamStatus.fromJson(document));
  }

  /** Deletes a visitor's status and events; succeeds with the number of events deleted. */
  Future<Long> clear(String visitorId) {
    return client.removeDocuments(STREAMS, new JsonObject().put("_id", visitorId))
        .compose(statusRemoved -> client.removeDocuments(EVENTS, new JsonObject().put("visitor_id", visitorId)))
        .map(eventsRemoved -> eventsRemoved == null ? 0L : eventsRemoved.getRemovedCount());
  }

  /** MongoDB's duplicate-key codes (11000, and the legacy 11001 and 12582). */
  private static boolean isDuplicateKey(int code) {
    return ErrorCategory.fromErrorCode(code) == ErrorCategory.DUPLICATE_KEY;
  }
}
