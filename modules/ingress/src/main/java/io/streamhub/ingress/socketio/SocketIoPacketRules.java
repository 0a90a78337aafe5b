package io.streamhub.ingress.socketio;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Set;

/** The Socket.IO v5 rules for a packet's data and ack id, shared by the encoder and the decoder. */
final class SocketIoPacketRules {

  /** Event names socket.io-parser refuses, as they have a meaning of their own on the client or the server. */
  static final Set<String> RESERVED_EVENTS =
      Set.of("connect", "connect_error", "disconnect", "disconnecting", "newListener", "removeListener");

  private SocketIoPacketRules() {
  }

  /**
   * @throws SocketIoProtocolException naming the rule that {@code data} or {@code ackId} breaks for {@code type}
   */
  static void check(SocketIoPacketType type, Long ackId, Object data) {
    switch (type) {
      case CONNECT -> {
        noAckId(type, ackId);
        if (data != null && !(data instanceof JsonObject)) {
          throw fail(type, "data must be a JSON object or absent");
        }
      }
      case DISCONNECT -> {
        noAckId(type, ackId);
        if (data != null) {
          throw fail(type, "must not carry data");
        }
      }
      case EVENT, BINARY_EVENT -> checkEvent(type, data);
      case ACK, BINARY_ACK -> {
        if (ackId == null) {
          throw fail(type, "needs an ack id");
        }
        if (!(data instanceof JsonArray)) {
          throw fail(type, "data must be a JSON array");
        }
      }
      case CONNECT_ERROR -> {
        noAckId(type, ackId);
        if (!(data instanceof JsonObject object) || !(object.getValue("message") instanceof String)) {
          throw fail(type, "data must be an object {\"message\": string, \"data\"?: any}");
        }
      }
      default -> throw new IllegalStateException("unhandled type " + type);
    }
  }

  private static void checkEvent(SocketIoPacketType type, Object data) {
    if (!(data instanceof JsonArray array) || array.isEmpty()) {
      throw fail(type, "data must be a non-empty JSON array");
    }
    List<Object> list = array.getList();
    if (!(list.get(0) instanceof String name)) {
      throw fail(type, "the first element must be the event name, a string");
    }
    if (RESERVED_EVENTS.contains(name)) {
      throw fail(type, "event name \"" + name + "\" is reserved");
    }
  }

  private static void noAckId(SocketIoPacketType type, Long ackId) {
    if (ackId != null) {
      throw fail(type, "must not carry an ack id");
    }
  }

  private static SocketIoProtocolException fail(SocketIoPacketType type, String problem) {
    return new SocketIoProtocolException("Socket.IO " + type + " packet: " + problem);
  }
}
