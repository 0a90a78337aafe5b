package io.streamhub.contracts.replay;

import io.vertx.core.json.JsonObject;

/**
 * The state of a visitor's latest stream, running or ended: the body of {@code GET /api/v1/streams/{visitor}} and
 * the document the persistence role stores per visitor.
 *
 * @param visitorId the visitor
 * @param streamId the visitor's latest stream
 * @param dataset the dataset it replays
 * @param total rows in the dataset
 * @param streamed rows emitted so far (the last {@code seq})
 * @param active whether the stream still runs or waits for a resuming tab
 * @param paused whether it is paused by {@code stream_control}
 * @param tabs tabs attached now, on every node
 * @param skippedRows malformed rows of the dataset that were skipped at load
 * @param state {@code running}, {@code paused}, {@code detached} (no tab; resumable for the grace period),
 *     {@code complete}, {@code stopped} or {@code error}
 * @param lastUpdateMs when anything of this changed, epoch milliseconds
 * @param userId the user whose connection started or joined the stream (JSON {@code user_id}); {@code null} for an
 *     anonymous stream
 */
public record StreamStatus(String visitorId, String streamId, String dataset, long total, long streamed,
    boolean active, boolean paused, int tabs, long skippedRows, String state, long lastUpdateMs, String userId) {

  /** The status of an anonymous stream. */
  public StreamStatus(String visitorId, String streamId, String dataset, long total, long streamed, boolean active,
      boolean paused, int tabs, long skippedRows, String state, long lastUpdateMs) {
    this(visitorId, streamId, dataset, total, streamed, active, paused, tabs, skippedRows, state, lastUpdateMs, null);
  }

  public StreamStatus {
    VisitorId.require(visitorId);
  }

  /** {@code streamed / total} in percent, two decimals; 0 for an empty dataset. */
  public double progressPercentage() {
    return total == 0 ? 0 : Math.round(streamed * 10_000.0 / total) / 100.0;
  }

  public JsonObject toJson() {
    JsonObject json = new JsonObject().put("visitor_id", visitorId).put("stream_id", streamId).put("dataset", dataset)
        .put("total", total).put("streamed", streamed).put("progress_percentage", progressPercentage())
        .put("is_active", active).put("paused", paused).put("tabs", tabs).put("skipped_rows", skippedRows)
        .put("state", state).put("last_update", lastUpdateMs);
    if (userId != null) {
      json.put("user_id", userId);
    }
    return json;
  }

  public static StreamStatus fromJson(JsonObject json) {
    return new StreamStatus(json.getString("visitor_id"), json.getString("stream_id"), json.getString("dataset"),
        json.getLong("total", 0L), json.getLong("streamed", 0L), json.getBoolean("is_active", false),
        json.getBoolean("paused", false), json.getInteger("tabs", 0), json.getLong("skipped_rows", 0L),
        json.getString("state"), json.getLong("last_update", 0L), json.getString("user_id"));
  }
}
