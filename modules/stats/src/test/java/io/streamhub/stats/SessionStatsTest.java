package io.streamhub.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import io.streamhub.stats.frame.FrameStats;
import io.streamhub.stats.frame.FrameStatsCalculator;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SessionStatsTest {

  private static final long T0 = 1_795_338_000_000L;
  private static final FrameStatsCalculator CALCULATOR = new FrameStatsCalculator(2.0);
  // mean 2.5, max 4, contact 3
  private static final FrameStats F1 = CALCULATOR.compute(new double[][] {{1, 2}, {3, 4}}, null);
  // mean 5, max 8, contact 4
  private static final FrameStats F2 = CALCULATOR.compute(new double[][] {{8, 6}, {4, 2}}, F1);
  // mean 0.5, max 1, contact 0
  private static final FrameStats F3 = CALCULATOR.compute(new double[][] {{0, 1}, {1, 0}}, F2);
  // mean 1 / 3, max 1, contact 0
  private static final FrameStats THIRD = CALCULATOR.compute(new double[][] {{1, 0, 0}}, null);

  private static SessionStats threeFrames() {
    SessionStats session = new SessionStats();
    session.add(F1, T0);
    session.add(F2, T0 + 250);
    session.add(F3, T0 + 500);
    return session;
  }

  @Test
  @DisplayName("Three frames 250 ms apart: count, duration, rate, peak and means")
  void threeFrameSession() {
    SessionStats s = threeFrames();
    assertThat(s.frameCount()).isEqualTo(3);
    assertThat(s.firstTs()).isEqualTo(T0);
    assertThat(s.lastTs()).isEqualTo(T0 + 500);
    assertThat(s.durationMs()).isEqualTo(500);
    assertThat(s.frameRateHz()).isEqualTo(4.0); // (3 - 1) / 0.5 s
    assertThat(s.peakPressure()).isEqualTo(8.0); // max(4, 8, 1)
    assertThat(s.peakFrame()).isEqualTo(2);
    assertThat(s.meanPressure()).isCloseTo(8.0 / 3, within(1e-12)); // (2.5 + 5 + 0.5) / 3
    assertThat(s.meanContactArea()).isCloseTo(7.0 / 3, within(1e-12)); // (3 + 4 + 0) / 3
  }

  @Test
  @DisplayName("The JSON document carries the documented keys, derived values rounded to 4 decimals")
  void json() {
    JsonObject json = threeFrames().toJson();
    assertThat(json).isEqualTo(new JsonObject()
        .put("frame_count", 3L)
        .put("duration_ms", 500L)
        .put("frame_rate_hz", 4.0)
        .put("peak_pressure", 8.0)
        .put("peak_frame", 2L)
        .put("mean_pressure", 2.6667)
        .put("mean_contact_area", 2.3333)
        .put("first_timestamp", T0)
        .put("last_timestamp", T0 + 500)
        .put("sum_frame_means", 8.0)
        .put("sum_contact_areas", 7L));
  }

  @Test
  @DisplayName("An empty session is all zeros with null timestamps, and round-trips")
  void emptySession() {
    SessionStats s = new SessionStats();
    assertThat(s.frameCount()).isZero();
    assertThat(s.durationMs()).isZero();
    assertThat(s.frameRateHz()).isZero();
    assertThat(s.peakFrame()).isZero();
    assertThat(s.meanPressure()).isZero();
    assertThat(s.meanContactArea()).isZero();
    JsonObject json = s.toJson();
    assertThat(json.getValue("first_timestamp")).isNull();
    assertThat(json.getValue("last_timestamp")).isNull();
    assertThat(SessionStats.fromJson(json).toJson()).isEqualTo(json);
  }

  @Test
  @DisplayName("A single frame has duration 0, rate 0 and is its own peak frame 1")
  void singleFrame() {
    SessionStats s = new SessionStats();
    s.add(F1, T0);
    assertThat(s.durationMs()).isZero();
    assertThat(s.frameRateHz()).isZero();
    assertThat(s.peakFrame()).isEqualTo(1);
    assertThat(s.peakPressure()).isEqualTo(4.0);
    assertThat(s.meanPressure()).isEqualTo(2.5);
  }

  @Test
  @DisplayName("A later frame that only equals the peak does not take it over")
  void peakKeepsFirstFrame() {
    SessionStats s = threeFrames();
    s.add(F2, T0 + 750);
    assertThat(s.peakFrame()).isEqualTo(2);
  }

  @Test
  @DisplayName("Out-of-order timestamps widen the span: first is the earliest, last the latest")
  void outOfOrderTimestamps() {
    SessionStats s = new SessionStats();
    s.add(F1, T0 + 500);
    s.add(F2, T0);
    s.add(F3, T0 + 250);
    assertThat(s.firstTs()).isEqualTo(T0);
    assertThat(s.lastTs()).isEqualTo(T0 + 500);
    assertThat(s.frameRateHz()).isEqualTo(4.0);
  }

  @Test
  @DisplayName("Frames with the same timestamp give rate 0 instead of dividing by zero")
  void sameTimestamps() {
    SessionStats s = new SessionStats();
    s.add(F1, T0);
    s.add(F2, T0);
    assertThat(s.frameRateHz()).isZero();
  }

  @Test
  @DisplayName("Continuing after a JSON round trip gives exactly the result of never stopping")
  void roundTripThenContinue() {
    SessionStats uninterrupted = new SessionStats();
    SessionStats beforeRestart = new SessionStats();
    for (int i = 0; i < 7; i++) {
      uninterrupted.add(THIRD, T0 + 250L * i);
      beforeRestart.add(THIRD, T0 + 250L * i);
    }
    String stored = beforeRestart.toJson().encode();
    SessionStats restored = SessionStats.fromJson(new JsonObject(stored));
    assertThat(restored.toJson()).isEqualTo(beforeRestart.toJson());
    FrameStats[] more = {F1, F2, THIRD, F3};
    for (int i = 0; i < more.length; i++) {
      uninterrupted.add(more[i], T0 + 250L * (7 + i));
      restored.add(more[i], T0 + 250L * (7 + i));
    }
    assertThat(restored.toJson()).isEqualTo(uninterrupted.toJson());
    assertThat(restored.meanPressure()).isEqualTo(uninterrupted.meanPressure());
    assertThat(restored.peakFrame()).isEqualTo(9);
    assertThat(restored.frameCount()).isEqualTo(11);
  }

  @Test
  @DisplayName("fromJson reads integers stored as Integer, and doubles stored as whole numbers")
  void fromJsonIsLenientOnNumberTypes() {
    JsonObject json = threeFrames().toJson().put("frame_count", 3).put("peak_frame", 2).put("peak_pressure", 8)
        .put("sum_frame_means", 8).put("sum_contact_areas", 7);
    assertThat(SessionStats.fromJson(json).toJson()).isEqualTo(threeFrames().toJson());
  }

  @Test
  @DisplayName("fromJson rejects missing, mistyped and inconsistent state")
  void fromJsonRejectsBadState() {
    JsonObject good = threeFrames().toJson();
    JsonObject noCount = good.copy();
    noCount.remove("frame_count");
    assertThatIllegalArgumentException().isThrownBy(() -> SessionStats.fromJson(noCount))
        .withMessage("session stats frame_count must be an integer, got null");
    assertThatIllegalArgumentException().isThrownBy(() -> SessionStats.fromJson(good.copy().put("frame_count", -1)))
        .withMessage("session stats frame_count must be in 0..9223372036854775807, got -1");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> SessionStats.fromJson(good.copy().put("peak_pressure", "8")))
        .withMessage("session stats peak_pressure must be a finite number >= 0, got 8");
    assertThatIllegalArgumentException().isThrownBy(() -> SessionStats.fromJson(good.copy().put("peak_frame", 4)))
        .withMessage("session stats peak_frame must be in 1..3, got 4");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> SessionStats.fromJson(good.copy().put("last_timestamp", T0 - 1)))
        .withMessageStartingWith("session stats last_timestamp must be in " + T0);
    assertThatIllegalArgumentException()
        .isThrownBy(() -> SessionStats.fromJson(good.copy().put("sum_frame_means", Double.NaN)));
  }
}
