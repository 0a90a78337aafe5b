package io.streamhub.contracts.config;

import io.vertx.core.json.JsonObject;

/**
 * Pressure sessions ({@code pressure.*}).
 *
 * @param maxRows largest accepted frame height, cells. Live.
 * @param maxCols largest accepted frame width, cells. Live.
 * @param contactThreshold a cell at or above this value counts as contact (same unit as the cells). Live.
 * @param idleTimeoutMs a session with no frame for this long ends; its devices get {@code session_ended}. Live.
 * @param maxUnpersistedFrames frames numbered but not yet answered by the store, per node; at the bound a new frame
 *     is refused with {@code backpressure}, gets no number and is not acknowledged. Live.
 */
public record PressureConfig(int maxRows, int maxCols, double contactThreshold, long idleTimeoutMs,
    int maxUnpersistedFrames) {

  static PressureConfig read(ConfigReader r) {
    PressureConfig c = new PressureConfig(r.intIn("max_rows", 1, 1024), r.intIn("max_cols", 1, 1024),
        r.doubleIn("contact_threshold", 1e-9, 1e12), r.longIn("idle_timeout_ms", 100, 86_400_000),
        r.intIn("max_unpersisted_frames", 1, 10_000_000));
    r.rejectUnknown();
    return c;
  }

  JsonObject toJson() {
    return new JsonObject().put("max_rows", maxRows).put("max_cols", maxCols)
        .put("contact_threshold", contactThreshold).put("idle_timeout_ms", idleTimeoutMs)
        .put("max_unpersisted_frames", maxUnpersistedFrames);
  }
}
