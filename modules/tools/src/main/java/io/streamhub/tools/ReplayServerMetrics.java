package io.streamhub.tools;

import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.TreeMap;

/**
 * What {@code bench replay} reads from the node's {@code /metrics}, scraped as the window opens and as it closes;
 * NaN for a meter the node did not expose.
 *
 * @param latenessP50Ms median server-side emit lateness (actual minus scheduled emit time of a row), milliseconds
 * @param latenessP99Ms 99th percentile of the same
 * @param latenessSource where the percentiles come from: the histogram buckets' growth over the window (bucket upper
 *     bounds), or, without buckets, the published percentiles (Micrometer's recent ~2 minutes, ramp included)
 * @param latenessCount rows whose lateness the percentiles cover
 * @param streamsActive streams the node runs (streams of earlier runs still within the resume grace count too)
 * @param rowsEmitted rows emitted since the node started
 * @param heapUsedBytes heap in use, all heap pools summed, bytes
 * @param error why the metrics could not be read; null when they were
 */
record ReplayServerMetrics(double latenessP50Ms, double latenessP99Ms, String latenessSource, double latenessCount,
    double streamsActive, double rowsEmitted, double heapUsedBytes, String error) {

  static final String LATENESS = "streamhub_replay_lateness_ms";

  /**
   * The meters of the scrape after the window, lateness taken over the window when both scrapes have its buckets.
   *
   * @param before the scrape as the window opened; an empty text when it could not be read
   */
  static ReplayServerMetrics from(PrometheusText before, PrometheusText after) {
    TreeMap<Double, Double> buckets = after.buckets(LATENESS);
    Map<Double, Double> start = before.buckets(LATENESS);
    double p50;
    double p99;
    String source;
    double count;
    if (buckets.isEmpty()) {
      p50 = after.value(LATENESS, Map.of("quantile", "0.5"));
      p99 = after.value(LATENESS, Map.of("quantile", "0.99"));
      source = "published percentiles, recent ~2 min incl. ramp";
      count = after.value(LATENESS + "_count");
    } else {
      p50 = PrometheusText.bucketQuantile(start, buckets, 0.5);
      p99 = PrometheusText.bucketQuantile(start, buckets, 0.99);
      source = start.isEmpty() ? "histogram buckets since node start" : "histogram buckets over the window";
      count = buckets.lastEntry().getValue() - start.getOrDefault(Double.POSITIVE_INFINITY, 0.0);
    }
    return new ReplayServerMetrics(p50, p99, source, count, after.value("streamhub_replay_streams_active"),
        after.value("streamhub_replay_rows_emitted_total"), after.sum("jvm_memory_used_bytes", Map.of("area", "heap")),
        null);
  }

  static ReplayServerMetrics unavailable(String error) {
    return new ReplayServerMetrics(Double.NaN, Double.NaN, "none", Double.NaN, Double.NaN, Double.NaN, Double.NaN,
        error);
  }

  JsonObject toJson() {
    JsonObject json = new JsonObject().put("lateness_ms_p50", orNull(latenessP50Ms))
        .put("lateness_ms_p99", orNull(latenessP99Ms)).put("lateness_source", latenessSource)
        .put("lateness_count", orNull(latenessCount)).put("streams_active", orNull(streamsActive))
        .put("rows_emitted_total", orNull(rowsEmitted)).put("heap_used_bytes", orNull(heapUsedBytes));
    return error == null ? json : json.put("error", error);
  }

  /** JSON has no NaN or infinity: a missing meter is null. */
  static Object orNull(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return null;
    }
    return value == Math.rint(value) && Math.abs(value) < 1e15 ? (Object) (long) value : (Object) value;
  }
}
