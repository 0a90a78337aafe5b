package io.streamhub.contracts.pressure;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The reply of {@link io.streamhub.contracts.Addresses#PERSISTENCE_PRESSURE_SESSIONS_LIST}: stored workouts, most
 * recently updated first.
 *
 * @param sessions the workouts, in the store's order (newest {@code updated_at} first)
 */
public record StoredSessions(List<Entry> sessions) {

  public StoredSessions {
    sessions = List.copyOf(Objects.requireNonNull(sessions, "sessions"));
  }

  /**
   * One stored workout, as a list shows it.
   *
   * @param workoutId the workout
   * @param status {@link SessionRecord#ACTIVE} or {@link SessionRecord#ENDED}
   * @param frameCount frames processed so far, as last stored (an active session's stored count lags the live one)
   * @param updatedAtMs when the stored session last changed, epoch milliseconds
   */
  public record Entry(String workoutId, String status, long frameCount, long updatedAtMs) {

    public Entry {
      WorkoutId.require(workoutId);
      if (!SessionRecord.ACTIVE.equals(status) && !SessionRecord.ENDED.equals(status)) {
        throw new IllegalArgumentException("status must be active or ended, got " + status);
      }
      if (frameCount < 0) {
        throw new IllegalArgumentException("frame_count must be 0 or more, got " + frameCount);
      }
    }

    /** The entry of a stored session. */
    public static Entry of(SessionRecord session) {
      return new Entry(session.workoutId(), session.status(), session.frameCount(), session.updatedAtMs());
    }

    /** {@code {"workout_id", "status", "frame_count", "updated_at"}}. */
    public JsonObject toJson() {
      return new JsonObject().put("workout_id", workoutId).put("status", status).put("frame_count", frameCount)
          .put("updated_at", updatedAtMs);
    }

    /** The entry from its JSON; throws {@link IllegalArgumentException} naming the field that is wrong. */
    public static Entry fromJson(JsonObject json) {
      if (!(json.getValue("workout_id") instanceof String workout)) {
        throw new IllegalArgumentException("workout_id must be a string");
      }
      if (!(json.getValue("status") instanceof String status)) {
        throw new IllegalArgumentException("status must be a string");
      }
      return new Entry(workout, status, whole(json, "frame_count"), whole(json, "updated_at"));
    }

    private static long whole(JsonObject json, String field) {
      Object value = json.getValue(field);
      if (value instanceof Integer || value instanceof Long) {
        return ((Number) value).longValue();
      }
      throw new IllegalArgumentException(field + " must be a whole number, got " + value);
    }
  }

  /** {@code {"sessions": [Entry#toJson...]}}. */
  public JsonObject toJson() {
    JsonArray array = new JsonArray();
    sessions.forEach(entry -> array.add(entry.toJson()));
    return new JsonObject().put("sessions", array);
  }

  /** The list from its JSON; throws {@link IllegalArgumentException} naming the entry and field that are wrong. */
  public static StoredSessions fromJson(JsonObject json) {
    if (!(json.getValue("sessions") instanceof JsonArray array)) {
      throw new IllegalArgumentException("sessions must be an array");
    }
    List<Entry> entries = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      if (!(array.getValue(i) instanceof JsonObject entry)) {
        throw new IllegalArgumentException("sessions[" + i + "] must be a JSON object");
      }
      try {
        entries.add(Entry.fromJson(entry));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("sessions[" + i + "]." + e.getMessage(), e);
      }
    }
    return new StoredSessions(entries);
  }
}
