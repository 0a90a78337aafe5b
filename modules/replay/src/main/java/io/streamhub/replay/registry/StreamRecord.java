package io.streamhub.replay.registry;

import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the cluster knows of one visitor's current stream, written by its owner after every change so that another
 * node can take the stream over when the owner dies. A record exists exactly while some node runs the stream
 * (attached tabs, or detached within the resume grace period).
 *
 * @param visitorId the visitor
 * @param streamId the stream; a fresh stream gets a new one
 * @param dataset the dataset replayed
 * @param total rows in the dataset
 * @param owner the node id running the stream
 * @param seq the last row emitted (0 before the first)
 * @param state {@link StreamState}
 * @param speed factor on the pace (2 = twice as fast)
 * @param tabs attached tabs by tab id
 * @param startedAtMs when the stream started, epoch ms
 * @param detachedAtMs when the last tab left, epoch ms; 0 while a tab is attached
 * @param lastUpdateMs when this record last changed, epoch ms
 * @param userId the user the stream belongs to, so that an adopting node keeps attributing its predictions;
 *     {@code null} for an anonymous stream
 */
public record StreamRecord(String visitorId, String streamId, String dataset, long total, String owner, long seq,
    StreamState state, double speed, Map<String, Tab> tabs, long startedAtMs, long detachedAtMs,
    long lastUpdateMs, String userId) {

  /**
   * One attached tab.
   *
   * @param memberId the ingress instance holding it
   * @param nodeId the node of that ingress instance
   */
  public record Tab(String memberId, String nodeId) {
  }

  /** The record of an anonymous stream. */
  public StreamRecord(String visitorId, String streamId, String dataset, long total, String owner, long seq,
      StreamState state, double speed, Map<String, Tab> tabs, long startedAtMs, long detachedAtMs, long lastUpdateMs) {
    this(visitorId, streamId, dataset, total, owner, seq, state, speed, tabs, startedAtMs, detachedAtMs, lastUpdateMs,
        null);
  }

  public StreamRecord {
    tabs = Map.copyOf(tabs);
  }

  public StreamRecord withOwner(String newOwner, long nowMs) {
    return new StreamRecord(visitorId, streamId, dataset, total, newOwner, seq, state, speed, tabs, startedAtMs,
        detachedAtMs, nowMs, userId);
  }

  public String toJsonString() {
    JsonObject t = new JsonObject();
    tabs.forEach((id, tab) -> t.put(id, new JsonObject().put("member", tab.memberId()).put("node", tab.nodeId())));
    return new JsonObject().put("visitor_id", visitorId).put("stream_id", streamId).put("dataset", dataset)
        .put("total", total).put("owner", owner).put("seq", seq).put("state", state.name()).put("speed", speed)
        .put("tabs", t).put("started_at", startedAtMs).put("detached_at", detachedAtMs)
        .put("last_update", lastUpdateMs).put("user_id", userId).encode();
  }

  public static StreamRecord fromJsonString(String encoded) {
    JsonObject json = new JsonObject(encoded);
    Map<String, Tab> tabs = new LinkedHashMap<>();
    JsonObject t = json.getJsonObject("tabs");
    for (String id : t.fieldNames()) {
      JsonObject tab = t.getJsonObject(id);
      tabs.put(id, new Tab(tab.getString("member"), tab.getString("node")));
    }
    return new StreamRecord(json.getString("visitor_id"), json.getString("stream_id"), json.getString("dataset"),
        json.getLong("total"), json.getString("owner"), json.getLong("seq"), StreamState.valueOf(json.getString("state")),
        json.getDouble("speed"), tabs, json.getLong("started_at"), json.getLong("detached_at"),
        json.getLong("last_update"), json.getString("user_id"));
  }
}
