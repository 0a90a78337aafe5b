package io.streamhub.contracts.rooms;

import java.util.regex.Pattern;

/** Room names: 1–128 characters out of {@code [A-Za-z0-9._:-]}. */
public final class RoomName {

  public static final int MAX_LENGTH = 128;
  private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._:-]{1," + MAX_LENGTH + "}");

  private RoomName() {
  }

  public static boolean isValid(String name) {
    return name != null && VALID.matcher(name).matches();
  }

  /** Returns the name, or throws with a message that says what is wrong with it. */
  public static String require(String name) {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("room must be a non-empty string");
    }
    if (name.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("room must be at most " + MAX_LENGTH + " characters, got " + name.length());
    }
    if (!VALID.matcher(name).matches()) {
      throw new IllegalArgumentException("room may contain only letters, digits and . _ : -");
    }
    return name;
  }
}
