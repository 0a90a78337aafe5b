package io.streamhub.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamhub.contracts.config.ConfigLoader;
import io.streamhub.contracts.config.DashboardConfig;
import io.streamhub.contracts.dashboard.ActivityItem;
import io.streamhub.contracts.dashboard.DashboardSnapshot;
import io.streamhub.contracts.dashboard.UsageTotals;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Dashboard metrics, trends and alerts")
class DashboardCalculatorTest {

  static final long NOW = 1_763_900_000_000L;
  static final DashboardConfig SETTINGS = ConfigLoader.withOverrides(new JsonObject()).dashboard();

  static UsageTotals predictions(long n, double scoreSum, long high, long medium, long low, long fraud) {
    return new UsageTotals(n, scoreSum, high, medium, low, fraud, 0, 0, 0);
  }

  static UsageTotals frames(long n, double pressureSum, double peak) {
    return new UsageTotals(0, 0, 0, 0, 0, 0, n, pressureSum, peak);
  }

  static ActivityItem prediction(long ts, String risk) {
    return new ActivityItem(ActivityItem.PREDICTION, ts, "s1", new JsonObject().put("visitor_id", "v1")
        .put("seq", ts).put("score", 0.5).put("risk", risk).put("is_fraud", false));
  }

  static DashboardSnapshot snapshot(UsageTotals current, UsageTotals previous, List<ActivityItem> recent) {
    return new DashboardSnapshot("ada", predictions(4, 2.2, 1, 2, 1, 1), predictions(1, 0.9, 1, 0, 0, 1),
        frames(3, 30, 120.5), current, previous, recent, 2, 5, 1);
  }

  @Test
  @DisplayName("metrics come from the lifetime counts, today's frames and the stored counts, rounded to 4 decimals")
  void metrics() {
    JsonObject data = DashboardCalculator.compute(snapshot(UsageTotals.NONE, UsageTotals.NONE, List.of()),
        DashboardView.ALL, SETTINGS, NOW);
    assertThat(data.fieldNames()).containsExactly("user_id", "timestamp", "metrics", "recent_activity", "trends",
        "alerts");
    assertThat(data.getString("timestamp")).isEqualTo("2025-11-23T12:13:20Z");
    assertThat(data.getJsonObject("metrics")).isEqualTo(new JsonObject().put("total_predictions", 4L)
        .put("avg_score", 0.55).put("high_risk", 1L).put("medium_risk", 2L).put("low_risk", 1L)
        .put("fraud_flagged", 1L).put("active_streams", 2L).put("workouts_total", 5L).put("workouts_active", 1L)
        .put("frames_today", 3L).put("avg_pressure_today", 10.0).put("peak_pressure_today", 120.5));
  }

  @Test
  @DisplayName("a date range takes the prediction metrics from the range's counts, and hides activity outside it")
  void dateRange() {
    DashboardView range = DashboardView.ALL.withRange(new JsonObject().put("from", NOW - 1000).put("to", NOW));
    JsonObject data = DashboardCalculator.compute(snapshot(UsageTotals.NONE, UsageTotals.NONE,
        List.of(prediction(NOW - 10, "high"), prediction(NOW - 5000, "low"))), range, SETTINGS, NOW);
    assertThat(data.getJsonObject("metrics").getLong("total_predictions")).isEqualTo(1);
    assertThat(data.getJsonObject("metrics").getDouble("avg_score")).isEqualTo(0.9);
    assertThat(data.getJsonArray("recent_activity")).hasSize(1);
  }

