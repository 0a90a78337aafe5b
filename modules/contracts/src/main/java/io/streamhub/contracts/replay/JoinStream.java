package io.streamhub.contracts.replay;

import io.vertx.core.json.JsonObject;
import java.util.Objects;

/**
 * A tab asks to join its visitor's stream (body of {@link io.streamhub.contracts.Addresses#REPLAY_STREAM_JOIN}).
 *
 * @param visitorId the visitor
 * @param dataset the dataset to replay; {@code null} for the configured default
 * @param tabId the tab, unique per visitor and ingress instance (the connection id)
 * @param memberId the ingress instance holding the tab; deliveries go to
 *     {@link io.streamhub.contracts.Addresses#replayDeliver(String)} of it
 * @param nodeId the cluster node of that ingress instance, so its tabs can be dropped when the node dies
 * @param resumeStreamId the stream the tab was attached to before it lost its connection; {@code null} for a
 *     fresh join (a page load)
 * @param resumeAfterSeq the last {@code seq} the tab received of {@code resumeStreamId}
 * @param userId the {@code sub} of the authenticated user whose connection asks, so the stream's predictions count
 *     on that user's dashboard; {@code null} for an anonymous connection
 */
public record JoinStream(String visitorId, String dataset, String tabId, String memberId, String nodeId,
    String resumeStreamId, long resumeAfterSeq, String userId) {

  /** An anonymous join. */
  public JoinStream(String visitorId, String dataset, String tabId, String memberId, String nodeId,
      String resumeStreamId, long resumeAfterSeq) {
    this(visitorId, dataset, tabId, memberId, nodeId, resumeStreamId, resumeAfterSeq, null);
  }

  public JoinStream {
    VisitorId.require(visitorId);
    Objects.requireNonNull(tabId, "tab_id");
    Objects.requireNonNull(memberId, "member_id");
    Objects.requireNonNull(nodeId, "node_id");
    if (resumeAfterSeq < 0) {
      throw new IllegalArgumentException("resume after_seq must be >= 0, got " + resumeAfterSeq);
    }
  }

  public boolean resuming() {
    return resumeStreamId != null;
  }

  public JsonObject toJson() {
    JsonObject json = new JsonObject().put("visitor_id", visitorId).put("dataset", dataset).put("tab_id", tabId)
        .put("member_id", memberId).put("node_id", nodeId);
    if (userId != null) {
      json.put("user_id", userId);
    }
    if (resumeStreamId != null) {
      json.put("resume", new JsonObject().put("stream_id", resumeStreamId).put("after_seq", resumeAfterSeq));
    }
    return json;
  }

  public static JoinStream fromJson(JsonObject json) {
    JsonObject resume = json.getJsonObject("resume");
    return new JoinStream(json.getString("visitor_id"), json.getString("dataset"), json.getString("tab_id"),
        json.getString("member_id"), json.getString("node_id"), resume == null ? null : resume.getString("stream_id"),
        resume == null ? 0 : resume.getLong("after_seq", 0L), json.getString("user_id"));
  }
}
