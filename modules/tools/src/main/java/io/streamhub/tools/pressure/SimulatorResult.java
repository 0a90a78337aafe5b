package io.streamhub.tools.pressure;

import io.streamhub.tools.LatencyHistogram;
import io.vertx.core.json.JsonObject;
import java.util.Locale;
import java.util.TreeMap;

/**
 * What a simulator run saw.
 *
 * @param joinSeconds from the first connection to the last {@code session_joined}
 * @param sendSeconds how long the devices sent
 * @param settleSeconds from the end of sending until every frame was answered and confirmed stored (or the wait ran
 *     out)
 * @param totals every lane's counts summed
 * @param stored acknowledged frames found by reading them back over HTTP; -1 when not read
 * @param verifyError why reading back failed, or null
 * @param latency acknowledgement latency: from writing a frame to reading its {@code frame_processed}
 */
record SimulatorResult(SimulatorOptions options, double joinSeconds, double sendSeconds, double settleSeconds,
    LaneSnapshot totals, long stored, String verifyError, LatencyHistogram latency) {

  /** Frames offered per second while sending. */
  double offeredPerSecond() {
    return sendSeconds <= 0 ? 0 : totals.sent() / sendSeconds;
  }

  /** Frames acknowledged per second, over the sending time plus the time the last answers took. */
  double ackedPerSecond() {
    double seconds = sendSeconds + settleSeconds;
    return seconds <= 0 ? 0 : totals.acked() / seconds;
  }

  /** Every frame sent was acknowledged and confirmed stored, nothing refused, skipped or closed, store checked. */
  boolean clean() {
    return totals.sent() > 0 && totals.acked() == totals.sent() && totals.persisted() == totals.acked()
        && totals.errorCount() == 0 && totals.skipped() == 0 && totals.closes() == 0 && verifyError == null
        && (options.verify() ? stored == totals.acked() : stored < 0);
  }

  String report() {
    String stores = stored < 0 ? (verifyError == null ? "not read back (--no-verify)" : "read back failed: "
        + verifyError) : String.format(Locale.ROOT, "%,d of %,d acknowledged frames read back from the store",
        stored, totals.acked());
    return String.format(Locale.ROOT, """
        pressure simulator: %d devices x %s Hz of %dx%d frames to %s
          sessions      joined in %.1f s
          sent          %,d frames in %.1f s (%,.0f frames/s offered)%s
          acknowledged  %,d (%,.0f frames/s)
          persisted     %,d confirmed by the node; %s
          errors        %,d%s%s
          unanswered    %,d; %,d acknowledged but not confirmed stored (waited %.1f s after sending)
          ack latency   p50 %.1f ms  p90 %.1f ms  p99 %.1f ms  max %.1f ms  (%,d frames, first %d s left out)
          verdict       %s""",
        options.devices(), fmt(options.rateHz()), options.rows(), options.cols(), options.url(), joinSeconds,
        totals.sent(), sendSeconds, offeredPerSecond(),
        totals.skipped() == 0 ? "" : String.format(Locale.ROOT, "; %,d skipped (client write queue full)",
            totals.skipped()),
        totals.acked(), ackedPerSecond(), totals.persisted(), stores, totals.errorCount(),
        totals.errors().isEmpty() ? "" : " " + totals.errors(),
        totals.firstError() == null ? "" : "\n  first error   " + totals.firstError(), totals.unanswered(),
        totals.unconfirmed(), settleSeconds, ms(50), ms(90), ms(99), latency.maxMicros() / 1000.0, latency.count(),
        options.warmupS(), clean() ? "CLEAN: every frame acknowledged and persisted" : "NOT CLEAN");
  }

  JsonObject toJson() {
    JsonObject json = new JsonObject().put("simulation", "pressure").put("devices", options.devices())
        .put("rate_hz", options.rateHz()).put("rows", options.rows()).put("cols", options.cols())
        .put("duration_s", options.durationS()).put("warmup_s", options.warmupS())
        .put("join_s", round(joinSeconds)).put("send_s", round(sendSeconds)).put("settle_s", round(settleSeconds))
        .put("sent", totals.sent()).put("acked", totals.acked()).put("persisted", totals.persisted())
        .put("stored", stored).put("errors", new JsonObject(new TreeMap<>(totals.errors())))
        .put("skipped", totals.skipped()).put("closes", totals.closes()).put("unanswered", totals.unanswered())
        .put("unconfirmed", totals.unconfirmed()).put("offered_per_s", round(offeredPerSecond()))
        .put("acked_per_s", round(ackedPerSecond()))
        .put("ack_ms", new JsonObject().put("p50", ms(50)).put("p90", ms(90)).put("p99", ms(99))
            .put("max", latency.maxMicros() / 1000.0).put("count", latency.count()))
        .put("clean", clean());
    if (totals.firstError() != null) {
      json.put("error", totals.firstError());
    }
    return verifyError == null ? json : json.put("verify_error", verifyError);
  }

  /** A one-line progress bar: {@code [#####.....]  50%  15/30 s  sent ... acked ... persisted ... errors ...}. */
  static String progress(double elapsedS, int durationS, LaneSnapshot now) {
    int width = 24;
    double fraction = Math.min(1, elapsedS / durationS);
    int filled = (int) Math.round(fraction * width);
    return String.format(Locale.ROOT, "[%s%s] %3.0f%% %3.0f/%d s  sent %,d  acked %,d  persisted %,d  errors %,d",
        "#".repeat(filled), ".".repeat(width - filled), fraction * 100, Math.min(elapsedS, durationS), durationS,
        now.sent(), now.acked(), now.persisted(), now.errorCount());
  }

  private double ms(double percentile) {
    return latency.percentileMicros(percentile) / 1000.0;
  }

  private static String fmt(double value) {
    return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
  }

  private static double round(double value) {
    return Math.round(value * 100) / 100.0;
  }
}
