package io.streamhub.contracts.dashboard;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Objects;

/**
 * What the persistence role stores about one user, read in one request
 * ({@link io.streamhub.contracts.Addresses#PERSISTENCE_DASHBOARD_SNAPSHOT}): the raw material of a dashboard.
 *
 * @param userId the user
 * @param lifetime everything counted for the user
 * @param range what was counted in the requested date range; {@code null} when none was requested
 * @param today what was counted since 00:00 UTC of the request's {@code now}
 * @param current what was counted in the trend window ending at {@code now}
 * @param previous what was counted in the window before it
 * @param recent the newest activity items, newest first (at most {@link ActivityItem#KEPT_PER_USER})
 * @param activeStreams the user's replay streams whose stored status says they still run
 * @param workoutsTotal stored workout sessions the user owns
 * @param workoutsActive of those, the ones whose status is {@code active}
 */
public record DashboardSnapshot(String userId, UsageTotals lifetime, UsageTotals range, UsageTotals today,
    UsageTotals current, UsageTotals previous, List<ActivityItem> recent, long activeStreams, long workoutsTotal,
    long workoutsActive) {

  public DashboardSnapshot {
    Objects.requireNonNull(userId, "user_id");
    recent = List.copyOf(recent);
  }

  /**
   * The request body.
   *
   * @param fromMs start of the date range (inclusive), or {@code null}
   * @param toMs end of the date range (exclusive), or {@code null}
   */
  public static JsonObject request(String userId, long nowMs, long trendWindowMs, Long fromMs, Long toMs) {
    return new JsonObject().put("user_id", userId).put("now", nowMs).put("trend_window_ms", trendWindowMs)
        .put("from", fromMs).put("to", toMs);
  }

  public JsonObject toJson() {
    JsonArray items = new JsonArray();
    recent.forEach(item -> items.add(item.toJson()));
    return new JsonObject().put("user_id", userId).put("lifetime", lifetime.toJson())
        .put("range", range == null ? null : range.toJson()).put("today", today.toJson())
        .put("current", current.toJson()).put("previous", previous.toJson()).put("recent", items)
        .put("active_streams", activeStreams).put("workouts_total", workoutsTotal)
        .put("workouts_active", workoutsActive);
  }

  public static DashboardSnapshot fromJson(JsonObject json) {
    JsonArray items = json.getJsonArray("recent", new JsonArray());
    List<ActivityItem> recent = items.stream().map(item -> ActivityItem.fromJson((JsonObject) item)).toList();
    JsonObject range = json.getJsonObject("range");
    return new DashboardSnapshot(json.getString("user_id"), UsageTotals.fromJson(json.getJsonObject("lifetime")),
        range == null ? null : UsageTotals.fromJson(range), UsageTotals.fromJson(json.getJsonObject("today")),
        UsageTotals.fromJson(json.getJsonObject("current")), UsageTotals.fromJson(json.getJsonObject("previous")),
        recent, json.getLong("active_streams", 0L), json.getLong("workouts_total", 0L),
        json.getLong("workouts_active", 0L));
  }
}
