package io.streamhub.contracts.config;

import io.vertx.core.json.JsonObject;

/**
 * Pressure sessions ({@code pressure.*}).
 *
 * @param maxRows largest accepted frame height, cells. Live.
 * @param maxCols largest accepted frame width, cells. Live.
 * @param contactThreshold a cell at or above this value counts as contact (same unit as the cells). Live.
 * @param idleTimeoutMs a session with no frame for this long ends ({@code session_ended}). Live.
 * @param maxUnpersistedFrames frames processed but not yet acknowledged by the store, per node; at the bound a new
 *     frame is refused with {@code backpressure} and never acknowledged. Restart-only.
 * @param maxFramesPerWrite largest bulk write to the store, frames. Restart-only.
 */
public record PressureConfig(int maxRows, int maxCols, double contactThreshold, long idleTimeoutMs,
    int maxUnpersistedFrames, int maxFramesPerWrite) {

  static PressureConfig read(ConfigReader r) {
    PressureConfig c = new PressureConfig(r.intIn("max_rows", 1, 1024), r.intIn("max_cols", 1, 1024),
        r.doubleIn("contact_threshold", 0, 1e12), r.longIn("idle_timeout_ms", 1000, 86_400_000),
        r.intIn("max_unpersisted_frames", 1, 10_000_000), r.intIn("max_frames_per_write", 1, 10_000));
    r.rejectUnknown();
    return c;
  }

  JsonObject toJson() {
    return new JsonObject().put("max_rows", maxRows).put("max_cols", maxCols)
        .put("contact_threshold", contactThreshold).put("idle_timeout_ms", idleTimeoutMs)
        .put("max_unpersisted_frames", maxUnpersistedFrames).put("max_frames_per_write", maxFramesPerWrite);
  }
}
