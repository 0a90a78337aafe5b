package io.streamhub.ingress.sio;

import io.vertx.core.json.JsonArray;

/** Handles one event of an application's namespace. Runs on the ingress event loop: do not block. */
@FunctionalInterface
public interface SocketIoHandler {

  /**
   * @param socket the client's socket
   * @param args the event's arguments; binary arguments are {@code byte[]} (read them with {@code getBinary} or
   *     {@code getList()}, as {@code getValue} turns bytes into base64 strings)
   * @param ack the client's ack callback, or null when the client asked for none
   */
  void handle(SocketIoConnection socket, JsonArray args, SocketIoAck ack);
}
