package io.streamhub.persistence;

import io.streamhub.contracts.Addresses;
import io.streamhub.contracts.FailureCodes;
import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers the {@code persistence.replay.*} addresses of {@link Addresses} from a {@link ReplayStore}. Every request
 * gets a reply: the body the address documents, or a failure with {@link FailureCodes#BAD_REQUEST} (the text names
 * the field), {@link FailureCodes#NOT_FOUND} (status of a visitor never seen) or {@link FailureCodes#UNAVAILABLE}
 * (the store failed; logged once as a warning here). Nothing here blocks: decoding is in memory and every store
 * operation returns a future.
 */
final class ReplayConsumers {

  private static final Logger LOG = LoggerFactory.getLogger(ReplayConsumers.class);

  private final ReplayStore store;

  private ReplayConsumers(ReplayStore store) {
    this.store = store;
  }

  /**
   * Registers the five consumers (cluster-wide when the event bus is clustered). Wait for each one's
   * {@link MessageConsumer#completion()} before counting on it; unregister them to stop.
   */
  static List<MessageConsumer<Object>> register(EventBus bus, ReplayStore store) {
    ReplayConsumers consumers = new ReplayConsumers(store);
    return List.of(
        bus.consumer(Addresses.PERSISTENCE_REPLAY_EVENTS_APPEND, consumers::append),
        bus.consumer(Addresses.PERSISTENCE_REPLAY_EVENTS_QUERY, consumers::query),
        bus.consumer(Addresses.PERSISTENCE_REPLAY_STATUS_SAVE, consumers::saveStatus),
        bus.consumer(Addresses.PERSISTENCE_REPLAY_STATUS_GET, consumers::getStatus),
        bus.consumer(Addresses.PERSISTENCE_REPLAY_CLEAR, consumers::clear));
  }

  private void append(Message<Object> request) {
    serve(request, "append events", ReplayBodies::events,
        events -> store.append(events).map(stored -> new JsonObject().put("stored", stored)));
  }

  private void query(Message<Object> request) {
    serve(request, "query events", ReplayBodies::eventsQuery, query -> store.events(query).map(events -> {
      JsonArray array = new JsonArray();
      events.forEach(event -> array.add(event.toJson()));
      return new JsonObject().put("events", array);
    }));
  }

  private void saveStatus(Message<Object> request) {
    serve(request, "save status", ReplayBodies::status,
        status -> store.saveStatus(status).map(stored -> new JsonObject()));
  }

  private void getStatus(Message<Object> request) {
    serve(request, "get status", ReplayBodies::visitorId, visitorId -> store.status(visitorId)
        .compose(status -> status == null
            ? Future.failedFuture(new UnknownVisitor(visitorId))
            : Future.succeededFuture(status.toJson())));
  }

  private void clear(Message<Object> request) {
    serve(request, "clear visitor", ReplayBodies::visitorId,
        visitorId -> store.clear(visitorId).map(deleted -> new JsonObject().put("deleted_events", deleted)));
  }

  /** Decodes the body, runs the store operation and replies; every path ends in a reply. */
  private static <T> void serve(Message<Object> request, String operation, Function<Object, T> decode,
      Function<T, Future<JsonObject>> handle) {
    T decoded;
    try {
      decoded = decode.apply(request.body());
    } catch (IllegalArgumentException e) {
      request.fail(FailureCodes.BAD_REQUEST, e.getMessage());
      return;
    } catch (RuntimeException e) { // a bug here, not in the body: still answer
      LOG.warn("replay storage: decoding a request to {} failed unexpectedly", request.address(), e);
      request.fail(FailureCodes.INTERNAL, "unexpected failure decoding the request: " + StorePinger.reason(e));
      return;
    }
    Future<JsonObject> answer;
    try {
      answer = handle.apply(decoded);
    } catch (RuntimeException e) {
      answer = Future.failedFuture(e);
    }
    answer.onSuccess(request::reply).onFailure(failure -> {
      if (failure instanceof UnknownVisitor unknown) {
        request.fail(FailureCodes.NOT_FOUND, unknown.getMessage());
        return;
      }
      String reason = StorePinger.reason(failure);
      LOG.warn("replay storage: {} failed on {}: {}", operation, request.address(), reason);
      request.fail(FailureCodes.UNAVAILABLE, "store failed to " + operation + ": " + reason);
    });
  }

  /** The status of a visitor never seen (or cleared) was asked for. */
  private static final class UnknownVisitor extends RuntimeException {

    UnknownVisitor(String visitorId) {
      super("no stream status stored for visitor " + visitorId, null, false, false);
    }
  }
}
