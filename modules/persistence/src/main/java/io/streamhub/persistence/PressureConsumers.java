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

/**
 * Answers the {@code persistence.pressure.*} addresses of {@link Addresses} from a {@link PressureStore}. Every
 * request gets a reply (see {@link StoreRequests#serve}): the body the address documents, or a failure with 400 (the
 * text names the field), 404 (session of a workout never seen) or 503 (the store failed; logged once as a warning).
 * An append is answered only once the store acknowledged every frame of the batch. Nothing here blocks: decoding is
 * in memory and every store operation returns a future.
 */
final class PressureConsumers {

  private final StoreRequests requests = new StoreRequests(PressureConsumers.class, "pressure storage");
  private final PressureStore store;

  private PressureConsumers(PressureStore store) {
    this.store = store;
  }

  /**
   * Registers the four consumers (cluster-wide when the event bus is clustered). Wait for each one's
   * {@link MessageConsumer#completion()} before counting on it; unregister them to stop.
   */
  static List<MessageConsumer<Object>> register(EventBus bus, PressureStore store) {
    PressureConsumers consumers = new PressureConsumers(store);
    return List.of(
        bus.consumer(Addresses.PERSISTENCE_PRESSURE_FRAMES_APPEND, consumers::append),
        bus.consumer(Addresses.PERSISTENCE_PRESSURE_FRAMES_QUERY, consumers::query),
        bus.consumer(Addresses.PERSISTENCE_PRESSURE_SESSION_SAVE, consumers::saveSession),
        bus.consumer(Addresses.PERSISTENCE_PRESSURE_SESSION_GET, consumers::getSession));
  }

  private void append(Message<Object> request) {
    requests.serve(request, "append frames", PressureBodies::frames,
        frames -> store.append(frames).map(stored -> new JsonObject().put("stored", stored)));
  }

  private void query(Message<Object> request) {
    requests.serve(request, "query frames", PressureBodies::framesQuery, query -> store.frames(query).map(frames -> {
      JsonArray array = new JsonArray();
      frames.forEach(frame -> array.add(frame.toApiJson()));
      return new JsonObject().put("frames", array);
    }));
  }

  private void saveSession(Message<Object> request) {
    requests.serve(request, "save session", PressureBodies::session,
        session -> store.saveSession(session).map(stored -> new JsonObject()));
  }

  private void getSession(Message<Object> request) {
    requests.serve(request, "get session", PressureBodies::workoutId, workoutId -> store.session(workoutId)
        .compose(session -> session == null
            ? Future.failedFuture(new NotFound("no pressure session stored for workout " + workoutId))
            : Future.succeededFuture(session.toJson())));
  }
}
