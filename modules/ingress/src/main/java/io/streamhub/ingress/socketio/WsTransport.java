package io.streamhub.ingress.socketio;

/** The session's view of one WebSocket connection; each call is one frame. */
public interface WsTransport {

  /** Sends a text frame, e.g. {@code 3probe} or {@code 42["ev"]}. */
  void sendText(String frame);

  /** Sends a binary frame (an Engine.IO binary message, bytes unchanged). */
  void sendBinary(byte[] frame);

  /** Closes the WebSocket. Reporting the close back with {@link EngineIoSession#onWebSocketClosed} is harmless. */
  void close();
}
