package io.streamhub.dashboard;

import io.streamhub.contracts.dashboard.PredictionEvent;
import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * The {@code system_alert} events pushed as things happen, each {@code {type: critical|warning|info, code, message,
 * timestamp}} ({@code timestamp} ISO-8601 UTC):
 * <ul>
 *   <li>{@code high_risk_prediction} (critical): a prediction of one of the user's streams scored at least
 *       {@code dashboard.high_risk_alert_score};</li>
 *   <li>{@code pressure_peak} (warning): frames of a workout the user owns were stored with a cell at least
 *       {@code dashboard.pressure_peak_alert};</li>
 *   <li>{@code device_dropped} (warning): a workout the user owns ended because no frame came for
 *       {@code pressure.idle_timeout_ms} — its device dropped out.</li>
 * </ul>
 */
final class LiveAlerts {

  private LiveAlerts() {
  }

  /** The alert for a prediction, or {@code null} below the threshold. */
  static JsonObject forPrediction(PredictionEvent p, double highRiskScore) {
    if (p.score() < highRiskScore) {
      return null;
    }
    return alert("critical", "high_risk_prediction", "High-risk prediction: score "
        + DashboardCalculator.round4(p.score()) + " on stream " + p.streamId() + " (visitor " + p.visitorId()
        + ", row " + p.seq() + ")" + (p.fraud() ? ", flagged as fraud" : ""), p.tsMs());
  }

  /** The alert for stored frames ({@code dashboard.pressure.stored.v1} body), or {@code null} below the threshold. */
  static JsonObject forPressure(JsonObject stored, double peakThreshold) {
    double peak = stored.getDouble("peak_pressure", 0.0);
    if (peak < peakThreshold) {
      return null;
    }
    return alert("warning", "pressure_peak", "Pressure peak " + DashboardCalculator.round4(peak) + " in workout "
        + stored.getString("workout_id") + " (alert level " + peakThreshold + ")", stored.getLong("timestamp", 0L));
  }

  /** The alert for a workout that ended idle ({@code pressure.session.ended.v1}). */
  static JsonObject forDroppedDevice(String workoutId, long frameCount, long nowMs) {
    return alert("warning", "device_dropped", "Device dropped: workout " + workoutId + " ended after " + frameCount
        + " frame(s) with no frame for the idle timeout", nowMs);
  }

  private static JsonObject alert(String type, String code, String message, long tsMs) {
    return new JsonObject().put("type", type).put("code", code).put("message", message)
        .put("timestamp", Instant.ofEpochMilli(tsMs).toString());
  }
}
