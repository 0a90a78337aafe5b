package io.streamhub.ingress.socketio;

/**
 * Input that breaks the Engine.IO v4 or Socket.IO v5 wire format; the message says what is wrong. Per both specs the
 * connection that sent it is closed (the session closes itself for Engine.IO errors; the caller closes the connection
 * when {@link SocketIoDecoder} throws).
 */
public final class SocketIoProtocolException extends RuntimeException {

  public SocketIoProtocolException(String message) {
    super(message, null, false, false);
  }
}