  @Test
  @DisplayName("recent activity is the newest items the filter lets through, at most recent_activity_size")
  void recentActivity() {
    List<ActivityItem> recent = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      recent.add(prediction(NOW - i, i % 2 == 0 ? "high" : "low"));
    }
    recent.add(new ActivityItem(ActivityItem.WORKOUT_STARTED, NOW - 100, "w1", new JsonObject()));
    DashboardSnapshot s = snapshot(UsageTotals.NONE, UsageTotals.NONE, recent);
    JsonArray all = DashboardCalculator.compute(s, DashboardView.ALL, SETTINGS, NOW).getJsonArray("recent_activity");
    assertThat(all).hasSize(10);
    assertThat(all.getJsonObject(0).getString("timestamp")).isEqualTo("2025-11-23T12:13:20Z");
    DashboardView high = DashboardView.ALL.withFilter(new JsonObject().put("risk_levels", new JsonArray().add("high")));
    JsonArray filtered = DashboardCalculator.compute(s, high, SETTINGS, NOW).getJsonArray("recent_activity");
    assertThat(filtered.stream().map(o -> ((JsonObject) o).getString("risk")).toList()).hasSize(10)
        .containsOnly("high");
    DashboardView workouts = DashboardView.ALL.withFilter(new JsonObject().put("activity_types",
        new JsonArray().add("workout_started")));
    assertThat(DashboardCalculator.compute(s, workouts, SETTINGS, NOW).getJsonArray("recent_activity"))
        .singleElement().satisfies(o -> assertThat(((JsonObject) o).getString("ref")).isEqualTo("w1"));
  }

  @Test
  @DisplayName("trends compare the current window with the previous one, within the tolerance stable")
  void trends() {
    JsonObject t = DashboardCalculator.trends(new UsageTotals(10, 9, 5, 5, 0, 0, 100, 1000, 50),
        new UsageTotals(5, 2.5, 5, 0, 3, 2, 104, 1040, 80), 10);
    assertThat(t).isEqualTo(new JsonObject().put("total_predictions", "increasing").put("avg_score", "increasing")
        .put("high_risk", "stable").put("medium_risk", "increasing").put("low_risk", "decreasing")
        .put("fraud_flagged", "decreasing").put("frames_today", "stable").put("avg_pressure_today", "stable")
        .put("peak_pressure_today", "decreasing"));
    JsonObject none = DashboardCalculator.trends(UsageTotals.NONE, predictions(3, 2.7, 3, 0, 0, 0), 10);
    assertThat(none.getString("total_predictions")).isEqualTo("decreasing");
    assertThat(none.getString("avg_score")).as("an average of nothing has no direction").isEqualTo("stable");
  }

  @Test
  @DisplayName("the trend rule: nothing to something increases, changes within the tolerance are stable")
  void trendRule() {
    assertThat(Trend.of(0, 0, 10)).isEqualTo(Trend.STABLE);
    assertThat(Trend.of(1, 0, 10)).isEqualTo(Trend.INCREASING);
    assertThat(Trend.of(110, 100, 10)).isEqualTo(Trend.STABLE);
    assertThat(Trend.of(111, 100, 10)).isEqualTo(Trend.INCREASING);
    assertThat(Trend.of(89, 100, 10)).isEqualTo(Trend.DECREASING);
  }

  @Test
  @DisplayName("alerts name the conditions that hold now: high risk, fraud, a pressure peak, active workouts")
  void alerts() {
    JsonArray alerts = DashboardCalculator.compute(snapshot(predictions(2, 1.8, 2, 0, 0, 1), UsageTotals.NONE,
        List.of()), DashboardView.ALL, SETTINGS, NOW).getJsonArray("alerts");
    assertThat(alerts.stream().map(a -> ((JsonObject) a).getString("code")).toList())
        .containsExactly("high_risk_predictions", "fraud_flagged", "workouts_active");
    assertThat(alerts.getJsonObject(0).getString("type")).isEqualTo("critical");
    DashboardConfig lowPeak = new DashboardConfig(5000, 300_000, 10, 0.8, 100, 10, 30_000, 10);
    assertThat(DashboardCalculator.alerts(snapshot(UsageTotals.NONE, UsageTotals.NONE, List.of()), lowPeak)
        .stream().map(a -> ((JsonObject) a).getString("code")).toList()).contains("pressure_peak");
  }

  @Test
  @DisplayName("the push digest ignores the timestamp and changes with any other content")
  void digest() {
    DashboardSnapshot s = snapshot(UsageTotals.NONE, UsageTotals.NONE, List.of());
    String first = DashboardCalculator.digest(DashboardCalculator.compute(s, DashboardView.ALL, SETTINGS, NOW));
    String later = DashboardCalculator.digest(DashboardCalculator.compute(s, DashboardView.ALL, SETTINGS, NOW + 9));
    assertThat(later).isEqualTo(first);
    DashboardSnapshot more = snapshot(predictions(1, 0.1, 0, 0, 1, 0), UsageTotals.NONE, List.of());
    assertThat(DashboardCalculator.digest(DashboardCalculator.compute(more, DashboardView.ALL, SETTINGS, NOW)))
        .isNotEqualTo(first);
  }

  @Test
  @DisplayName("a view survives its JSON form and refuses unknown risk levels and reversed ranges")
  void views() {
    DashboardView view = DashboardView.ALL.withFilter(new JsonObject().put("risk_levels",
        new JsonArray().add("low").add("high"))).withRange(new JsonObject().put("from", "2025-11-23T00:00:00Z"));
    assertThat(DashboardView.fromJson(view.toJson())).isEqualTo(view);
    assertThat(view.riskLevels()).isEqualTo(Set.of("high", "low"));
    assertThat(view.fromMs()).isEqualTo(1_763_856_000_000L);
    org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() -> DashboardView.ALL
        .withFilter(new JsonObject().put("risk_levels", new JsonArray().add("extreme"))))
        .withMessageContaining("data.risk_levels");
    org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() -> DashboardView.ALL
        .withRange(new JsonObject().put("from", 10).put("to", 5))).withMessageContaining("from must be before to");
  }
}
