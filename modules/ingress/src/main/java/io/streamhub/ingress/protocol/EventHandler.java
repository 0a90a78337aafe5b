package io.streamhub.ingress.protocol;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/**
 * Serves one event name. The result is the acknowledgement payload; a failed future with a
 * {@link ProtocolException} becomes an {@code error} event with its code.
 */
@FunctionalInterface
public interface EventHandler {

  Future<JsonObject> handle(ClientConnection connection, JsonObject data);
}
