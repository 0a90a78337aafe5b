package io.streamhub.ingress.sio;

/** A client's acknowledgement callback; the first call answers it, later calls are ignored. */
@FunctionalInterface
public interface SocketIoAck {

  /** Answers with these arguments (JSON values or binary, as for {@link SocketIoConnection#emit}). */
  void reply(Object... args);
}
