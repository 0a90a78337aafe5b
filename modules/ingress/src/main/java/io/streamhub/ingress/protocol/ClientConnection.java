package io.streamhub.ingress.protocol;

import io.streamhub.ingress.auth.AuthenticatedUser;
import io.vertx.core.json.JsonObject;
import java.util.Optional;

/**
 * One connected client, whatever wire protocol it speaks. Handlers and rooms see only this, so a second protocol
 * (Socket.IO) plugs in by implementing it.
 */
public interface ClientConnection {

  /** Unique id, also sent to the client in {@code connected}. */
  String id();

  /**
   * Pushes an event. Never blocks; if the client cannot keep up the connection closes itself as a slow consumer.
   */
  void send(OutboundEvent event);

  default void send(String event, JsonObject data) {
    send(new OutboundEvent(event, data));
  }

  /** The user the connection authenticated as; empty for an anonymous connection. */
  default Optional<AuthenticatedUser> user() {
    return Optional.empty();
  }

  /** Closes the connection with a protocol close code and a reason. */
  void close(short code, String reason);
}
