package io.streamhub.tools.pressure;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamhub.tools.LatencyHistogram;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("What a simulator run saw: verdict, report, RESULT json, progress bar and lane counts")
class SimulatorResultTest {

  private static final SimulatorOptions OPTIONS = SimulatorOptions.parse(new String[] {"--devices", "20",
      "--rate-hz", "10", "--duration", "3"}, "sim-test");

  /** 1200 frames sent, acknowledged and persisted, nothing else. */
  private static final LaneSnapshot ALL_GOOD = new LaneSnapshot(1200, 1200, 1200, 0, 0, Map.of(), 0, 0, null);

  /** 100 samples: p50 in the 1 ms bucket, p90 in the 2 ms one, p99 in the 7 ms one, max 20 ms. */
  private static LatencyHistogram latency() {
    LatencyHistogram h = new LatencyHistogram();
    recordTimes(h, 1000, 50);
    recordTimes(h, 2000, 40);
    recordTimes(h, 7000, 9);
    recordTimes(h, 20_000, 1);
    return h;
  }

  private static void recordTimes(LatencyHistogram h, long micros, int times) {
    for (int i = 0; i < times; i++) {
      h.recordMicros(micros);
    }
  }

  private static SimulatorResult result(LaneSnapshot totals, long stored, String verifyError) {
    return new SimulatorResult(OPTIONS, 0.5, 3.0, 0.2, totals, stored, verifyError, latency());
  }

  private static LaneSnapshot snapshot(long sent, long acked, long persisted, Map<String, Long> errors, long skipped,
      long closes) {
    return new LaneSnapshot(sent, acked, persisted, sent - acked, acked - persisted, errors, skipped, closes,
        errors.isEmpty() ? null : "sim-test-1: backpressure: too many frames waiting");
  }

  @Test
  @DisplayName("A run is clean when every frame sent was acknowledged, persisted and found in the store (or reading back was turned off)")
  void clean() {
    assertThat(result(ALL_GOOD, 1200, null).clean()).isTrue();
    assertThat(new SimulatorResult(SimulatorOptions.parse(new String[] {"--no-verify"}, "sim-test"), 0.5, 3.0, 0.2,
        ALL_GOOD, -1, null, latency()).clean()).as("--no-verify").isTrue();
  }

  @Test
  @DisplayName("Any single deviation makes the run not clean")
  void notClean() {
    assertThat(result(LaneSnapshot.EMPTY, -1, null).clean()).as("nothing sent").isFalse();
    assertThat(result(snapshot(1200, 1199, 1199, Map.of(), 0, 0), 1199, null).clean()).as("unanswered").isFalse();
    assertThat(result(snapshot(1200, 1200, 1199, Map.of(), 0, 0), 1200, null).clean()).as("unconfirmed").isFalse();
    assertThat(result(snapshot(1200, 1200, 1200, Map.of("backpressure", 1L), 0, 0), 1200, null).clean())
        .as("an error").isFalse();
    assertThat(result(snapshot(1200, 1200, 1200, Map.of(), 1, 0), 1200, null).clean()).as("skipped").isFalse();
    assertThat(result(snapshot(1200, 1200, 1200, Map.of(), 0, 1), 1200, null).clean()).as("closed").isFalse();
    assertThat(result(ALL_GOOD, 1199, null).clean()).as("one missing from the store").isFalse();
    assertThat(result(ALL_GOOD, -1, null).clean()).as("verification asked for but not done").isFalse();
    assertThat(result(ALL_GOOD, 1201, null).clean()).as("more stored than acknowledged").isFalse();
    assertThat(result(ALL_GOOD, -1, "GET /api/v1/sessions/sim-test-1/frames answered 500").clean())
        .as("read back failed").isFalse();
  }

