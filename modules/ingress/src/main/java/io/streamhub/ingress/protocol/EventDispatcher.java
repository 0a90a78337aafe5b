package io.streamhub.ingress.protocol;

import io.streamhub.ingress.IngressMetrics;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes an event name to its handler, for every wire protocol. Unknown events and handler failures come back as a
 * failed future carrying a {@link ProtocolException}; unexpected exceptions are logged once here and reported to the
 * client as {@link ErrorCode#INTERNAL}.
 */
public final class EventDispatcher {

  private static final Logger LOG = LoggerFactory.getLogger(EventDispatcher.class);

  private final Map<String, EventHandler> handlers = new HashMap<>();
  private final IngressMetrics metrics;

  public EventDispatcher(IngressMetrics metrics) {
    this.metrics = metrics;
  }

  public EventDispatcher register(String event, EventHandler handler) {
    if (handlers.putIfAbsent(event, handler) != null) {
      throw new IllegalStateException("two handlers for event " + event);
    }
    return this;
  }

  public boolean has(String event) {
    return handlers.containsKey(event);
  }

  public Set<String> events() {
    return Set.copyOf(handlers.keySet());
  }

  public Future<JsonObject> dispatch(ClientConnection connection, String event, JsonObject data) {
    EventHandler handler = handlers.get(event);
    metrics.received(handler == null ? IngressMetrics.UNKNOWN_EVENT : event);
    if (handler == null) {
      return Future.failedFuture(new ProtocolException(ErrorCode.UNKNOWN_EVENT, "unknown event \"" + event + "\""));
    }
    Future<JsonObject> result;
    try {
      result = handler.handle(connection, data);
    } catch (ProtocolException e) {
      return Future.failedFuture(e);
    } catch (RuntimeException e) {
      result = Future.failedFuture(e);
    }
    return result.recover(failure -> Future.failedFuture(asProtocolException(connection, event, failure)));
  }

  private static ProtocolException asProtocolException(ClientConnection connection, String event, Throwable failure) {
    if (failure instanceof ProtocolException pe) {
      return pe;
    }
    LOG.error("handler for {} failed on connection {}", event, connection.id(), failure);
    return new ProtocolException(ErrorCode.INTERNAL, "internal error while handling " + event);
  }
}
