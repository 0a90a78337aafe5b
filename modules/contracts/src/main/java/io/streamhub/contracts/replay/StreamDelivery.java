package io.streamhub.contracts.replay;

import io.vertx.core.json.JsonObject;
import java.util.Objects;

/**
 * An event of a stream on its way from the stream's owner to one ingress instance holding tabs of the visitor
 * (body of {@link io.streamhub.contracts.Addresses#replayDeliver(String)}).
 *
 * @param visitorId the visitor
 * @param streamId the stream
 * @param seq for a row event its row number (from 1); for other events the last row emitted before them
 * @param rowEvent whether this is a row ({@code prediction}, ...); tabs drop a row whose {@code seq} they already
 *     have, which makes re-sends after an owner change harmless
 * @param event the client event name
 * @param data the client event payload, a JSON object already encoded: a row is encoded once on the owner and its
 *     text is written to every tab as it is
 * @param tabId only this tab (events replayed to a resuming tab); {@code null} for every tab of the visitor
 */
public record StreamDelivery(String visitorId, String streamId, long seq, boolean rowEvent, String event,
    String data, String tabId) {

  public StreamDelivery {
    Objects.requireNonNull(visitorId, "visitor_id");
    Objects.requireNonNull(streamId, "stream_id");
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(data, "data");
  }

  public JsonObject toJson() {
    return new JsonObject().put("visitor_id", visitorId).put("stream_id", streamId).put("seq", seq)
        .put("row", rowEvent).put("event", event).put("data_json", data).put("tab_id", tabId);
  }

  public static StreamDelivery fromJson(JsonObject json) {
    return new StreamDelivery(json.getString("visitor_id"), json.getString("stream_id"), json.getLong("seq", 0L),
        json.getBoolean("row", false), json.getString("event"), json.getString("data_json"), json.getString("tab_id"));
  }
}
