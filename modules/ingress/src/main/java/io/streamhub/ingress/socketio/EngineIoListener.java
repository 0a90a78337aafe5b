package io.streamhub.ingress.socketio;

/** What an {@link EngineIoSession} hands to the layer above (the Socket.IO decoder). Called on the session's thread. */
public interface EngineIoListener {

  /** A message packet from the client, text or binary (see {@link EngineIoPacket#isBinary()}). */
  void onMessage(EngineIoPacket message);

  /** The session closed, with one of the {@link EngineIoCloseReason} strings; called once. */
  void onClose(String reason);
}