  @Test
  @DisplayName("The report gives sent, acknowledged, persisted, errors, rates and p50/p90/p99 with their numbers")
  void cleanReport() {
    String report = result(ALL_GOOD, 1200, null).report();
    assertThat(report).contains(
        "pressure simulator: 20 devices x 10 Hz of 16x16 frames to ws://127.0.0.1:8080/ws",
        "joined in 0.5 s",
        "sent          1,200 frames in 3.0 s (400 frames/s offered)",
        "acknowledged  1,200 (375 frames/s)",
        "persisted     1,200 confirmed by the node; 1,200 of 1,200 acknowledged frames read back from the store",
        "errors        0",
        "unanswered    0; 0 acknowledged but not confirmed stored (waited 0.2 s after sending)",
        "p50 1.0 ms  p90 2.0 ms  p99 7.0 ms  max 20.0 ms  (100 frames, first 0 s left out)",
        "CLEAN: every frame acknowledged and persisted");
    assertThat(report).doesNotContain("NOT CLEAN", "skipped", "first error");
  }

  @Test
  @DisplayName("The report of a bad run shows the errors by code, the first error, skips and the verdict NOT CLEAN")
  void badReport() {
    LaneSnapshot bad = new LaneSnapshot(1000, 990, 980, 7, 10, Map.of("backpressure", 3L), 5, 0,
        "sim-test-4: backpressure: too many frames waiting");
    String report = result(bad, -1, "GET /x answered 500: boom").report();
    assertThat(report).contains("; 5 skipped (client write queue full)", "errors        3 {backpressure=3}",
        "first error   sim-test-4: backpressure: too many frames waiting", "unanswered    7; 10 acknowledged",
        "read back failed: GET /x answered 500: boom", "NOT CLEAN");
    assertThat(result(ALL_GOOD, -1, null).report()).contains("not read back (--no-verify)", "CLEAN");
  }

  @Test
  @DisplayName("toJson() holds the options, every count, the rates, the latency figures and the verdict")
  void json() {
    JsonObject json = result(ALL_GOOD, 1200, null).toJson();
    assertThat(json.getString("simulation")).isEqualTo("pressure");
    assertThat(json.getInteger("devices")).isEqualTo(20);
    assertThat(json.getDouble("rate_hz")).isEqualTo(10.0);
    assertThat(json.getInteger("rows")).isEqualTo(16);
    assertThat(json.getInteger("cols")).isEqualTo(16);
    assertThat(json.getInteger("duration_s")).isEqualTo(3);
    assertThat(json.getInteger("warmup_s")).isZero();
    assertThat(json.getDouble("join_s")).isEqualTo(0.5);
    assertThat(json.getDouble("send_s")).isEqualTo(3.0);
    assertThat(json.getDouble("settle_s")).isEqualTo(0.2);
    assertThat(json.getLong("sent")).isEqualTo(1200);
    assertThat(json.getLong("acked")).isEqualTo(1200);
    assertThat(json.getLong("persisted")).isEqualTo(1200);
    assertThat(json.getLong("stored")).isEqualTo(1200);
    assertThat(json.getJsonObject("errors")).isEqualTo(new JsonObject());
    assertThat(json.getLong("skipped")).isZero();
    assertThat(json.getLong("closes")).isZero();
    assertThat(json.getLong("unanswered")).isZero();
    assertThat(json.getLong("unconfirmed")).isZero();
    assertThat(json.getDouble("offered_per_s")).isEqualTo(400.0);
    assertThat(json.getDouble("acked_per_s")).isEqualTo(375.0);
    JsonObject ack = json.getJsonObject("ack_ms");
    assertThat(ack.getDouble("p50")).isEqualTo(1.001);
    assertThat(ack.getDouble("p90")).isEqualTo(2.001);
    assertThat(ack.getDouble("p99")).isEqualTo(7.001);
    assertThat(ack.getDouble("max")).isEqualTo(20.0);
    assertThat(ack.getLong("count")).isEqualTo(100);
    assertThat(json.getBoolean("clean")).isTrue();
    assertThat(json.containsKey("error")).isFalse();
    assertThat(json.containsKey("verify_error")).isFalse();
    assertThat(new JsonObject(json.encode())).as("survives encoding").isEqualTo(json);

    LaneSnapshot bad = new LaneSnapshot(10, 9, 9, 0, 0, Map.of("not_joined", 1L, "backpressure", 2L), 0, 1,
        "sim-test-2: not_joined: no");
    JsonObject badJson = result(bad, -1, "timed out").toJson();
    assertThat(badJson.getJsonObject("errors")).isEqualTo(new JsonObject().put("backpressure", 2L)
        .put("not_joined", 1L));
    assertThat(badJson.getString("error")).isEqualTo("sim-test-2: not_joined: no");
    assertThat(badJson.getString("verify_error")).isEqualTo("timed out");
    assertThat(badJson.getLong("stored")).isEqualTo(-1);
    assertThat(badJson.getBoolean("clean")).isFalse();
  }

