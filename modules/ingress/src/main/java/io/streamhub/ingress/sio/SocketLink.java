package io.streamhub.ingress.sio;

import io.streamhub.ingress.socketio.EngineIoPacket;
import java.util.List;

/** Where a socket's packets go: the Engine.IO session of its client, wherever that is. */
interface SocketLink {

  /** Sends encoded packets to the client, in order. */
  void send(List<EngineIoPacket> packets);

  /**
   * The server ends the socket: refused credentials send DISCONNECT (the client does not reconnect by itself);
   * anything else closes the transport, so the client reconnects.
   */
  void close(SocketIoSocket socket, short code);

  /** DISCONNECT for the socket's namespace; the client's session stays for its other namespaces. */
  void disconnect(SocketIoSocket socket);
}
