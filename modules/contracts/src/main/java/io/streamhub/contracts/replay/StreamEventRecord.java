package io.streamhub.contracts.replay;

import io.vertx.core.json.JsonObject;
import java.util.Objects;

/**
 * One event a stream emitted, as stored for the status API ({@code GET /api/v1/streams/{visitor}/events}).
 *
 * @param visitorId the visitor whose stream emitted it
 * @param streamId the stream
 * @param seq the row number in the stream, from 1
 * @param event the event name (e.g. {@code prediction})
 * @param data the event's payload exactly as sent to the tabs
 * @param tsMs emit time, epoch milliseconds
 * @param userId the user the stream belongs to (JSON {@code user_id}), whose dashboard counts its predictions;
 *     {@code null} for an anonymous stream
 */
public record StreamEventRecord(String visitorId, String streamId, long seq, String event, JsonObject data, long tsMs,
    String userId) {

  /** An event of an anonymous stream. */
  public StreamEventRecord(String visitorId, String streamId, long seq, String event, JsonObject data, long tsMs) {
    this(visitorId, streamId, seq, event, data, tsMs, null);
  }

  public StreamEventRecord {
    VisitorId.require(visitorId);
    Objects.requireNonNull(streamId, "stream_id");
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(data, "data");
    if (seq < 1) {
      throw new IllegalArgumentException("seq must be >= 1, got " + seq);
    }
  }

  public JsonObject toJson() {
    JsonObject json = new JsonObject().put("visitor_id", visitorId).put("stream_id", streamId).put("seq", seq)
        .put("event", event).put("data", data).put("ts", tsMs);
    if (userId != null) {
      json.put("user_id", userId);
    }
    return json;
  }

  public static StreamEventRecord fromJson(JsonObject json) {
    return new StreamEventRecord(json.getString("visitor_id"), json.getString("stream_id"), json.getLong("seq", 0L),
        json.getString("event"), json.getJsonObject("data"), json.getLong("ts", 0L), json.getString("user_id"));
  }
}
