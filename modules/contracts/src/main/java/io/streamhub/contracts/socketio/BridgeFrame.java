package io.streamhub.contracts.socketio;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One message between the ingress that holds a Socket.IO socket (its <em>owner</em>) and the ingress where its client
 * reconnected (the <em>holder</em> of the client's new Engine.IO session), after a cross-node connection state
 * recovery.
 *
 * @param kind what the frame is, see {@link Kind}
 * @param pid the socket's private id (holder → owner; and in {@link Kind#RECOVER})
 * @param sid the client's Engine.IO session on the holder (owner → holder; and in {@link Kind#RECOVER})
 * @param namespace the socket's namespace
 * @param offset the last event offset the client received ({@link Kind#RECOVER}); null when none
 * @param memberId the holder's ingress id ({@link Kind#RECOVER}), where the owner sends the socket's packets
 * @param socketId the recovered socket's id ({@link Kind#RECOVERED})
 * @param packets Engine.IO message packets, each a text or a binary ({@link Kind#RECOVERED}: the missed events;
 *     {@link Kind#OUT}: to the client; {@link Kind#IN}: one Socket.IO packet from the client and its attachments)
 */
public record BridgeFrame(Kind kind, String pid, String sid, String namespace, String offset, String memberId,
    String socketId, List<Object> packets) {

  /** What a frame says. */
  public enum Kind {
    /** Holder → owner, a request: the client of socket {@code pid} reconnected on the holder's session {@code sid}. */
    RECOVER,
    /** Owner → holder, the answer to {@link #RECOVER}: the socket's id and the events the client missed. */
    RECOVERED,
    /** Owner → holder: packets for the client. */
    OUT,
    /** Owner → holder: close the client's transport (it will reconnect). */
    CLOSE,
    /** Owner → holder: send DISCONNECT for the namespace; the socket has ended. */
    DISCONNECT,
    /** Holder → owner: a packet from the client (an event or an ack). */
    IN,
    /** Holder → owner: the client's connection dropped again; the socket waits for it once more. */
    GONE,
    /** Holder → owner: the client left the namespace (DISCONNECT); the socket ends. */
    LEFT
  }

  public BridgeFrame {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(namespace, "namespace");
    packets = packets == null ? List.of() : List.copyOf(packets);
    for (Object packet : packets) {
      if (!(packet instanceof String) && !(packet instanceof byte[])) {
        throw new IllegalArgumentException("a packet is a String or a byte[]");
      }
    }
  }

  public JsonObject toJson() {
    JsonArray encoded = new JsonArray();
    packets.forEach(p -> encoded.add(p instanceof String text ? new JsonObject().put("t", text)
        : new JsonObject().put("b", (byte[]) p)));
    return new JsonObject().put("kind", kind.name()).put("pid", pid).put("sid", sid).put("namespace", namespace)
        .put("offset", offset).put("member_id", memberId).put("socket_id", socketId).put("packets", encoded);
  }

  /** Reads {@link #toJson()}'s form; throws {@link IllegalArgumentException} naming what is wrong. */
  public static BridgeFrame fromJson(JsonObject json) {
    if (json == null || !(json.getValue("kind") instanceof String kind)
        || !(json.getValue("namespace") instanceof String namespace)) {
      throw new IllegalArgumentException("a bridge frame needs string kind and namespace");
    }
    List<Object> packets = new ArrayList<>();
    JsonArray encoded = json.getJsonArray("packets", new JsonArray());
    for (int i = 0; i < encoded.size(); i++) {
      JsonObject packet = encoded.getJsonObject(i);
      packets.add(packet.containsKey("t") ? packet.getString("t") : packet.getBinary("b"));
    }
    Kind parsed;
    try {
      parsed = Kind.valueOf(kind);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown bridge frame kind " + kind);
    }
    return new BridgeFrame(parsed, json.getString("pid"), json.getString("sid"), namespace, json.getString("offset"),
        json.getString("member_id"), json.getString("socket_id"), packets);
  }
}
