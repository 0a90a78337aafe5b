package io.streamhub.contracts.socketio;

import io.vertx.core.json.JsonObject;
import java.util.Objects;

/**
 * An Engine.IO long-polling request that reached a node other than its session's, sent on to the session's ingress
 * over the event bus ({@link io.streamhub.contracts.Addresses#socketIoForward}).
 *
 * @param kind {@code GET} (a poll, held until packets are ready), {@code POST} (packets from the client) or
 *     {@code ABORT} (the client's connection of the poll {@code pollId} closed before it was answered)
 * @param sid the Engine.IO session id
 * @param pollId identifies a {@code GET} so a later {@code ABORT} names it; null for a {@code POST}
 * @param body the {@code POST} body (UTF-8 text); null otherwise
 */
public record ForwardedPoll(Kind kind, String sid, String pollId, String body) {

  /** What the forwarded request is. */
  public enum Kind { GET, POST, ABORT }

  public ForwardedPoll {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(sid, "sid");
    if (kind != Kind.POST && pollId == null) {
      throw new IllegalArgumentException(kind + " needs a poll_id");
    }
    if (kind == Kind.POST && body == null) {
      throw new IllegalArgumentException("POST needs a body");
    }
  }

  public JsonObject toJson() {
    return new JsonObject().put("kind", kind.name()).put("sid", sid).put("poll_id", pollId).put("body", body);
  }

  /** Reads {@link #toJson()}'s form; throws {@link IllegalArgumentException} naming what is wrong. */
  public static ForwardedPoll fromJson(JsonObject json) {
    if (json == null || !(json.getValue("kind") instanceof String kind) || !(json.getValue("sid") instanceof String sid)) {
      throw new IllegalArgumentException("a forwarded poll needs string kind and sid");
    }
    Kind parsed;
    try {
      parsed = Kind.valueOf(kind);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("kind must be GET, POST or ABORT, got " + kind);
    }
    return new ForwardedPoll(parsed, sid, json.getString("poll_id"), json.getString("body"));
  }
}
