package io.streamhub.persistence;

import static io.streamhub.persistence.BodyFields.decode;
import static io.streamhub.persistence.BodyFields.integer;
import static io.streamhub.persistence.BodyFields.longValue;
import static io.streamhub.persistence.BodyFields.object;
import static io.streamhub.persistence.BodyFields.require;
import static io.streamhub.persistence.BodyFields.requireLong;
import static io.streamhub.persistence.BodyFields.requireString;

import io.streamhub.contracts.Addresses;
import io.streamhub.contracts.replay.EventsQuery;
import io.streamhub.contracts.replay.StreamEventRecord;
import io.streamhub.contracts.replay.StreamStatus;
import io.streamhub.contracts.replay.VisitorId;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes the bodies of the {@code persistence.replay.*} requests. Every method throws
 * {@link IllegalArgumentException} with a text naming the offending field (e.g. {@code events[2].seq must be an
 * integer}) when the body is not a valid message: a field missing, of the wrong JSON type, or refused by the
 * contract record's own checks (see {@link BodyFields}).
 */
final class ReplayBodies {

  private ReplayBodies() {
  }

  /** {@code {"events": [StreamEventRecord...]}}, at most {@link Addresses#MAX_EVENTS_PER_APPEND} of them. */
  static List<StreamEventRecord> events(Object body) {
    JsonObject json = object(body);
    require(json, "events", "");
    if (!(json.getValue("events") instanceof JsonArray events)) {
      throw new IllegalArgumentException("events must be an array");
    }
    if (events.size() > Addresses.MAX_EVENTS_PER_APPEND) {
      throw new IllegalArgumentException("events must hold at most " + Addresses.MAX_EVENTS_PER_APPEND
          + " events, got " + events.size());
    }
    List<StreamEventRecord> records = new ArrayList<>(events.size());
    for (int i = 0; i < events.size(); i++) {
      String where = "events[" + i + "]";
      if (!(events.getValue(i) instanceof JsonObject event)) {
        throw new IllegalArgumentException(where + " must be a JSON object");
      }
      records.add(event(event, where + "."));
    }
    return records;
  }

  private static StreamEventRecord event(JsonObject json, String where) {
    requireString(json, "visitor_id", where);
    requireString(json, "stream_id", where);
    requireLong(json, "seq", where);
    requireString(json, "event", where);
    require(json, "data", where);
    if (!(json.getValue("data") instanceof JsonObject)) {
      throw new IllegalArgumentException(where + "data must be a JSON object");
    }
    requireLong(json, "ts", where);
    return decode(() -> StreamEventRecord.fromJson(json), where);
  }

  /** {@link EventsQuery}: {@code visitor_id} and {@code limit} required, {@code offset} 0 when absent. */
  static EventsQuery eventsQuery(Object body) {
    JsonObject json = object(body);
    requireString(json, "visitor_id", "");
    require(json, "limit", "");
    integer(json, "limit", "");
    integer(json, "offset", "");
    return decode(() -> EventsQuery.fromJson(json), "");
  }

  /**
   * {@link StreamStatus}: {@code visitor_id} and {@code last_update} (which orders statuses) required; the other
   * fields take the record's defaults when absent but must have their JSON type when present.
   */
  static StreamStatus status(Object body) {
    JsonObject json = object(body);
    requireString(json, "visitor_id", "");
    requireLong(json, "last_update", "");
    for (String field : List.of("stream_id", "dataset", "state")) {
      if (json.getValue(field) != null && !(json.getValue(field) instanceof String)) {
        throw new IllegalArgumentException(field + " must be a string");
      }
    }
    for (String field : List.of("total", "streamed", "skipped_rows")) {
      longValue(json, field, "");
    }
    integer(json, "tabs", "");
    for (String field : List.of("is_active", "paused")) {
      if (json.getValue(field) != null && !(json.getValue(field) instanceof Boolean)) {
        throw new IllegalArgumentException(field + " must be a boolean");
      }
    }
    return decode(() -> StreamStatus.fromJson(json), "");
  }

  /** {@code {"visitor_id": ...}}: the visitor id, valid. */
  static String visitorId(Object body) {
    JsonObject json = object(body);
    requireString(json, "visitor_id", "");
    return VisitorId.require(json.getString("visitor_id"));
  }
}
