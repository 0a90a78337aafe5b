package io.streamhub.ingress.sio;

import java.util.function.Consumer;

/** One Socket.IO namespace of an embedding application: its handlers, and emitting to its rooms. Thread-safe. */
public interface SocketIoNamespace {

  String name();

  /** Called for every socket that connects to this namespace, on the node it connected to. */
  SocketIoNamespace onConnection(Consumer<SocketIoConnection> handler);

  /** Called for every socket of this namespace that disconnects, whatever the reason. */
  SocketIoNamespace onDisconnect(Consumer<SocketIoConnection> handler);

  /**
   * Handles the event {@code event} from clients of this namespace; one handler per event. An event without handler
   * gets the {@code error} event {@code unknown_event} (and its ack, if any, {@code {error}}).
   */
  SocketIoNamespace on(String event, SocketIoHandler handler);

  /**
   * Emits to every socket in {@code room} of this namespace on every node of the cluster. Arguments are JSON values
   * ({@code JsonObject}, {@code JsonArray}, strings, numbers, booleans, null) or binary ({@code byte[]},
   * {@code Buffer}), also nested. Emits from one caller arrive in the order made.
   */
  void emitToRoom(String room, String event, Object... args);
}
