package io.streamhub.stats.frame;

import java.math.BigInteger;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Parses a frame's {@code timestamp}: a JSON integer of epoch milliseconds, or an ISO-8601 instant string with
 * {@code Z} or a numeric offset. Accepted range: from 2000-01-01T00:00:00Z to one day after the caller's clock.
 */
final class FrameTimestamps {

  static final String FIELD = "timestamp";
  static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
  static final long MAX_AHEAD_MS = 86_400_000L;
  private static final int MAX_ISO_CHARS = 64;

  private FrameTimestamps() {
  }

  /**
   * @param value the raw JSON value of {@code timestamp}
   * @param nowMs the current time, epoch milliseconds
   * @return the timestamp, epoch milliseconds
   * @throws FrameException when missing, of the wrong type or format, negative, or out of range
   */
  static long parse(Object value, long nowMs) {
    if (value == null) {
      throw new FrameException(FIELD, "timestamp is required");
    }
    if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
      return epochMillis(((Number) value).longValue(), nowMs);
    }
    if (value instanceof BigInteger big) {
      if (big.signum() < 0) {
        throw new FrameException(FIELD, "timestamp must not be negative, got " + big);
      }
      throw tooLate(big.toString(), nowMs);
    }
    if (value instanceof String text) {
      Instant instant = iso(text);
      checkRange(instant, nowMs, JsonValues.describe(text));
      return instant.toEpochMilli();
    }
    throw garbage(value);
  }

  private static long epochMillis(long ms, long nowMs) {
    if (ms < 0) {
      throw new FrameException(FIELD, "timestamp must not be negative, got " + ms);
    }
    checkRange(Instant.ofEpochMilli(ms), nowMs, Long.toString(ms));
    return ms;
  }

  private static Instant iso(String text) {
    if (text.length() <= MAX_ISO_CHARS) {
      try {
        return Instant.parse(text);
      } catch (DateTimeParseException notAnInstant) {
        try {
          return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notAnOffsetDateTime) {
          throw garbage(text);
        }
      }
    }
    throw garbage(text);
  }

  private static void checkRange(Instant instant, long nowMs, String shown) {
    if (instant.isBefore(EARLIEST)) {
      throw new FrameException(FIELD, "timestamp " + shown + " (" + instant + ") is before " + EARLIEST);
    }
    if (instant.isAfter(latest(nowMs))) {
      throw tooLate(shown + " (" + instant + ")", nowMs);
    }
  }

  private static Instant latest(long nowMs) {
    return Instant.ofEpochMilli(nowMs > Long.MAX_VALUE - MAX_AHEAD_MS ? Long.MAX_VALUE : nowMs + MAX_AHEAD_MS);
  }

  private static FrameException tooLate(String shown, long nowMs) {
    return new FrameException(FIELD,
        "timestamp " + shown + " is more than 1 day in the future (now " + Instant.ofEpochMilli(nowMs) + ")");
  }

  private static FrameException garbage(Object value) {
    return new FrameException(FIELD,
        "timestamp must be epoch milliseconds or ISO-8601, got " + JsonValues.describe(value));
  }
}
