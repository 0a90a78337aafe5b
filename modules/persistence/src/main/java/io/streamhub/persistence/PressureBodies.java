package io.streamhub.persistence;

import static io.streamhub.persistence.BodyFields.decode;
import static io.streamhub.persistence.BodyFields.integer;
import static io.streamhub.persistence.BodyFields.longValue;
import static io.streamhub.persistence.BodyFields.object;
import static io.streamhub.persistence.BodyFields.require;
import static io.streamhub.persistence.BodyFields.requireLong;
import static io.streamhub.persistence.BodyFields.requireString;

import io.streamhub.contracts.Addresses;
import io.streamhub.contracts.pressure.FrameRecord;
import io.streamhub.contracts.pressure.SessionRecord;
import io.streamhub.contracts.pressure.SessionsQuery;
import io.streamhub.contracts.pressure.WorkoutId;
import io.streamhub.persistence.PressureStore.FramesQuery;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Decodes the bodies of the {@code persistence.pressure.*} requests. Every method throws
 * {@link IllegalArgumentException} with a text naming the offending field (e.g. {@code frames[3].matrix must be an
 * array}) when the body is not a valid message: a field missing, of the wrong JSON type, or refused by the contract
 * record's own checks (see {@link BodyFields}).
 *
 * <p>Beyond the types, a frame's {@code matrix} must be a valid packed matrix or a rectangle of numbers (see
 * {@link io.streamhub.contracts.pressure.PressureMatrix}), and every value of a frame or session must be one the
 * store can hold: a number that does not fit 64 bits (which JSON allows) is refused here rather than failing in the
 * store, where it would look like an outage (503) and be re-sent forever.
 */
final class PressureBodies {

  private PressureBodies() {
  }

  /** {@code {"frames": [FrameRecord...]}}, at most {@link Addresses#MAX_FRAMES_PER_APPEND} of them. */
  static List<FrameRecord> frames(Object body) {
    JsonObject json = object(body);
    require(json, "frames", "");
    if (!(json.getValue("frames") instanceof JsonArray frames)) {
      throw new IllegalArgumentException("frames must be an array");
    }
    if (frames.size() > Addresses.MAX_FRAMES_PER_APPEND) {
      throw new IllegalArgumentException("frames must hold at most " + Addresses.MAX_FRAMES_PER_APPEND
          + " frames, got " + frames.size());
    }
    List<FrameRecord> records = new ArrayList<>(frames.size());
    for (int i = 0; i < frames.size(); i++) {
      String where = "frames[" + i + "]";
      if (!(frames.getValue(i) instanceof JsonObject frame)) {
        throw new IllegalArgumentException(where + " must be a JSON object");
      }
      records.add(frame(frame, where + "."));
    }
    return records;
  }

  private static FrameRecord frame(JsonObject json, String where) {
    requireString(json, "workout_id", where);
    requireLong(json, "frame", where);
    requireLong(json, "timestamp", where);
    requireLong(json, "received_at", where);
    require(json, "matrix", where);
    require(json, "stats", where);
    if (!(json.getValue("stats") instanceof JsonObject stats)) {
      throw new IllegalArgumentException(where + "stats must be a JSON object");
    }
    storable(stats, where + "stats");
    Object nodes = json.getValue("nodes");
    if (nodes != null && !(nodes instanceof JsonArray)) {
      throw new IllegalArgumentException(where + "nodes must be an array");
    }
    storable(nodes, where + "nodes");
    return decode(() -> FrameRecord.fromJson(json), where);
  }

  /** {@code {"workout_id", "limit" (1..1000), "offset" (>= 0, 0 when absent)}}. */
  static FramesQuery framesQuery(Object body) {
    JsonObject json = object(body);
    requireString(json, "workout_id", "");
    require(json, "limit", "");
    integer(json, "limit", "");
    integer(json, "offset", "");
    return decode(() -> FramesQuery.fromJson(json), "");
  }

  /**
   * {@link SessionRecord}: {@code workout_id}, {@code status}, {@code frame_count} (which orders saves, 0 or more)
   * and {@code summary} required; {@code owner_sub}, {@code created_at} and {@code updated_at} may be absent or
   * {@code null} but must have their JSON type when present.
   */
  static SessionRecord session(Object body) {
    JsonObject json = object(body);
    requireString(json, "workout_id", "");
    requireString(json, "status", "");
    requireLong(json, "frame_count", "");
    if (json.getLong("frame_count") < 0) {
      throw new IllegalArgumentException("frame_count must be 0 or more, got " + json.getLong("frame_count"));
    }
    require(json, "summary", "");
    if (!(json.getValue("summary") instanceof JsonObject summary)) {
      throw new IllegalArgumentException("summary must be a JSON object");
    }
    storable(summary, "summary");
    if (json.getValue("owner_sub") != null && !(json.getValue("owner_sub") instanceof String)) {
      throw new IllegalArgumentException("owner_sub must be a string");
    }
    longValue(json, "created_at", "");
    longValue(json, "updated_at", "");
    return decode(() -> SessionRecord.fromJson(json), "");
  }

  /** {@link SessionsQuery}: {@code limit} 1..100 required, {@code viewer_sub} a string or absent/null. */
  static SessionsQuery sessionsQuery(Object body) {
    JsonObject json = object(body);
    require(json, "limit", "");
    return decode(() -> SessionsQuery.fromJson(json), "");
  }

  /** {@code {"workout_id": ...}}: the workout id, valid. */
  static String workoutId(Object body) {
    JsonObject json = object(body);
    requireString(json, "workout_id", "");
    return WorkoutId.require(json.getString("workout_id"));
  }

  /**
   * Checks that a JSON value can be written to the store as it is: {@code null}, a boolean, a string, a number of at
   * most 64 bits, or an object or array of those.
   */
  private static void storable(Object value, String name) {
    if (value == null || value instanceof Boolean || value instanceof String || isStorableNumber(value)) {
      return;
    }
    if (value instanceof JsonObject object) {
      for (Map.Entry<String, Object> entry : object) {
        storable(entry.getValue(), name + "." + entry.getKey());
      }
      return;
    }
    if (value instanceof JsonArray array) {
      for (int i = 0; i < array.size(); i++) {
        storable(array.getValue(i), name + "[" + i + "]");
      }
      return;
    }
    throw new IllegalArgumentException(name + " cannot be stored: " + describe(value)
        + " is not a 64-bit integer, double, string, boolean, object or array");
  }

  private static boolean isStorableNumber(Object value) {
    return value instanceof Integer || value instanceof Long || value instanceof Double || value instanceof Float;
  }

  private static String describe(Object value) {
    if (value == null) {
      return "null";
    }
    String shown = String.valueOf(value);
    shown = shown.length() > 40 ? shown.substring(0, 40) + "..." : shown;
    return shown + " (" + value.getClass().getSimpleName() + ")";
  }
}
