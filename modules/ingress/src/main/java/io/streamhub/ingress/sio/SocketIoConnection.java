package io.streamhub.ingress.sio;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import java.util.Optional;
import java.util.Set;

/** One client's socket in a namespace, as an embedding application sees it. Use it on the ingress event loop. */
public interface SocketIoConnection {

  /** The socket id the client sees ({@code socket.id}). */
  String id();

  String namespace();

  /** The {@code sub} of the token the client connected with, if any. */
  Optional<String> userId();

  /** Emits an event with arguments (JSON values or binary, nested too) to this client. */
  void emit(String event, Object... args);

  /**
   * Emits an event asking for the client's acknowledgement; completes with the arguments the client acknowledged
   * with, or fails after {@code timeoutMs} (or when the socket disconnects first).
   */
  Future<JsonArray> emitWithAck(long timeoutMs, String event, Object... args);

  /** Joins a room of this namespace (see {@link SocketIoNamespace#emitToRoom}). */
  void join(String room);

  void leave(String room);

  Set<String> rooms();

  /** Disconnects the socket (DISCONNECT); the client does not reconnect by itself. */
  void disconnect();
}
