package io.streamhub.tools;

import io.vertx.core.json.JsonObject;
import java.util.Map;

/**
 * What {@code bench replay} reads from the node's {@code /metrics}; NaN for a meter the node did not expose.
 *
 * @param latenessP50Ms median server-side emit lateness (actual minus scheduled emit time of a row), milliseconds,
 *     over Micrometer's recent window (about the last two minutes), so it includes the ramp
 * @param latenessP99Ms 99th percentile of the same
 * @param latenessCount rows whose lateness was recorded since the node started
 * @param streamsActive streams the node runs (streams of earlier runs still within the resume grace count too)
 * @param rowsEmitted rows emitted since the node started
 * @param heapUsedBytes heap in use, all heap pools summed, bytes
 * @param error why the metrics could not be read; null when they were
 */
record ReplayServerMetrics(double latenessP50Ms, double latenessP99Ms, double latenessCount, double streamsActive,
    double rowsEmitted, double heapUsedBytes, String error) {

  static final String LATENESS = "streamhub_replay_lateness_ms";

  static ReplayServerMetrics from(PrometheusText text) {
    return new ReplayServerMetrics(text.value(LATENESS, Map.of("quantile", "0.5")),
        text.value(LATENESS, Map.of("quantile", "0.99")), text.value(LATENESS + "_count"),
        text.value("streamhub_replay_streams_active"), text.value("streamhub_replay_rows_emitted_total"),
        text.sum("jvm_memory_used_bytes", Map.of("area", "heap")), null);
  }

  static ReplayServerMetrics unavailable(String error) {
    return new ReplayServerMetrics(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, error);
  }

  JsonObject toJson() {
    JsonObject json = new JsonObject().put("lateness_ms_p50", orNull(latenessP50Ms))
        .put("lateness_ms_p99", orNull(latenessP99Ms)).put("lateness_count", orNull(latenessCount))
        .put("streams_active", orNull(streamsActive)).put("rows_emitted_total", orNull(rowsEmitted))
        .put("heap_used_bytes", orNull(heapUsedBytes));
    return error == null ? json : json.put("error", error);
  }

  /** JSON has no NaN: a missing meter is null. */
  static Object orNull(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return null;
    }
    return value == Math.rint(value) && Math.abs(value) < 1e15 ? (Object) (long) value : (Object) value;
  }
}
