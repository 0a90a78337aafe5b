package io.streamhub.ingress.sio;

import io.vertx.core.json.JsonArray;

/**
 * What a client's session holds for one namespace it connected to: the socket itself, or, after a recovery on
 * another node, a stand-in that relays to the socket's own node ({@link BridgedSocket}).
 */
interface NamespaceMember {

  String namespace();

  /** An EVENT from the client, with an ack id when it wants an answer. */
  void onEvent(String event, JsonArray args, Long ackId);

  /** An ACK from the client for an event the server emitted with an ack id. */
  void onAck(long ackId, JsonArray args);

  /** The client left the namespace (DISCONNECT). */
  void clientLeft();

  /** The client's session closed, for {@code reason} (an {@link io.streamhub.ingress.socketio.EngineIoCloseReason}). */
  void dropped(String reason);
}
