package io.streamhub.persistence;

import io.streamhub.contracts.Addresses;
import io.streamhub.persistence.StoreRequests.NotFound;
import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers the {@code persistence.replay.*} addresses of {@link Addresses} from a {@link ReplayStore}. Every request
 * gets a reply (see {@link StoreRequests#serve}): the body the address documents, or a failure with 400 (the text
 * names the field), 404 (status of a visitor never seen) or 503 (the store failed; logged once as a warning). Newly
 * stored predictions of a user's stream are counted for the dashboards ({@link DashboardCounters}) before the append
 * is answered. Only new events are counted, so a re-sent batch never counts twice; a count that fails after the
 * events went in is logged and lost (the append still succeeds: the events are stored). Nothing
 * here blocks: decoding is in memory and every store operation returns a future.
 */
final class ReplayConsumers {

  private static final Logger LOG = LoggerFactory.getLogger(ReplayConsumers.class);

  private final StoreRequests requests = new StoreRequests(ReplayConsumers.class, "replay storage");
  private final ReplayStore store;
  private final DashboardCounters counters;

  private ReplayConsumers(ReplayStore store, DashboardCounters counters) {
    this.store = store;
    this.counters = counters;
  }

  /**
   * Registers the five consumers (cluster-wide when the event bus is clustered). Wait for each one's
   * {@link MessageConsumer#completion()} before counting on it; unregister them to stop.
   */
  static List<MessageConsumer<Object>> register(EventBus bus, ReplayStore store, DashboardCounters counters) {
    ReplayConsumers consumers = new ReplayConsumers(store, counters);
    return List.of(
        bus.consumer(Addresses.PERSISTENCE_REPLAY_EVENTS_APPEND, consumers::append),
        bus.consumer(Addresses.PERSISTENCE_REPLAY_EVENTS_QUERY, consumers::query),
        bus.consumer(Addresses.PERSISTENCE_REPLAY_STATUS_SAVE, consumers::saveStatus),
        bus.consumer(Addresses.PERSISTENCE_REPLAY_STATUS_GET, consumers::getStatus),
        bus.consumer(Addresses.PERSISTENCE_REPLAY_CLEAR, consumers::clear));
  }

  private void append(Message<Object> request) {
    requests.serve(request, "append events", ReplayBodies::events,
        events -> store.append(events).compose(fresh -> counters.countPredictions(fresh)
            .recover(failure -> {
              LOG.warn("counting {} stored events for the dashboards failed: {}", fresh.size(),
                  StorePinger.reason(failure));
              return Future.succeededFuture();
            })
            .map(counted -> new JsonObject().put("stored", fresh.size()))));
  }

  private void query(Message<Object> request) {
    requests.serve(request, "query events", ReplayBodies::eventsQuery, query -> store.events(query).map(events -> {
      JsonArray array = new JsonArray();
      events.forEach(event -> array.add(event.toJson()));
      return new JsonObject().put("events", array);
    }));
  }

  private void saveStatus(Message<Object> request) {
    requests.serve(request, "save status", ReplayBodies::status,
        status -> store.saveStatus(status).map(stored -> new JsonObject()));
  }

  private void getStatus(Message<Object> request) {
    requests.serve(request, "get status", ReplayBodies::visitorId, visitorId -> store.status(visitorId)
        .compose(status -> status == null
            ? Future.failedFuture(new NotFound("no stream status stored for visitor " + visitorId))
            : Future.succeededFuture(status.toJson())));
  }

  private void clear(Message<Object> request) {
    requests.serve(request, "clear visitor", ReplayBodies::visitorId,
        visitorId -> store.clear(visitorId).map(deleted -> new JsonObject().put("deleted_events", deleted)));
  }
}
