package io.streamhub.contracts.replay;

import io.vertx.core.json.JsonObject;

/**
 * A page of a visitor's stored events, newest first.
 *
 * @param visitorId the visitor
 * @param limit events per page, 1..{@value #MAX_LIMIT}
 * @param offset events skipped from the newest, 0 or more
 */
public record EventsQuery(String visitorId, int limit, int offset) {

  public static final int MAX_LIMIT = 1000;

  public EventsQuery {
    VisitorId.require(visitorId);
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
    }
    if (offset < 0) {
      throw new IllegalArgumentException("offset must be 0 or more, got " + offset);
    }
  }

  public JsonObject toJson() {
    return new JsonObject().put("visitor_id", visitorId).put("limit", limit).put("offset", offset);
  }

  public static EventsQuery fromJson(JsonObject json) {
    return new EventsQuery(json.getString("visitor_id"), json.getInteger("limit", 0), json.getInteger("offset", 0));
  }
}
