package io.streamhub.persistence;

import static io.streamhub.persistence.DashboardCounters.MINUTE_MS;

import io.streamhub.contracts.dashboard.ActivityItem;
import io.streamhub.contracts.dashboard.DashboardSnapshot;
import io.streamhub.contracts.dashboard.UsageTotals;
import io.streamhub.contracts.pressure.SessionRecord;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a {@link DashboardSnapshot} of one user: the counters of {@link DashboardCounters} by {@code _id} (the user,
 * today's day, the minutes of the two trend windows), plus three counts over small collections — the user's running
 * streams ({@code replay_streams}, one document per visitor) and owned workouts ({@code pressure_sessions}, one per
 * workout). A date range sums the user's minute documents in the range (to the minute).
 */
final class DashboardSnapshots {

  /**
   * A snapshot request.
   *
   * @param fromMs start of the date range (inclusive) or {@code null}
   * @param toMs end (exclusive) or {@code null}; a range needs at least one of the two
   */
  record Request(String userId, long nowMs, long trendWindowMs, Long fromMs, Long toMs) {

    Request {
      if (userId == null || userId.isEmpty()) {
        throw new IllegalArgumentException("user_id must be a non-empty string");
      }
      if (trendWindowMs < MINUTE_MS || trendWindowMs % MINUTE_MS != 0) {
        throw new IllegalArgumentException("trend_window_ms must be a positive whole number of minutes");
      }
    }

    static Request fromJson(Object body) {
      if (!(body instanceof JsonObject json)) {
        throw new IllegalArgumentException("body must be a JSON object");
      }
      return new Request(json.getString("user_id"), json.getLong("now", 0L), json.getLong("trend_window_ms", 0L),
          json.getLong("from"), json.getLong("to"));
    }
  }

  private final MongoClient client;

  DashboardSnapshots(MongoClient client) {
    this.client = client;
  }

  Future<DashboardSnapshot> read(Request request) {
    String user = request.userId();
    long nowMinute = DashboardCounters.minuteOf(request.nowMs());
    int perWindow = (int) (request.trendWindowMs() / MINUTE_MS);
    List<String> current = new ArrayList<>();
    List<String> previous = new ArrayList<>();
    for (int i = 0; i < perWindow; i++) {
      current.add(DashboardCounters.minuteKey(user, nowMinute - i * MINUTE_MS));
      previous.add(DashboardCounters.minuteKey(user, nowMinute - (perWindow + i) * MINUTE_MS));
    }
    Future<JsonObject> userDoc = client.findOne(DashboardCounters.USERS, byId(user), null);
    Future<JsonObject> today = client.findOne(DashboardCounters.DAYS,
        byId(DashboardCounters.dayKey(user, request.nowMs())), null);
    Future<UsageTotals> currentTotals = sumByIds(current);
    Future<UsageTotals> previousTotals = sumByIds(previous);
    Future<UsageTotals> range = request.fromMs() == null && request.toMs() == null
        ? Future.succeededFuture(null) : sumRange(request);
    Future<Long> streams = client.count(ReplayStore.STREAMS, new JsonObject().put("user_id", user)
        .put("is_active", true));
    Future<Long> workouts = client.count(PressureStore.SESSIONS, new JsonObject().put("owner_sub", user));
    Future<Long> activeWorkouts = client.count(PressureStore.SESSIONS, new JsonObject().put("owner_sub", user)
        .put("status", SessionRecord.ACTIVE));
    return Future.all(List.of(userDoc, today, currentTotals, previousTotals, range, streams, workouts,
        activeWorkouts)).map(all -> new DashboardSnapshot(user, UsageTotals.fromJson(userDoc.result()),
        range.result(), UsageTotals.fromJson(today.result()), currentTotals.result(), previousTotals.result(),
        recent(userDoc.result()), streams.result(), workouts.result(), activeWorkouts.result()));
  }

  private Future<UsageTotals> sumByIds(List<String> ids) {
    JsonObject filter = new JsonObject().put("_id", new JsonObject().put("$in", new JsonArray(ids)));
    return client.find(DashboardCounters.MINUTES, filter).map(DashboardSnapshots::sum);
  }

  private Future<UsageTotals> sumRange(Request request) {
    JsonObject minute = new JsonObject();
    if (request.fromMs() != null) {
      minute.put("$gte", DashboardCounters.minuteOf(request.fromMs()));
    }
    if (request.toMs() != null) {
      minute.put("$lt", request.toMs());
    }
    JsonObject filter = new JsonObject().put("user_id", request.userId()).put("minute", minute);
    return client.find(DashboardCounters.MINUTES, filter).map(DashboardSnapshots::sum);
  }

  private static UsageTotals sum(List<JsonObject> documents) {
    UsageTotals total = UsageTotals.NONE;
    for (JsonObject document : documents) {
      total = total.plus(UsageTotals.fromJson(document));
    }
    return total;
  }

  /** Newest first. */
  private static List<ActivityItem> recent(JsonObject userDoc) {
    List<ActivityItem> items = new ArrayList<>();
    if (userDoc != null && userDoc.getValue("recent") instanceof JsonArray recent) {
      for (int i = recent.size() - 1; i >= 0; i--) {
        items.add(ActivityItem.fromJson(recent.getJsonObject(i)));
      }
    }
    return items;
  }

  private static JsonObject byId(String id) {
    return new JsonObject().put("_id", id);
  }
}
