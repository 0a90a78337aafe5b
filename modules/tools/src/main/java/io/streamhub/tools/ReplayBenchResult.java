package io.streamhub.tools;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Locale;

/**
 * What a replay benchmark measured, all lanes summed.
 *
 * @param rampSeconds from the first join sent to the last stream started
 * @param joinFailure why the ramp stopped; null when every stream started
 * @param lanes what each event loop counted
 * @param lag client-side receive lag of the rows in the window: receipt time minus the row's {@code ts}
 * @param server what {@code /metrics} said right after the window
 */
record ReplayBenchResult(ReplayBenchOptions options, double rampSeconds, String joinFailure,
    List<ReplayLaneStats> lanes, LatencyHistogram lag, ReplayServerMetrics server) {

  int started() {
    return lanes.stream().mapToInt(ReplayLaneStats::started).sum();
  }

  long rowsInWindow() {
    return lanes.stream().mapToLong(ReplayLaneStats::rowsInWindow).sum();
  }

  double windowSeconds() {
    return lanes.stream().mapToDouble(ReplayLaneStats::windowSeconds).max().orElse(0);
  }

  double rowsPerSecond() {
    return windowSeconds() <= 0 ? 0 : rowsInWindow() / windowSeconds();
  }

  long gaps() {
    return lanes.stream().mapToLong(ReplayLaneStats::gaps).sum();
  }

  long duplicates() {
    return lanes.stream().mapToLong(ReplayLaneStats::duplicates).sum();
  }

  long strays() {
    return lanes.stream().mapToLong(ReplayLaneStats::strays).sum();
  }

  long joinErrors() {
    return lanes.stream().mapToLong(ReplayLaneStats::joinErrors).sum();
  }

  long unexpectedCloses() {
    return lanes.stream().mapToLong(ReplayLaneStats::unexpectedCloses).sum();
  }

  String firstError() {
    return joinFailure != null ? joinFailure
        : lanes.stream().map(ReplayLaneStats::firstError).filter(e -> e != null).findFirst().orElse(null);
  }

  /** Every stream started, no join refused, no connection lost, and every stream's rows arrived gap- and dup-free. */
  boolean clean() {
    return joinFailure == null && started() == options.streams() && joinErrors() == 0 && unexpectedCloses() == 0
        && gaps() == 0 && duplicates() == 0 && strays() == 0;
  }

  String report() {
    long missing = lanes.stream().mapToLong(ReplayLaneStats::missingRows).sum();
    long rejoins = lanes.stream().mapToLong(ReplayLaneStats::rejoins).sum();
    long rowsTotal = lanes.stream().mapToLong(ReplayLaneStats::rowsTotal).sum();
    String error = firstError();
    String window = joinFailure != null ? "not measured: the ramp failed" : String.format(Locale.ROOT,
        "%.1f s after the ramp; a stream that completes is joined again (%d re-joins this run)", windowSeconds(),
        rejoins);
    return String.format(Locale.ROOT, """
        replay: %d streams of %s over %d connection(s) to %s
          ramp          %d of %d started in %.1f s at up to %d joins/s%s
          window        %s
          rows          %d in the window, %.0f rows/s (%d over the whole run)
          contiguity    %d gaps (%d rows missing), %d duplicates or out of order, %d stray rows: %s
          client lag    receipt minus row ts (ms): p50 %.0f  p99 %.0f  max %.0f  (ms clock, same-host clocks assumed)
          server        lateness (ms) p50 %s  p99 %s over %s rows (%s)
                        active streams %s, rows emitted since start %s, heap used %s MiB
          verdict       %s""",
        options.streams(), options.dataset(), options.connections(), options.url(), started(), options.streams(),
        rampSeconds, options.joinRate(), error == null ? "" : "\n  error         " + error, window,
        rowsInWindow(), rowsPerSecond(), rowsTotal, gaps(), missing, duplicates(), strays(),
        gaps() + duplicates() + strays() == 0 ? "contiguous" : "BROKEN", lag.percentileMicros(50) / 1000.0,
        lag.percentileMicros(99) / 1000.0, lag.maxMicros() / 1000.0, fmt(server.latenessP50Ms(), 1),
        fmt(server.latenessP99Ms(), 1), fmt(server.latenessCount(), 0), server.latenessSource(),
        fmt(server.streamsActive(), 0), fmt(server.rowsEmitted(), 0), fmt(server.heapUsedBytes() / (1024 * 1024), 0),
        clean() ? "CLEAN" : "NOT CLEAN")
        + (server.error() == null ? "" : "\n  metrics       unavailable: " + server.error());
  }

  JsonObject toJson() {
    JsonObject json = new JsonObject().put("bench", "replay").put("dataset", options.dataset())
        .put("streams", options.streams()).put("connections", options.connections())
        .put("duration_s", options.durationS()).put("join_rate", options.joinRate())
        .put("ramp_s", round(rampSeconds)).put("started", started()).put("join_errors", joinErrors())
        .put("unexpected_closes", unexpectedCloses()).put("window_s", round(windowSeconds()))
        .put("rows", rowsInWindow()).put("rows_per_s", round(rowsPerSecond()))
        .put("rows_total", lanes.stream().mapToLong(ReplayLaneStats::rowsTotal).sum())
        .put("rejoins", lanes.stream().mapToLong(ReplayLaneStats::rejoins).sum()).put("gaps", gaps())
        .put("missing_rows", lanes.stream().mapToLong(ReplayLaneStats::missingRows).sum())
        .put("duplicates", duplicates())
        .put("strays", strays()).put("lag_ms", new JsonObject().put("p50", lag.percentileMicros(50) / 1000.0)
            .put("p99", lag.percentileMicros(99) / 1000.0).put("max", lag.maxMicros() / 1000.0)
            .put("count", lag.count()))
        .put("server", server.toJson()).put("clean", clean());
    String error = firstError();
    return error == null ? json : json.put("error", error);
  }

  private static double round(double value) {
    return Math.round(value * 100) / 100.0;
  }

  private static String fmt(double value, int decimals) {
    return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%." + decimals + "f", value);
  }
}
