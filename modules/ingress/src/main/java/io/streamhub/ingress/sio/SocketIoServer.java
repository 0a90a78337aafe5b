package io.streamhub.ingress.sio;

/**
 * The Socket.IO server of a node, for an application that embeds Streamhub (see {@code Node#socketIo()}): it adds its
 * own namespaces and event handlers next to Streamhub's protocol, which is served in the main namespace {@code /}.
 * Thread-safe; handlers run on the ingress event loop and must not block.
 */
public interface SocketIoServer {

  /**
   * The namespace {@code name}, created on first use; clients can connect to it from then on (before, a CONNECT to it
   * is refused with "Invalid namespace"). {@code "/"} is Streamhub's own namespace: handlers added there receive the
   * events Streamhub does not define.
   *
   * @param name {@code /} followed by letters, digits and {@code ._~-}, segments separated by {@code /}
   */
  SocketIoNamespace namespace(String name);
}
