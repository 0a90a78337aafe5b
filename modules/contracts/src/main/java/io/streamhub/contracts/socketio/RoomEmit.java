package io.streamhub.contracts.socketio;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An event for every socket in one room of one Socket.IO namespace, across the cluster, encoded once by the sender.
 *
 * @param namespace the namespace, e.g. {@code /chat}
 * @param room the room within the namespace
 * @param packet the Socket.IO EVENT packet's text (e.g. {@code 2/chat,["news",{...}]}, or a binary event's header)
 * @param attachments the binary attachments of a binary event, in order; empty otherwise
 */
public record RoomEmit(String namespace, String room, String packet, List<byte[]> attachments) {

  public RoomEmit {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(room, "room");
    Objects.requireNonNull(packet, "packet");
    attachments = List.copyOf(attachments);
  }

  public JsonObject toJson() {
    JsonArray binaries = new JsonArray();
    attachments.forEach(binaries::add);
    return new JsonObject().put("namespace", namespace).put("room", room).put("packet", packet)
        .put("attachments", binaries);
  }

  /** Reads {@link #toJson()}'s form (attachments as bytes, or base64 after a trip through the cluster). */
  public static RoomEmit fromJson(JsonObject json) {
    if (json == null || !(json.getValue("namespace") instanceof String namespace)
        || !(json.getValue("room") instanceof String room) || !(json.getValue("packet") instanceof String packet)) {
      throw new IllegalArgumentException("a room emit needs string namespace, room and packet");
    }
    JsonArray binaries = json.getJsonArray("attachments", new JsonArray());
    List<byte[]> attachments = new ArrayList<>(binaries.size());
    for (int i = 0; i < binaries.size(); i++) {
      attachments.add(binaries.getBinary(i));
    }
    return new RoomEmit(namespace, room, packet, attachments);
  }
}
