package io.streamhub.contracts.socketio;

import io.vertx.core.json.JsonObject;

/**
 * The HTTP answer to a {@link ForwardedPoll}, which the node holding the client's request writes out unchanged.
 *
 * @param status HTTP status code
 * @param contentType the {@code Content-Type}, or null for an empty body
 * @param body the response body (UTF-8 text)
 */
public record PollAnswer(int status, String contentType, String body) {

  public PollAnswer {
    if (status < 100 || status > 599) {
      throw new IllegalArgumentException("status must be an HTTP status, got " + status);
    }
    body = body == null ? "" : body;
  }

  public JsonObject toJson() {
    return new JsonObject().put("status", status).put("content_type", contentType).put("body", body);
  }

  /** Reads {@link #toJson()}'s form; throws {@link IllegalArgumentException} naming what is wrong. */
  public static PollAnswer fromJson(JsonObject json) {
    if (json == null || !(json.getValue("status") instanceof Number status)) {
      throw new IllegalArgumentException("a poll answer needs a numeric status");
    }
    return new PollAnswer(status.intValue(), json.getString("content_type"), json.getString("body"));
  }
}
