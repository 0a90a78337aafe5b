package io.streamhub.ingress.rooms;

import io.streamhub.ingress.protocol.EventDispatcher;
import io.streamhub.ingress.protocol.Fields;
import io.vertx.core.json.JsonObject;

/** The room events of the client protocol: {@code subscribe}, {@code unsubscribe}, {@code publish}. */
public final class RoomEvents {

  private RoomEvents() {
  }

  public static void register(EventDispatcher dispatcher, RoomSubscriptions subscriptions, RoomSequencer sequencer) {
    dispatcher.register("subscribe", (connection, data) -> {
      String room = Fields.room(data, "room");
      return subscriptions.subscribe(connection, room).map(v -> new JsonObject().put("room", room).put("subscribed", true));
    });
    dispatcher.register("unsubscribe", (connection, data) -> {
      String room = Fields.room(data, "room");
      return subscriptions.unsubscribe(connection, room).map(v -> new JsonObject().put("room", room).put("subscribed", false));
    });
    dispatcher.register("publish", (connection, data) -> {
      String room = Fields.room(data, "room");
      JsonObject payload = Fields.requiredObject(data, "data");
      return sequencer.publish(room, payload).map(seq -> new JsonObject().put("room", room).put("seq", seq));
    });
  }
}
