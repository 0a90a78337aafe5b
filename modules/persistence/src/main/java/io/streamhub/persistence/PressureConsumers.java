package io.streamhub.persistence;

import io.streamhub.contracts.Addresses;
import io.streamhub.contracts.pressure.FrameRecord;
import io.streamhub.contracts.pressure.StoredSessions;
import io.streamhub.persistence.StoreRequests.NotFound;
import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers the {@code persistence.pressure.*} addresses of {@link Addresses} from a {@link PressureStore}. Every
 * request gets a reply (see {@link StoreRequests#serve}): the body the address documents, or a failure with 400 (the
 * text names the field), 404 (session of a workout never seen) or 503 (the store failed; logged once as a warning).
 * An append is answered only once the store acknowledged every frame of the batch. Nothing here blocks: decoding is
 * in memory and every store operation returns a future.
 */
final class PressureConsumers {

  private static final Logger LOG = LoggerFactory.getLogger(PressureConsumers.class);

  private final StoreRequests requests = new StoreRequests(PressureConsumers.class, "pressure storage");
  private final PressureStore store;

  private final DashboardCounters counters;
  private final EventBus bus;

  private PressureConsumers(PressureStore store, DashboardCounters counters, EventBus bus) {
    this.store = store;
    this.counters = counters;
    this.bus = bus;
  }

  /**
   * Registers the five consumers (cluster-wide when the event bus is clustered). Wait for each one's
   * {@link MessageConsumer#completion()} before counting on it; unregister them to stop.
   */
  static List<MessageConsumer<Object>> register(EventBus bus, PressureStore store, DashboardCounters counters) {
    PressureConsumers consumers = new PressureConsumers(store, counters, bus);
    return List.of(
        bus.consumer(Addresses.PERSISTENCE_PRESSURE_FRAMES_APPEND, consumers::append),
        bus.consumer(Addresses.PERSISTENCE_PRESSURE_FRAMES_QUERY, consumers::query),
        bus.consumer(Addresses.PERSISTENCE_PRESSURE_SESSION_SAVE, consumers::saveSession),
        bus.consumer(Addresses.PERSISTENCE_PRESSURE_SESSION_GET, consumers::getSession),
        bus.consumer(Addresses.PERSISTENCE_PRESSURE_SESSIONS_LIST, consumers::listSessions));
  }

  /**
   * Answers once the frames are stored and counted for their owners' dashboards, so a dashboard read after the
   * acknowledgement includes them; a failure to count is logged and does not fail the write.
   */
  private void append(Message<Object> request) {
    requests.serve(request, "append frames", PressureBodies::frames,
        frames -> store.append(frames).compose(fresh -> countForOwners(fresh).recover(failure -> {
          LOG.warn("counting {} stored frames for the dashboards failed: {}", fresh.size(), StorePinger.reason(failure));
          return Future.succeededFuture();
        }).map(counted -> new JsonObject().put("stored", frames.size()))));
  }

  /**
   * Counts newly stored frames for the owner of their workout ({@link FrameRecord#ownerSub()}, when it has one) and
   * tells the dashboard role ({@link Addresses#DASHBOARD_PRESSURE_STORED}) so it can alert on a pressure peak.
   */
  private Future<Void> countForOwners(List<FrameRecord> fresh) {
    Map<String, List<FrameRecord>> byWorkout = new LinkedHashMap<>();
    fresh.stream().filter(frame -> frame.ownerSub() != null)
        .forEach(frame -> byWorkout.computeIfAbsent(frame.workoutId(), w -> new ArrayList<>()).add(frame));
    List<Future<Void>> counted = new ArrayList<>();
    byWorkout.forEach((workout, frames) -> {
      String owner = frames.get(0).ownerSub();
      counted.add(counters.countFrames(owner, frames).onSuccess(done -> notifyDashboard(owner, workout, frames)));
    });
    return Future.all(counted).mapEmpty();
  }

  private void notifyDashboard(String owner, String workout, List<FrameRecord> frames) {
    double peak = 0;
    long last = 0;
    for (FrameRecord frame : frames) {
      peak = Math.max(peak, DashboardCounters.peak(frame));
      last = Math.max(last, frame.receivedAtMs());
    }
    bus.send(Addresses.DASHBOARD_PRESSURE_STORED, new JsonObject().put("user_id", owner).put("workout_id", workout)
        .put("frames", frames.size()).put("peak_pressure", peak).put("timestamp", last));
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

  private void listSessions(Message<Object> request) {
    requests.serve(request, "list sessions", PressureBodies::sessionsQuery,
        query -> store.sessions(query).map(StoredSessions::toJson));
  }

  private void getSession(Message<Object> request) {
    requests.serve(request, "get session", PressureBodies::workoutId, workoutId -> store.session(workoutId)
        .compose(session -> session == null
            ? Future.failedFuture(new NotFound("no pressure session stored for workout " + workoutId))
            : Future.succeededFuture(session.toJson())));
  }
}
