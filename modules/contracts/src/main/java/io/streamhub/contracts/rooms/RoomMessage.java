package io.streamhub.contracts.rooms;

import io.vertx.core.json.JsonObject;
import java.util.Objects;

/**
 * One message published into a room, as delivered to every ingress instance with subscribers.
 *
 * @param room room name (see {@link RoomName})
 * @param seq position in the room, cluster-wide, starting at 1 and increasing by one per message
 * @param data the published payload, passed through untouched
 * @param publishedAtMs wall-clock time the sequencer assigned {@code seq}, epoch milliseconds
 */
public record RoomMessage(String room, long seq, JsonObject data, long publishedAtMs) {

  public RoomMessage {
    RoomName.require(room);
    if (seq < 1) {
      throw new IllegalArgumentException("seq must be >= 1, got " + seq);
    }
    Objects.requireNonNull(data, "data");
  }

  public JsonObject toJson() {
    return new JsonObject().put("room", room).put("seq", seq).put("data", data).put("published_at_ms", publishedAtMs);
  }

  public static RoomMessage fromJson(JsonObject json) {
    return new RoomMessage(json.getString("room"), json.getLong("seq", 0L), json.getJsonObject("data"),
        json.getLong("published_at_ms", 0L));
  }
}
