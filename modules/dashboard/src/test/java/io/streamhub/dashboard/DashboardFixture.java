package io.streamhub.dashboard;

import io.streamhub.contracts.Addresses;
import io.streamhub.contracts.config.ConfigLoader;
import io.streamhub.contracts.config.StreamhubConfig;
import io.streamhub.contracts.pressure.FrameRecord;
import io.streamhub.contracts.pressure.PressureMatrix;
import io.streamhub.contracts.pressure.SessionRecord;
import io.streamhub.contracts.replay.StreamEventRecord;
import io.streamhub.persistence.PersistenceVerticle;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The persistence and dashboard roles in one Vert.x, and the data a test creates through them. */
final class DashboardFixture {

  private DashboardFixture() {
  }

  /** The default configuration (embedded in-memory store) with pushes every {@code pushIntervalMs}. */
  static StreamhubConfig config(long pushIntervalMs) {
    return ConfigLoader.withOverrides(new JsonObject().put("dashboard",
        new JsonObject().put("push_interval_ms", pushIntervalMs)));
  }

  static Future<Void> deploy(Vertx vertx, StreamhubConfig config) {
    return vertx.deployVerticle(new PersistenceVerticle(config))
        .compose(id -> vertx.deployVerticle(new DashboardVerticle(config, new LocalUserStates(), "node-1")))
        .mapEmpty();
  }

  /** Every {@code USER_PUSH} this Vert.x sees, in order; complete once the consumer is registered. */
  static Future<List<JsonObject>> recordPushes(Vertx vertx) {
    List<JsonObject> pushes = new CopyOnWriteArrayList<>();
    return vertx.eventBus().<JsonObject>consumer(Addresses.USER_PUSH, m -> pushes.add(m.body())).completion()
        .map(pushes);
  }

  static List<JsonObject> pushes(List<JsonObject> all, String user, String event) {
    return all.stream().filter(p -> user.equals(p.getString("user_id")) && event.equals(p.getString("event")))
        .toList();
  }

  static void online(Vertx vertx, String user, String connection) {
    vertx.eventBus().publish(Addresses.DASHBOARD_PRESENCE, new JsonObject().put("user_id", user)
        .put("member_id", "m1").put("connection_id", connection).put("online", true));
  }

  static StreamEventRecord prediction(String user, long seq, double score, boolean fraud, long tsMs) {
    JsonObject data = new JsonObject().put("row", new JsonObject().put("amount", 10)).put("score", score)
        .put("is_fraud", fraud);
    return new StreamEventRecord("v-" + user, "s-" + user, seq, "prediction", data, tsMs, user);
  }

  static Future<JsonObject> append(Vertx vertx, List<StreamEventRecord> events) {
    JsonArray array = new JsonArray();
    events.forEach(e -> array.add(e.toJson()));
    return request(vertx, Addresses.PERSISTENCE_REPLAY_EVENTS_APPEND, new JsonObject().put("events", array));
  }

  static Future<JsonObject> saveSession(Vertx vertx, String workout, String status, String owner, long nowMs) {
    SessionRecord session = new SessionRecord(workout, status, 0, new JsonObject(), owner, nowMs, nowMs);
    return request(vertx, Addresses.PERSISTENCE_PRESSURE_SESSION_SAVE, session.toJson());
  }

  /**
   * Stores frame {@code n} of a workout owned by {@code owner}, received at {@code receivedAtMs}, with the given mean
   * and peak cell.
   */
  static Future<JsonObject> frame(Vertx vertx, String workout, String owner, long n, double mean, double peak,
      long receivedAtMs) {
    JsonObject stats = new JsonObject().put("mean", mean).put("max", new JsonObject().put("value", peak));
    PressureMatrix matrix = PressureMatrix.fromRows(new JsonArray().add(new JsonArray().add(mean).add(peak)));
    FrameRecord frame = new FrameRecord(workout, n, receivedAtMs, matrix, null, stats, receivedAtMs, owner);
    return request(vertx, Addresses.PERSISTENCE_PRESSURE_FRAMES_APPEND,
        new JsonObject().put("frames", new JsonArray().add(frame.toJson())));
  }

  static Future<JsonObject> request(Vertx vertx, String address, JsonObject body) {
    return vertx.eventBus().<JsonObject>request(address, body).map(Message::body);
  }

  static Future<JsonObject> dashboard(Vertx vertx, String user) {
    return request(vertx, Addresses.DASHBOARD_DATA_GET, new JsonObject().put("user_id", user));
  }

  static Future<JsonObject> action(Vertx vertx, String user, String action, JsonObject data) {
    return request(vertx, Addresses.DASHBOARD_USER_ACTION, new JsonObject().put("user_id", user)
        .put("action", action).put("data", data).put("timestamp", System.currentTimeMillis()));
  }

  /** Completes after {@code ms} on a Vert.x timer (never blocks a thread). */
  static Future<Void> after(Vertx vertx, long ms) {
    return Future.future(promise -> vertx.setTimer(ms, id -> promise.complete()));
  }
}
