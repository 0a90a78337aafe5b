package io.streamhub.ingress.auth;

import io.streamhub.contracts.config.RoomRule;
import io.streamhub.contracts.config.RoomRule.Action;
import io.streamhub.contracts.pressure.WorkoutId;
import io.streamhub.contracts.rooms.UserRoom;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who may subscribe to and publish into a room ({@code auth.rooms.rules}). A rule grants; nothing denies. In order:
 * a user may always subscribe to its own {@code user.<sub>} room; a rule that covers the room and the action grants
 * it when its pattern matches (with {@code {sub}} replaced) and the token carries its claims; rooms under
 * {@value #USER_PREFIX} and {@value #WORKOUT_PREFIX}, and rooms some rule covers for that action, are denied
 * otherwise — except that a user may subscribe to {@code workout.<id>} of a workout it owns, and anyone to that of
 * a workout nobody owns while {@code auth.required.pressure} is off, which only the stats role knows
 * ({@link Verdict#IF_OWNER}); every other room is open to everyone, as before authentication existed.
 */
public final class RoomPolicy {

  public static final String USER_PREFIX = UserRoom.PREFIX;
  public static final String WORKOUT_PREFIX = "workout.";

  /** The outcome for one room and action. */
  public enum Verdict {
    ALLOW,
    /**
     * Subscribing to {@code workout.<id>}: allowed when the connection's user owns the workout, or when nobody owns
     * it and pressure sessions do not require a token; see {@link RoomAccess}.
     */
    IF_OWNER,
    /** Anonymous, and no rule grants it to anonymous connections: a token might help. */
    UNAUTHORIZED,
    /** Authenticated, and no rule grants it to this user. */
    FORBIDDEN
  }

  private RoomPolicy() {
  }

  public static Verdict decide(List<RoomRule> rules, Optional<AuthenticatedUser> user, String room, Action action) {
    String segment = user.map(u -> UserRoom.segment(u.sub())).orElse(null);
    if (action == Action.SUBSCRIBE && segment != null && room.equals(USER_PREFIX + segment)) {
      return Verdict.ALLOW;
    }
    boolean covered = false;
    for (RoomRule rule : rules) {
      if (!rule.actions().contains(action) || !rule.covers(room)) {
        continue;
      }
      covered = true;
      if (rule.matches(room, segment) && claimsMet(rule.claims(), user)) {
        return Verdict.ALLOW;
      }
    }
    if (!covered && !room.startsWith(USER_PREFIX) && !room.startsWith(WORKOUT_PREFIX)) {
      return Verdict.ALLOW;
    }
    if (action == Action.SUBSCRIBE && workoutId(room) != null) {
      return Verdict.IF_OWNER;
    }
    return user.isPresent() ? Verdict.FORBIDDEN : Verdict.UNAUTHORIZED;
  }

  /** The workout of a {@code workout.<id>} room, or null when the room is not one. */
  public static String workoutId(String room) {
    if (!room.startsWith(WORKOUT_PREFIX)) {
      return null;
    }
    String id = room.substring(WORKOUT_PREFIX.length());
    return WorkoutId.isValid(id) ? id : null;
  }

  private static boolean claimsMet(Map<String, String> required, Optional<AuthenticatedUser> user) {
    if (required.isEmpty()) {
      return true;
    }
    if (user.isEmpty()) {
      return false;
    }
    JsonObject claims = user.get().claims();
    return required.entrySet().stream().allMatch(e -> claimHolds(claims.getValue(e.getKey()), e.getValue()));
  }

  private static boolean claimHolds(Object value, String wanted) {
    if (value instanceof JsonArray list) {
      return list.stream().anyMatch(item -> item != null && wanted.equals(String.valueOf(item)));
    }
    return value != null && !(value instanceof JsonObject) && wanted.equals(String.valueOf(value));
  }
}
