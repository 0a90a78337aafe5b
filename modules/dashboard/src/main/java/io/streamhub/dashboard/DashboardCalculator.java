package io.streamhub.dashboard;

import io.streamhub.contracts.config.DashboardConfig;
import io.streamhub.contracts.dashboard.ActivityItem;
import io.streamhub.contracts.dashboard.DashboardSnapshot;
import io.streamhub.contracts.dashboard.UsageTotals;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * Turns what is stored about a user ({@link DashboardSnapshot}) into the DashboardData clients receive:
 * {@code {user_id, timestamp, metrics, recent_activity, trends, alerts}}. Pure: the same snapshot, view, settings
 * and time give the same data.
 *
 * <p>Metrics. A prediction is a row with a {@code score} emitted by one of the user's replay streams (a stream
 * started or joined by the user's authenticated connection).
 * <ul>
 *   <li>{@code total_predictions}: predictions counted (all time, or in the view's date range);</li>
 *   <li>{@code avg_score}: their mean score, 4 decimals, 0 without predictions;</li>
 *   <li>{@code high_risk}, {@code medium_risk}, {@code low_risk}: predictions per
 *       {@link io.streamhub.contracts.dashboard.RiskBand} (score at least 0.8; at least 0.5; below);</li>
 *   <li>{@code fraud_flagged}: predictions with {@code is_fraud: true} (score at the dataset's threshold);</li>
 *   <li>{@code active_streams}: the user's streams whose stored status says they still run;</li>
 *   <li>{@code workouts_total}, {@code workouts_active}: stored workout sessions the user owns, and those active;</li>
 *   <li>{@code frames_today}: frames of the user's workouts stored since 00:00 UTC (by the time the node received
 *       them); {@code avg_pressure_today}: the mean of those frames' mean cell pressure; {@code peak_pressure_today}:
 *       their largest cell (4 decimals).</li>
 * </ul>
 * Trends compare the trend window ending now with the one before (see {@link Trend}), per metric:
 * {@code total_predictions}, {@code avg_score}, {@code high_risk}, {@code medium_risk}, {@code low_risk},
 * {@code fraud_flagged}, {@code frames_today} (frames per window), {@code avg_pressure_today} and
 * {@code peak_pressure_today} (per window). Alerts are the conditions that hold now, each
 * {@code {type: critical|warning|info, code, message}}: {@code high_risk_predictions} (critical) and
 * {@code fraud_flagged} (warning) when the current window has any, {@code pressure_peak} (warning) when today's peak
 * reached {@code dashboard.pressure_peak_alert}, {@code workouts_active} (info) while the user has active workouts.
 */
final class DashboardCalculator {

  private DashboardCalculator() {
  }

  static JsonObject compute(DashboardSnapshot s, DashboardView view, DashboardConfig settings, long nowMs) {
    UsageTotals predictions = view.hasRange() && s.range() != null ? s.range() : s.lifetime();
    UsageTotals today = s.today();
    JsonObject metrics = new JsonObject()
        .put("total_predictions", predictions.predictions())
        .put("avg_score", round4(predictions.avgScore()))
        .put("high_risk", predictions.high())
        .put("medium_risk", predictions.medium())
        .put("low_risk", predictions.low())
        .put("fraud_flagged", predictions.fraud())
        .put("active_streams", s.activeStreams())
        .put("workouts_total", s.workoutsTotal())
        .put("workouts_active", s.workoutsActive())
        .put("frames_today", today.frames())
        .put("avg_pressure_today", round4(today.avgPressure()))
        .put("peak_pressure_today", round4(today.peakPressure()));
    JsonArray recent = new JsonArray();
    s.recent().stream().filter(view::shows).limit(settings.recentActivitySize())
        .forEach(item -> recent.add(activityJson(item)));
    return new JsonObject().put("user_id", s.userId()).put("timestamp", Instant.ofEpochMilli(nowMs).toString())
        .put("metrics", metrics).put("recent_activity", recent)
        .put("trends", trends(s.current(), s.previous(), settings.trendTolerancePercent()))
        .put("alerts", alerts(s, settings));
  }

  static JsonObject trends(UsageTotals cur, UsageTotals prev, double tolerance) {
    return new JsonObject()
        .put("total_predictions", Trend.of(cur.predictions(), prev.predictions(), tolerance).wire())
        .put("avg_score", Trend.ofAverage(cur.avgScore(), cur.predictions(), prev.avgScore(), prev.predictions(),
            tolerance).wire())
        .put("high_risk", Trend.of(cur.high(), prev.high(), tolerance).wire())
        .put("medium_risk", Trend.of(cur.medium(), prev.medium(), tolerance).wire())
        .put("low_risk", Trend.of(cur.low(), prev.low(), tolerance).wire())
        .put("fraud_flagged", Trend.of(cur.fraud(), prev.fraud(), tolerance).wire())
        .put("frames_today", Trend.of(cur.frames(), prev.frames(), tolerance).wire())
        .put("avg_pressure_today", Trend.ofAverage(cur.avgPressure(), cur.frames(), prev.avgPressure(),
            prev.frames(), tolerance).wire())
        .put("peak_pressure_today", Trend.ofAverage(cur.peakPressure(), cur.frames(), prev.peakPressure(),
            prev.frames(), tolerance).wire());
  }

  static JsonArray alerts(DashboardSnapshot s, DashboardConfig settings) {
    JsonArray alerts = new JsonArray();
    long minutes = settings.trendWindowMs() / 60_000;
    if (s.current().high() > 0) {
      alerts.add(alert("critical", "high_risk_predictions", s.current().high() + " high-risk prediction(s) in the last "
          + minutes + " min"));
    }
    if (s.current().fraud() > 0) {
      alerts.add(alert("warning", "fraud_flagged", s.current().fraud() + " prediction(s) flagged as fraud in the last "
          + minutes + " min"));
    }
    if (s.today().frames() > 0 && s.today().peakPressure() >= settings.pressurePeakAlert()) {
      alerts.add(alert("warning", "pressure_peak", "today's peak pressure " + round4(s.today().peakPressure())
          + " reached the alert level " + settings.pressurePeakAlert()));
    }
    if (s.workoutsActive() > 0) {
      alerts.add(alert("info", "workouts_active", s.workoutsActive() + " workout(s) in progress"));
    }
    return alerts;
  }

  /**
   * What a push compares: the data without its {@code timestamp}, as a SHA-256 hex digest of its encoding (the
   * fields are always put in the same order, so equal content encodes equally).
   */
  static String digest(JsonObject data) {
    JsonObject content = data.copy();
    content.remove("timestamp");
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(content.encode().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  static JsonObject activityJson(ActivityItem item) {
    return new JsonObject().put("type", item.type()).put("timestamp", Instant.ofEpochMilli(item.tsMs()).toString())
        .put("ref", item.ref()).mergeIn(item.detail());
  }

  private static JsonObject alert(String type, String code, String message) {
    return new JsonObject().put("type", type).put("code", code).put("message", message);
  }

  static double round4(double value) {
    return Math.round(value * 10_000) / 10_000.0;
  }
}
