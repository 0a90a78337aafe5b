package io.streamhub.replay.data;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns raw CSV values into JSON values: empty or missing → null; a plain decimal number → a number (an integer
 * that fits a long → {@link Long}; with a fraction or an exponent → {@link Double}); anything else, including
 * {@code 007}, {@code 1e}, {@code NaN}, {@code Infinity}, {@code 0x1F} and integers beyond a long → the string
 * itself.
 *
 * <p>Converted values are shared between rows of one load, so repeated categories and numbers are held once. One
 * instance per load; not thread-safe.
 */
final class JsonValues {

  private static final Pattern INTEGER = Pattern.compile("-?(0|[1-9]\\d*)");
  private static final Pattern DECIMAL = Pattern.compile("-?(0|[1-9]\\d*)(\\.\\d+)?([eE][+-]?\\d+)?");
  private static final int MAX_CACHED_LENGTH = 48;
  private static final int MAX_CACHED = 100_000;

  private final Map<String, Object> cache = new HashMap<>();

  /** The JSON value of one raw CSV value; null for null. */
  Object of(String raw) {
    if (raw == null || raw.isEmpty()) {
      return null;
    }
    if (raw.length() > MAX_CACHED_LENGTH) {
      return convert(raw);
    }
    Object value = cache.get(raw);
    if (value == null) {
      value = convert(raw);
      if (cache.size() < MAX_CACHED) {
        cache.put(raw, value);
      }
    }
    return value;
  }

  static Object convert(String raw) {
    if (raw == null || raw.isEmpty()) {
      return null;
    }
    char first = raw.charAt(0);
    if (first != '-' && (first < '0' || first > '9')) {
      return raw;
    }
    if (INTEGER.matcher(raw).matches()) {
      try {
        return Long.parseLong(raw);
      } catch (NumberFormatException tooLong) {
        return raw;
      }
    }
    if (DECIMAL.matcher(raw).matches()) {
      double d = Double.parseDouble(raw);
      return Double.isFinite(d) ? d : raw;
    }
    return raw;
  }
}
