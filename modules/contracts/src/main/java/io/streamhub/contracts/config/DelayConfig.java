package io.streamhub.contracts.config;

import io.vertx.core.json.JsonObject;

/**
 * A uniformly random delay between two emitted rows.
 *
 * @param minMs shortest delay, milliseconds
 * @param maxMs longest delay, milliseconds; at least {@code minMs}
 */
public record DelayConfig(long minMs, long maxMs) {

  public DelayConfig {
    if (minMs < 0 || maxMs < minMs) {
      throw new IllegalArgumentException("delay needs 0 <= min_ms <= max_ms, got " + minMs + ".." + maxMs);
    }
  }

  static DelayConfig read(ConfigReader r) {
    long min = r.longIn("min_ms", 0, 3_600_000);
    long max = r.longIn("max_ms", 0, 3_600_000);
    if (max < min) {
      throw new ConfigException(r.key("max_ms"), "must be at least min_ms (" + min + "), got " + max);
    }
    r.rejectUnknown();
    return new DelayConfig(min, max);
  }

  JsonObject toJson() {
    return new JsonObject().put("min_ms", minMs).put("max_ms", maxMs);
  }
}
