package io.streamhub.contracts.socketio;

import io.vertx.core.json.JsonObject;
import java.util.Objects;

/**
 * One event of a WebSocket relayed between the node that accepted it (the <em>edge</em>) and the node holding its
 * Engine.IO session (the <em>owner</em>).
 *
 * @param kind {@link Kind#OPEN} (edge → owner, a request), {@link Kind#TEXT}, {@link Kind#BINARY} or
 *     {@link Kind#CLOSE} (either way)
 * @param sid the Engine.IO session ({@link Kind#OPEN})
 * @param relayId identifies the relayed WebSocket on both nodes
 * @param memberId the edge's ingress id ({@link Kind#OPEN}), where the owner sends the session's frames
 * @param text a text frame ({@link Kind#TEXT}); null otherwise
 * @param binary a binary frame ({@link Kind#BINARY}); null otherwise
 */
public record WsRelayFrame(Kind kind, String sid, String relayId, String memberId, String text, byte[] binary) {

  /** What a frame says. */
  public enum Kind { OPEN, TEXT, BINARY, CLOSE }

  public WsRelayFrame {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(relayId, "relayId");
  }

  public static WsRelayFrame text(String relayId, String text) {
    return new WsRelayFrame(Kind.TEXT, null, relayId, null, text, null);
  }

  public static WsRelayFrame binary(String relayId, byte[] binary) {
    return new WsRelayFrame(Kind.BINARY, null, relayId, null, null, binary);
  }

  public static WsRelayFrame close(String relayId) {
    return new WsRelayFrame(Kind.CLOSE, null, relayId, null, null, null);
  }

  public JsonObject toJson() {
    JsonObject json = new JsonObject().put("kind", kind.name()).put("relay_id", relayId);
    if (sid != null) {
      json.put("sid", sid);
    }
    if (memberId != null) {
      json.put("member_id", memberId);
    }
    if (text != null) {
      json.put("text", text);
    }
    if (binary != null) {
      json.put("binary", binary);
    }
    return json;
  }

  /** Reads {@link #toJson()}'s form; throws {@link IllegalArgumentException} naming what is wrong. */
  public static WsRelayFrame fromJson(JsonObject json) {
    if (json == null || !(json.getValue("kind") instanceof String kind)
        || !(json.getValue("relay_id") instanceof String relayId)) {
      throw new IllegalArgumentException("a relay frame needs string kind and relay_id");
    }
    Kind parsed;
    try {
      parsed = Kind.valueOf(kind);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown relay frame kind " + kind);
    }
    return new WsRelayFrame(parsed, json.getString("sid"), relayId, json.getString("member_id"),
        json.getString("text"), json.containsKey("binary") ? json.getBinary("binary") : null);
  }
}