  @Test
  @DisplayName("Rates are 0 rather than a division by zero when no time passed")
  void ratesWithoutTime() {
    SimulatorResult instant = new SimulatorResult(OPTIONS, 0, 0, 0, ALL_GOOD, -1, null, new LatencyHistogram());
    assertThat(instant.offeredPerSecond()).isZero();
    assertThat(instant.ackedPerSecond()).isZero();
    assertThat(instant.report()).contains("p50 0.0 ms");
  }

  @Test
  @DisplayName("The progress bar fills 24 cells with elapsed time and never beyond 100 %")
  void progress() {
    LaneSnapshot now = new LaneSnapshot(1234, 1200, 1100, 34, 100, Map.of("backpressure", 2L), 0, 0, null);
    assertThat(SimulatorResult.progress(0, 30, LaneSnapshot.EMPTY))
        .isEqualTo("[........................]   0%   0/30 s  sent 0  acked 0  persisted 0  errors 0");
    assertThat(SimulatorResult.progress(15, 30, now))
        .isEqualTo("[############............]  50%  15/30 s  sent 1,234  acked 1,200  persisted 1,100  errors 2");
    assertThat(SimulatorResult.progress(30, 30, now)).startsWith("[########################] 100%  30/30 s");
    assertThat(SimulatorResult.progress(31.7, 30, now)).as("past the end")
        .startsWith("[########################] 100%  30/30 s");
  }

  @Test
  @DisplayName("LaneSnapshot.plus sums the counts, merges the errors by code and keeps the first error")
  void lanesAddUp() {
    LaneSnapshot a = new LaneSnapshot(10, 8, 7, 2, 1, Map.of("backpressure", 2L), 1, 0, null);
    LaneSnapshot b = new LaneSnapshot(5, 5, 5, 0, 0, Map.of("backpressure", 1L, "invalid_field", 4L), 0, 1,
        "sim-2: invalid_field: matrix");
    LaneSnapshot sum = a.plus(b);
    assertThat(sum).isEqualTo(new LaneSnapshot(15, 13, 12, 2, 1, Map.of("backpressure", 3L, "invalid_field", 4L),
        1, 1, "sim-2: invalid_field: matrix"));
    assertThat(sum.errorCount()).isEqualTo(7);
    assertThat(b.plus(a.plus(new LaneSnapshot(0, 0, 0, 0, 0, Map.of(), 0, 0, "later")))
        .firstError()).as("the earlier lane's error wins").isEqualTo("sim-2: invalid_field: matrix");
    assertThat(LaneSnapshot.EMPTY.plus(a)).isEqualTo(a);
    assertThat(a.plus(LaneSnapshot.EMPTY)).isEqualTo(a);
    assertThat(LaneSnapshot.EMPTY.errorCount()).isZero();
  }

  @Test
  @DisplayName("A snapshot is settled when nothing is unanswered and nothing unconfirmed")
  void settled() {
    assertThat(LaneSnapshot.EMPTY.settled()).isTrue();
    assertThat(ALL_GOOD.settled()).isTrue();
    assertThat(new LaneSnapshot(10, 9, 9, 1, 0, Map.of(), 0, 0, null).settled()).isFalse();
    assertThat(new LaneSnapshot(10, 10, 9, 0, 1, Map.of(), 0, 0, null).settled()).isFalse();
    assertThat(new LaneSnapshot(10, 8, 8, 0, 0, Map.of("backpressure", 2L), 0, 0, null).settled())
        .as("refused frames are answered").isTrue();
  }
}
