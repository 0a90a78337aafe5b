package io.streamhub.ingress.socketio;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Objects;

/**
 * One Socket.IO v5 packet.
 *
 * <p>{@code data} is a {@link JsonObject} (CONNECT, CONNECT_ERROR), a {@link JsonArray} (EVENT: event name then
 * arguments; ACK: the answer's arguments) or null (DISCONNECT, CONNECT without payload). Binary arguments are
 * {@code byte[]} or {@code Buffer} values anywhere inside the array; read them with {@code getList()}/{@code getMap()}
 * or {@link JsonArray#getBinary(int)}, since Vert.x's {@code getValue} turns bytes into base64 strings. Decoded binary
 * packets come back as {@link SocketIoPacketType#EVENT}/{@link SocketIoPacketType#ACK} with {@code byte[]} values
 * where the placeholders were, as socket.io-parser does.
 *
 * @param namespace starts with {@code /} and holds no comma; {@code /} is the main namespace
 * @param ackId     the acknowledgement id (0 or more), or null when none is asked for
 */
public record SocketIoPacket(SocketIoPacketType type, String namespace, Long ackId, Object data) {

  /** The main namespace. */
  public static final String MAIN_NAMESPACE = "/";

  public SocketIoPacket {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(namespace, "namespace");
    if (!namespace.startsWith("/") || namespace.indexOf(',') >= 0) {
      throw new IllegalArgumentException("namespace must start with '/' and hold no ',': " + namespace);
    }
    if (ackId != null && ackId < 0) {
      throw new IllegalArgumentException("ack id must not be negative: " + ackId);
    }
    if (data != null && !(data instanceof JsonObject) && !(data instanceof JsonArray)) {
      throw new IllegalArgumentException("data must be a JsonObject, a JsonArray or null");
    }
  }

  /** CONNECT, from the client with optional auth data, or from the server with {@code {"sid": ...}}. */
  public static SocketIoPacket connect(String namespace, JsonObject data) {
    return new SocketIoPacket(SocketIoPacketType.CONNECT, namespace, null, data);
  }

  public static SocketIoPacket disconnect(String namespace) {
    return new SocketIoPacket(SocketIoPacketType.DISCONNECT, namespace, null, null);
  }

  /** EVENT {@code [name, args...]}; {@code ackId} null when no acknowledgement is wanted. */
  public static SocketIoPacket event(String namespace, Long ackId, String name, Object... args) {
    JsonArray data = new JsonArray().add(name);
    for (Object arg : args) {
      data.add(arg);
    }
    return new SocketIoPacket(SocketIoPacketType.EVENT, namespace, ackId, data);
  }

  /** ACK for the event {@code ackId}, carrying {@code args} (possibly empty). */
  public static SocketIoPacket ack(String namespace, long ackId, JsonArray args) {
    return new SocketIoPacket(SocketIoPacketType.ACK, namespace, ackId, args);
  }

  /** CONNECT_ERROR {@code {"message": ..., "data": ...}}; {@code details} is left out when null. */
  public static SocketIoPacket connectError(String namespace, String message, Object details) {
    JsonObject data = new JsonObject().put("message", message);
    if (details != null) {
      data.put("data", details);
    }
    return new SocketIoPacket(SocketIoPacketType.CONNECT_ERROR, namespace, null, data);
  }

  /** The event name of an EVENT packet (its first data element). */
  public String eventName() {
    if (!(data instanceof JsonArray array) || array.isEmpty() || !(array.getList().get(0) instanceof String name)) {
      throw new IllegalStateException("not an event packet: " + type);
    }
    return name;
  }

  /** The arguments of an EVENT (after the name) or ACK packet, as a new array sharing the values. */
  public JsonArray args() {
    if (!(data instanceof JsonArray array)) {
      throw new IllegalStateException("no arguments in a " + type + " packet");
    }
    boolean event = type == SocketIoPacketType.EVENT || type == SocketIoPacketType.BINARY_EVENT;
    return new JsonArray(new ArrayList<>(array.getList().subList(event ? 1 : 0, array.size())));
  }
}
