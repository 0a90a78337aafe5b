package io.streamhub.contracts.config;

import io.vertx.core.json.JsonObject;

/**
 * Room sequencing and delivery.
 *
 * @param reorderTimeoutMs how long an ingress instance holds later messages while waiting for a missing
 *     {@code seq} (its publisher died between sequencing and sending) before skipping it. Live.
 * @param maxPendingPublishes publishes waiting for a sequence number, per room and ingress instance; past the
 *     bound a publish is refused with {@code backpressure}. Live.
 * @param idleExpiryS a room untouched (no publish, no subscriber refresh) this long is forgotten and its
 *     {@code seq} starts again at 1. Restart-only.
 */
public record RoomsConfig(long reorderTimeoutMs, int maxPendingPublishes, long idleExpiryS) {

  static RoomsConfig read(ConfigReader r) {
    RoomsConfig c = new RoomsConfig(r.longIn("reorder_timeout_ms", 10, 600_000),
        r.intIn("max_pending_publishes", 1, 10_000_000), r.longIn("idle_expiry_s", 60, 365L * 86400));
    r.rejectUnknown();
    return c;
  }

  JsonObject toJson() {
    return new JsonObject().put("reorder_timeout_ms", reorderTimeoutMs).put("max_pending_publishes", maxPendingPublishes)
        .put("idle_expiry_s", idleExpiryS);
  }
}
