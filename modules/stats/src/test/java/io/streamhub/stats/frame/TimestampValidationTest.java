package io.streamhub.stats.frame;

import static io.streamhub.stats.frame.Frames.NOW;
import static io.streamhub.stats.frame.Frames.VALIDATOR;
import static io.streamhub.stats.frame.Frames.rejection;
import static io.streamhub.stats.frame.Frames.valid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TimestampValidationTest {

  private static final long DAY_MS = 86_400_000L;

  private static long accepted(Object timestamp) {
    return VALIDATOR.validate(valid().put("timestamp", timestamp)).timestampMs();
  }

  private static FrameException rejected(Object timestamp) {
    FrameException e = rejection(valid().put("timestamp", timestamp));
    assertThat(e.field()).isEqualTo("timestamp");
    return e;
  }

  @Test
  @DisplayName("A missing or null timestamp is rejected")
  void rejectsMissingTimestamp() {
    JsonObject data = valid();
    data.remove("timestamp");
    assertThat(rejection(data)).hasMessage("timestamp is required");
    assertThat(rejected(null)).hasMessage("timestamp is required");
  }

  @Test
  @DisplayName("Epoch milliseconds as a JSON integer are accepted as they are")
  void acceptsEpochMillis() {
    assertThat(accepted(NOW - 250)).isEqualTo(NOW - 250);
    JsonObject decoded = new JsonObject("{\"workout_id\":\"w\",\"matrix\":[[1]],\"timestamp\":" + NOW + "}");
    assertThat(VALIDATOR.validate(decoded).timestampMs()).isEqualTo(NOW);
  }

  @Test
  @DisplayName("An ISO-8601 instant in UTC is accepted, with milliseconds")
  void acceptsIsoInstant() {
    assertThat(accepted("2026-11-22T09:00:00Z")).isEqualTo(NOW);
    assertThat(accepted("2026-11-22T08:59:59.750Z")).isEqualTo(NOW - 250);
  }

  @Test
  @DisplayName("An ISO-8601 date-time with an offset is accepted and converted to UTC")
  void acceptsIsoWithOffset() {
    assertThat(accepted("2026-11-22T10:00:00+01:00")).isEqualTo(NOW);
    assertThat(accepted("2026-11-22T04:30:00.125-04:30")).isEqualTo(NOW + 125);
  }

  @Test
  @DisplayName("A string that is not ISO-8601 is rejected quoting it")
  void rejectsGarbageString() {
    assertThat(rejected("yesterday")).hasMessage("timestamp must be epoch milliseconds or ISO-8601, got \"yesterday\"");
    assertThat(rejected("")).hasMessage("timestamp must be epoch milliseconds or ISO-8601, got \"\"");
    assertThat(rejected(Long.toString(NOW)))
        .hasMessage("timestamp must be epoch milliseconds or ISO-8601, got \"" + NOW + "\"");
  }

  @Test
  @DisplayName("An ISO-8601 local date-time without offset is rejected as ambiguous")
  void rejectsIsoWithoutOffset() {
    assertThat(rejected("2026-11-22T10:00:00"))
        .hasMessage("timestamp must be epoch milliseconds or ISO-8601, got \"2026-11-22T10:00:00\"");
  }

  @Test
  @DisplayName("An over-long string is rejected and shown shortened")
  void rejectsLongString() {
    assertThat(rejected("2026-11-22T09:00:00Z".repeat(10)))
        .hasMessage("timestamp must be epoch milliseconds or ISO-8601, got "
            + "\"2026-11-22T09:00:00Z2026-11-22T09:00:00Z...\"");
  }

  @Test
  @DisplayName("A negative epoch value is rejected as negative")
  void rejectsNegative() {
    assertThat(rejected(-5)).hasMessage("timestamp must not be negative, got -5");
    assertThat(rejected(-NOW)).hasMessage("timestamp must not be negative, got " + -NOW);
  }

  @Test
  @DisplayName("Epoch values before 2000-01-01 are rejected as too early, naming the instant")
  void rejectsBefore2000() {
    assertThat(rejected(12345)).hasMessage("timestamp 12345 (1970-01-01T00:00:12.345Z) is before 2000-01-01T00:00:00Z");
    assertThat(rejected(946_684_799_999L)).hasMessageContaining("is before 2000-01-01T00:00:00Z");
    assertThat(accepted(946_684_800_000L)).isEqualTo(946_684_800_000L);
  }

  @Test
  @DisplayName("An ISO string before 2000-01-01 is rejected as too early")
  void rejectsIsoBefore2000() {
    assertThat(rejected("1999-12-31T23:59:59Z"))
        .hasMessage("timestamp \"1999-12-31T23:59:59Z\" (1999-12-31T23:59:59Z) is before 2000-01-01T00:00:00Z");
  }

  @Test
  @DisplayName("Exactly 1 day ahead of the clock is accepted, 1 ms more is rejected as in the future")
  void boundsTheFuture() {
    assertThat(accepted(NOW + DAY_MS)).isEqualTo(NOW + DAY_MS);
    assertThat(rejected(NOW + DAY_MS + 1)).hasMessage("timestamp " + (NOW + DAY_MS + 1)
        + " (2026-11-23T09:00:00.001Z) is more than 1 day in the future (now 2026-11-22T09:00:00Z)");
    assertThat(rejected("2026-11-23T10:00:00.001+01:00"))
        .hasMessageContaining("is more than 1 day in the future (now 2026-11-22T09:00:00Z)");
  }

  @Test
  @DisplayName("Integers beyond the long range and years far ahead are rejected as in the future")
  void rejectsHugeValues() {
    assertThat(rejected(new BigInteger("123456789012345678901234567890")))
        .hasMessage("timestamp 123456789012345678901234567890 is more than 1 day in the future"
            + " (now 2026-11-22T09:00:00Z)");
    assertThat(rejected(new BigInteger("-123456789012345678901234567890")))
        .hasMessage("timestamp must not be negative, got -123456789012345678901234567890");
    assertThat(rejected("+1000000000-01-01T00:00:00Z")).hasMessageContaining("more than 1 day in the future");
    assertThat(rejected(Long.MAX_VALUE)).hasMessageContaining("more than 1 day in the future");
  }

  @Test
  @DisplayName("A decimal number, a boolean or an array timestamp is rejected")
  void rejectsOtherTypes() {
    assertThat(rejected((double) NOW)).hasMessage("timestamp must be epoch milliseconds or ISO-8601, got 1.795338E12");
    assertThat(rejected(true)).hasMessage("timestamp must be epoch milliseconds or ISO-8601, got true");
    assertThat(rejected(new JsonArray())).hasMessage("timestamp must be epoch milliseconds or ISO-8601, got an array");
  }

  @Test
  @DisplayName("PressureFrame.parse bounds the future by the nowMs it is given")
  void parseUsesGivenNow() {
    JsonObject data = valid().put("timestamp", NOW + 2 * DAY_MS);
    assertThat(PressureFrame.parse(data, FrameLimits.DEFAULTS, NOW + DAY_MS).timestampMs()).isEqualTo(NOW + 2 * DAY_MS);
    FrameException e = catchThrowableOfType(FrameException.class,
        () -> PressureFrame.parse(data, FrameLimits.DEFAULTS, NOW));
    assertThat(e.field()).isEqualTo("timestamp");
  }
}
