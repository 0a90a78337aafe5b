package io.streamhub.ingress.rooms;

import io.streamhub.contracts.config.RoomRule.Action;
import io.streamhub.ingress.auth.RoomAccess;
import io.streamhub.ingress.protocol.EventDispatcher;
import io.streamhub.ingress.protocol.Fields;
import io.vertx.core.json.JsonObject;

/**
 * The room events of the client protocol: {@code subscribe}, {@code unsubscribe}, {@code publish}. Subscribe and
 * publish are checked against the room rules ({@link RoomAccess}); unsubscribe never is.
 */
public final class RoomEvents {

  private RoomEvents() {
  }

  public static void register(EventDispatcher dispatcher, RoomSubscriptions subscriptions, RoomSequencer sequencer,
      RoomAccess access) {
    dispatcher.register("subscribe", (connection, data) -> {
      String room = Fields.room(data, "room");
      return access.check(connection.user(), room, Action.SUBSCRIBE)
          .compose(ok -> subscriptions.subscribe(connection, room))
          .map(v -> new JsonObject().put("room", room).put("subscribed", true));
    });
    dispatcher.register("unsubscribe", (connection, data) -> {
      String room = Fields.room(data, "room");
      return subscriptions.unsubscribe(connection, room).map(v -> new JsonObject().put("room", room).put("subscribed", false));
    });
    dispatcher.register("publish", (connection, data) -> {
      String room = Fields.room(data, "room");
      JsonObject payload = Fields.requiredObject(data, "data");
      return access.check(connection.user(), room, Action.PUBLISH).compose(ok -> sequencer.publish(room, payload))
          .map(seq -> new JsonObject().put("room", room).put("seq", seq));
    });
  }
}
