package io.streamhub.contracts.config;

import io.vertx.core.json.JsonObject;

/**
 * Per-user dashboards ({@code dashboard.*}).
 *
 * @param pushIntervalMs how often each online user's dashboard is recomputed (once per interval cluster-wide) and
 *     pushed as {@code dashboard_update} when it changed since the last push. Live.
 * @param trendWindowMs the trend of a metric compares this window (ending now) with the one before it; a whole
 *     number of minutes, because prediction counters are kept per user and minute. Live.
 * @param trendTolerancePercent a change within this many percent of the previous window's value is {@code stable}.
 *     Live.
 * @param highRiskAlertScore a live prediction scoring at or above this raises a {@code critical} {@code system_alert}.
 *     Live.
 * @param pressurePeakAlert a stored frame whose peak cell is at or above this raises a {@code warning}
 *     {@code system_alert} (same unit as the cells). Live.
 * @param recentActivitySize items in {@code recent_activity}, 1..{@value io.streamhub.contracts.dashboard.ActivityItem#KEPT_PER_USER}.
 *     Live.
 * @param presenceExpiryMs an online connection whose presence was not refreshed for this long counts as gone (the
 *     ingress refreshes every {@code auth.ws.presence_refresh_ms}; keep this about three times that). Live.
 * @param maxOnlineUsers users one dashboard node tracks as online; presence of further users is ignored (and
 *     logged) until some leave. Restart-only.
 */
public record DashboardConfig(long pushIntervalMs, long trendWindowMs, double trendTolerancePercent,
    double highRiskAlertScore, double pressurePeakAlert, int recentActivitySize, long presenceExpiryMs,
    int maxOnlineUsers) {

  static DashboardConfig read(ConfigReader r) {
    long push = r.longIn("push_interval_ms", 100, 3_600_000);
    long window = r.longIn("trend_window_ms", 60_000, 86_400_000);
    if (window % 60_000 != 0) {
      throw new ConfigException(r.key("trend_window_ms"), "must be a whole number of minutes (a multiple of 60000), got "
          + window);
    }
    DashboardConfig c = new DashboardConfig(push, window, r.doubleIn("trend_tolerance_percent", 0, 1000),
        r.doubleIn("high_risk_alert_score", 0, 1), r.doubleIn("pressure_peak_alert", 0, 1e12),
        r.intIn("recent_activity_size", 1, io.streamhub.contracts.dashboard.ActivityItem.KEPT_PER_USER),
        r.longIn("presence_expiry_ms", 1_000, 3_600_000), r.intIn("max_online_users", 1, 10_000_000));
    r.rejectUnknown();
    return c;
  }

  JsonObject toJson() {
    return new JsonObject().put("push_interval_ms", pushIntervalMs).put("trend_window_ms", trendWindowMs)
        .put("trend_tolerance_percent", trendTolerancePercent).put("high_risk_alert_score", highRiskAlertScore)
        .put("pressure_peak_alert", pressurePeakAlert).put("recent_activity_size", recentActivitySize)
        .put("presence_expiry_ms", presenceExpiryMs).put("max_online_users", maxOnlineUsers);
  }
}
