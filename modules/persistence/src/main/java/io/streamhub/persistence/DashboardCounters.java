package io.streamhub.persistence;

import io.streamhub.contracts.dashboard.ActivityItem;
import io.streamhub.contracts.dashboard.PredictionEvent;
import io.streamhub.contracts.dashboard.RiskBand;
import io.streamhub.contracts.dashboard.UsageTotals;
import io.streamhub.contracts.pressure.FrameRecord;
import io.streamhub.contracts.replay.StreamEventRecord;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.BulkOperation;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The counters behind the dashboards, maintained as data is stored so that a dashboard never scans the big
 * collections ({@code replay_events}, {@code pressure_frames}):
 * <ul>
 *   <li>{@value #USERS}: one document per user ({@code _id} = user): lifetime {@link UsageTotals} fields and
 *       {@code recent}, the newest {@link ActivityItem#KEPT_PER_USER} activity items, oldest first;</li>
 *   <li>{@value #DAYS}: one per user and UTC day ({@code _id} = {@code <user>:<yyyy-mm-dd>});</li>
 *   <li>{@value #MINUTES}: one per user and minute with activity ({@code _id} = {@code <user>:<minute epoch ms>},
 *       fields {@code user_id}, {@code minute}), for trends and date ranges.</li>
 * </ul>
 * Only what was newly stored is counted (the stores report which events and frames were not duplicates), so a
 * re-sent batch never counts twice. Every update is an upsert of {@code $inc} (and {@code $max} for the peak) by
 * {@code _id}, sent in one unordered bulk write per collection.
 */
final class DashboardCounters {

  static final String USERS = "dashboard_users";
  static final String DAYS = "dashboard_days";
  static final String MINUTES = "dashboard_minutes";
  static final long MINUTE_MS = 60_000;

  private final MongoClient client;

  DashboardCounters(MongoClient client) {
    this.client = client;
  }

  static String dayKey(String user, long tsMs) {
    return user + ":" + Instant.ofEpochMilli(tsMs).atZone(ZoneOffset.UTC).toLocalDate();
  }

  static String minuteKey(String user, long minuteMs) {
    return user + ":" + minuteMs;
  }

  static long minuteOf(long tsMs) {
    return Math.floorDiv(tsMs, MINUTE_MS) * MINUTE_MS;
  }

  /** Counts the newly stored events that are predictions of a user's stream. */
  Future<Void> countPredictions(List<StreamEventRecord> stored) {
    Grouped grouped = new Grouped();
    Map<String, List<ActivityItem>> items = new LinkedHashMap<>();
    for (StreamEventRecord event : stored) {
      PredictionEvent p = PredictionEvent.ofRow(event.userId(), event.visitorId(), event.streamId(), event.seq(),
          event.data(), event.tsMs());
      if (p != null) {
        UsageTotals one = new UsageTotals(1, p.score(), p.risk() == RiskBand.HIGH
            ? 1 : 0, p.risk() == RiskBand.MEDIUM ? 1 : 0,
            p.risk() == RiskBand.LOW ? 1 : 0, p.fraud() ? 1 : 0, 0, 0, 0);
        grouped.add(p.userId(), p.tsMs(), one);
        items.computeIfAbsent(p.userId(), u -> new ArrayList<>()).add(p.activity());
      }
    }
    return grouped.write(items);
  }

  /** Counts newly stored frames of a workout the user owns, by the time the node received them. */
  Future<Void> countFrames(String owner, List<FrameRecord> stored) {
    Grouped grouped = new Grouped();
    for (FrameRecord frame : stored) {
      grouped.add(owner, frame.receivedAtMs(), new UsageTotals(0, 0, 0, 0, 0, 0, 1, mean(frame), peak(frame)));
    }
    return grouped.write(Map.of());
  }

  /** Appends one item to the user's recent activity. */
  Future<Void> recordActivity(String user, ActivityItem item) {
    return client.updateCollectionWithOptions(USERS, new JsonObject().put("_id", user),
            new JsonObject().put("$push", recentPush(List.of(item))), new UpdateOptions(true))
        .mapEmpty();
  }

  /** The mean cell pressure of a frame ({@code stats.mean}). */
  static double mean(FrameRecord frame) {
    return frame.stats().getValue("mean") instanceof Number n ? n.doubleValue() : 0;
  }

  /** The largest cell of a frame ({@code stats.max.value}). */
  static double peak(FrameRecord frame) {
    JsonObject max = frame.stats().getJsonObject("max");
    return max != null && max.getValue("value") instanceof Number n ? n.doubleValue() : 0;
  }

  private static JsonObject recentPush(List<ActivityItem> items) {
    JsonArray each = new JsonArray();
    items.forEach(item -> each.add(item.toJson()));
    return new JsonObject().put("recent", new JsonObject().put("$each", each)
        .put("$slice", -ActivityItem.KEPT_PER_USER));
  }

  /** Totals summed in memory per document before one bulk write per collection. */
  private final class Grouped {

    private final Map<String, UsageTotals> users = new LinkedHashMap<>();
    private final Map<String, UsageTotals> days = new LinkedHashMap<>();
    private final Map<String, UsageTotals> minutes = new LinkedHashMap<>();
    private final Map<String, JsonObject> minuteFields = new LinkedHashMap<>();

    void add(String user, long tsMs, UsageTotals one) {
      users.merge(user, one, UsageTotals::plus);
      days.merge(dayKey(user, tsMs), one, UsageTotals::plus);
      long minute = minuteOf(tsMs);
      String key = minuteKey(user, minute);
      minutes.merge(key, one, UsageTotals::plus);
      minuteFields.putIfAbsent(key, new JsonObject().put("user_id", user).put("minute", minute));
    }

    Future<Void> write(Map<String, List<ActivityItem>> items) {
      if (users.isEmpty()) {
        return Future.succeededFuture();
      }
      List<BulkOperation> userOps = new ArrayList<>();
      users.forEach((user, totals) -> {
        JsonObject update = increments(totals);
        List<ActivityItem> recent = items.getOrDefault(user, List.of());
        if (!recent.isEmpty()) {
          update.put("$push", recentPush(recent));
        }
        userOps.add(upsert(user, update));
      });
      List<BulkOperation> dayOps = new ArrayList<>();
      days.forEach((key, totals) -> dayOps.add(upsert(key, increments(totals))));
      List<BulkOperation> minuteOps = new ArrayList<>();
      minutes.forEach((key, totals) -> minuteOps.add(upsert(key,
          increments(totals).put("$set", minuteFields.get(key)))));
      return Future.all(client.bulkWrite(USERS, userOps), client.bulkWrite(DAYS, dayOps),
          client.bulkWrite(MINUTES, minuteOps)).mapEmpty();
    }

    private BulkOperation upsert(String id, JsonObject update) {
      return BulkOperation.createUpdate(new JsonObject().put("_id", id), update, true, false);
    }

    private JsonObject increments(UsageTotals totals) {
      JsonObject inc = totals.toJson();
      inc.remove("peak_pressure");
      return new JsonObject().put("$inc", inc).put("$max", new JsonObject().put("peak_pressure",
          totals.peakPressure()));
    }
  }
}
