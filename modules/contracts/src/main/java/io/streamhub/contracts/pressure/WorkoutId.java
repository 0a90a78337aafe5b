package io.streamhub.contracts.pressure;

import java.util.regex.Pattern;

/** Workout ids: 1–64 characters out of {@code [A-Za-z0-9_-]}. */
public final class WorkoutId {

  public static final int MAX_LENGTH = 64;
  private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_-]{1," + MAX_LENGTH + "}");

  private WorkoutId() {
  }

  public static boolean isValid(String id) {
    return id != null && VALID.matcher(id).matches();
  }

  /** Returns the id, or throws with a message that says what is wrong with it. */
  public static String require(String id) {
    if (id == null || id.isEmpty()) {
      throw new IllegalArgumentException("workout_id must be a non-empty string");
    }
    if (id.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("workout_id must be at most " + MAX_LENGTH + " characters, got " + id.length());
    }
    if (!VALID.matcher(id).matches()) {
      throw new IllegalArgumentException("workout_id may contain only letters, digits, _ and -");
    }
    return id;
  }
}
