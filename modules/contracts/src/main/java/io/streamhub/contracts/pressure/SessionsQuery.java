package io.streamhub.contracts.pressure;

import io.vertx.core.json.JsonObject;

/**
 * The request of {@link io.streamhub.contracts.Addresses#PERSISTENCE_PRESSURE_SESSIONS_LIST}: the most recently
 * updated stored workouts that one caller may open, newest first.
 *
 * <p>What a caller may open follows the ownership rule of every session route: a workout that belongs to nobody is
 * open to anyone; a workout with an owner only to that owner. So a query with a {@code viewerSub} lists the workouts
 * of that user and those of nobody; a query without one (an anonymous caller) lists only those of nobody.
 *
 * @param limit how many workouts at most, 1..{@value #MAX_LIMIT}
 * @param viewerSub the {@code sub} of the caller's token; {@code null} for an anonymous caller
 */
public record SessionsQuery(int limit, String viewerSub) {

  public static final int MAX_LIMIT = 100;

  public SessionsQuery {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
    }
    if (viewerSub != null && viewerSub.isEmpty()) {
      throw new IllegalArgumentException("viewer_sub must be a non-empty string or null");
    }
  }

  /** {@code {"limit", "viewer_sub"}}; {@code viewer_sub} is {@code null} for an anonymous caller. */
  public JsonObject toJson() {
    return new JsonObject().put("limit", limit).put("viewer_sub", viewerSub);
  }

  /**
   * The query from its JSON; throws {@link IllegalArgumentException} naming the field when {@code limit} is missing
   * or not a whole number in range, or {@code viewer_sub} is not a non-empty string or null.
   */
  public static SessionsQuery fromJson(JsonObject json) {
    Object limit = json.getValue("limit");
    if (!(limit instanceof Integer || limit instanceof Long || limit instanceof Short || limit instanceof Byte)) {
      throw new IllegalArgumentException("limit must be a whole number between 1 and " + MAX_LIMIT + ", got "
          + limit);
    }
    long value = ((Number) limit).longValue();
    if (value < 1 || value > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", got " + value);
    }
    Object viewer = json.getValue("viewer_sub");
    if (viewer != null && !(viewer instanceof String)) {
      throw new IllegalArgumentException("viewer_sub must be a string or null");
    }
    return new SessionsQuery((int) value, (String) viewer);
  }
}
