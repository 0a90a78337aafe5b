package io.streamhub.contracts.replay;

import io.vertx.core.json.JsonObject;

/**
 * The answer to {@link JoinStream}.
 *
 * @param kind how the tab joined
 * @param visitorId the visitor
 * @param streamId the stream the tab is now attached to
 * @param dataset its dataset
 * @param total rows in the dataset
 * @param seq the last row the tab has: its next row event is {@code seq + 1}. For a fresh stream 0; for a resume
 *     the {@code after_seq} it asked for, or later when older events are no longer kept
 * @param lost events of a resume that were no longer kept (the tab skips them); 0 otherwise
 * @param resumeGone whether the tab asked to resume a stream that no longer exists (it got this one instead)
 */
public record StreamJoined(Kind kind, String visitorId, String streamId, String dataset, long total, long seq,
    long lost, boolean resumeGone) {

  /** How a tab joined. */
  public enum Kind {
    /** A fresh stream from row 1; the client event is {@code stream_started}. */
    STARTED,
    /** Another tab of the visitor is attached; the client event is {@code joined_existing_stream}. */
    JOINED_EXISTING,
    /** The tab's previous stream continues; missed events follow; the client event is {@code stream_resumed}. */
    RESUMED
  }

  public JsonObject toJson() {
    return new JsonObject().put("kind", kind.name()).put("visitor_id", visitorId).put("stream_id", streamId)
        .put("dataset", dataset).put("total", total).put("seq", seq).put("lost", lost).put("resume_gone", resumeGone);
  }

  public static StreamJoined fromJson(JsonObject json) {
    return new StreamJoined(Kind.valueOf(json.getString("kind")), json.getString("visitor_id"),
        json.getString("stream_id"), json.getString("dataset"), json.getLong("total", 0L), json.getLong("seq", 0L),
        json.getLong("lost", 0L), json.getBoolean("resume_gone", false));
  }
}
