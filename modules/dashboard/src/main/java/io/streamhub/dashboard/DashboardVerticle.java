package io.streamhub.dashboard;

import io.streamhub.contracts.Addresses;
import io.streamhub.contracts.FailureCodes;
import io.streamhub.contracts.config.DashboardConfig;
import io.streamhub.contracts.config.StreamhubConfig;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dashboard role. Learns who is online from the ingress' presence messages, and for each online user computes
 * the dashboard every {@code dashboard.push_interval_ms} — on one node of the cluster only, the holder of the user's
 * lease in {@link UserStates} — pushing {@code dashboard_update} through {@link Addresses#USER_PUSH} only when it
 * differs from the last push (compared without {@code timestamp}); a user's new connection gets one at once. Answers
 * {@link Addresses#DASHBOARD_DATA_GET} and {@link Addresses#DASHBOARD_USER_ACTION}, and pushes {@code new_prediction}
 * and {@code system_alert} ({@link LiveAlerts}) as predictions, pressure peaks and dropped devices happen.
 *
 * <p>{@link #start()} completes once every consumer is registered (cluster-wide when clustered).
 */
public final class DashboardVerticle extends VerticleBase {

  /** Users computed at once during a periodic pass; the rest wait for them, so a pass never floods the store. */
  static final int PASS_PARALLELISM = 16;
  private static final Logger LOG = LoggerFactory.getLogger(DashboardVerticle.class);

  private final String nodeId;
  private final UserStates states;
  private volatile DashboardConfig config;
  private final List<MessageConsumer<JsonObject>> consumers = new ArrayList<>();
  private Presence presence;
  private DashboardService service;
  /** The last push of each user with one in progress on this node; confined to the event loop. */
  private final Map<String, Future<Void>> inFlight = new HashMap<>();
  private long timer = -1;
  private boolean passRunning;

  /** @param nodeId this node, the holder named in the users' leases */
  public DashboardVerticle(StreamhubConfig config, UserStates states, String nodeId) {
    this.config = config.dashboard();
    this.states = states;
    this.nodeId = nodeId;
  }

  @Override
  public Future<?> start() {
    presence = new Presence(config.maxOnlineUsers());
    service = new DashboardService(vertx.eventBus(), context, states, () -> config, System::currentTimeMillis);
    consumers.add(vertx.eventBus().consumer(Addresses.DASHBOARD_PRESENCE, m -> onPresence(m.body())));
    consumers.add(vertx.eventBus().consumer(Addresses.DASHBOARD_DATA_GET, this::dataGet));
    consumers.add(vertx.eventBus().consumer(Addresses.DASHBOARD_USER_ACTION, this::userAction));
    LiveEvents live = new LiveEvents(vertx.eventBus(), context, states, nodeId, () -> config);
    consumers.add(vertx.eventBus().consumer(Addresses.DASHBOARD_PREDICTION, m -> live.onPrediction(m.body())));
    consumers.add(vertx.eventBus().consumer(Addresses.DASHBOARD_PRESSURE_STORED, m -> live.onPressure(m.body())));
    consumers.add(vertx.eventBus().consumer(Addresses.PRESSURE_SESSION_ENDED, m -> live.onSessionEnded(m.body())));
    consumers.add(vertx.eventBus().localConsumer(Addresses.CONFIG_CHANGED, m -> onConfig(m.body())));
    return Future.all(consumers.stream().map(MessageConsumer::completion).toList()).onSuccess(v -> {
      schedule();
      LOG.info("dashboard ready on node {}: pushes every {} ms when changed", nodeId, config.pushIntervalMs());
    });
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(timer);
    return Future.join(consumers.stream().map(MessageConsumer::unregister).toList());
  }

  private void schedule() {
    vertx.cancelTimer(timer);
    timer = vertx.setPeriodic(config.pushIntervalMs(), id -> pass());
  }

  private void onConfig(JsonObject body) {
    long before = config.pushIntervalMs();
    config = StreamhubConfig.fromJson(body).dashboard();
    if (before != config.pushIntervalMs()) {
      schedule();
    }
  }

  private void onPresence(JsonObject body) {
    String user = body.getString("user_id");
    if (user == null || user.isEmpty()) {
      return;
    }
    String connection = body.getString("member_id") + "/" + body.getString("connection_id");
    Presence.Change change = presence.update(user, connection, body.getBoolean("online", false),
        System.currentTimeMillis());
    if (change == Presence.Change.NEW_CONNECTION) {
      push(user, true);
    } else if (change == Presence.Change.IGNORED) {
      LOG.warn("dashboard: {} users online already (dashboard.max_online_users); presence of {} ignored",
          config.maxOnlineUsers(), user);
    }
  }

  /** One periodic pass over the online users, at most {@value #PASS_PARALLELISM} at a time; skipped while one runs. */
  private void pass() {
    if (passRunning) {
      return;
    }
    long now = System.currentTimeMillis();
    presence.expire(now, config.presenceExpiryMs()).forEach(gone -> states.forget(gone, nodeId));
    List<String> users = new ArrayList<>(presence.users());
    passRunning = true;
    List<Future<Void>> lanes = new ArrayList<>();
    for (int lane = 0; lane < Math.min(PASS_PARALLELISM, users.size()); lane++) {
      lanes.add(lane(users, lane));
    }
    Future.join(lanes).onComplete(done -> passRunning = false);
  }

  private Future<Void> lane(List<String> users, int index) {
    if (index >= users.size()) {
      return Future.succeededFuture();
    }
    String user = users.get(index);
    Future<Void> pushed = inFlight.containsKey(user) ? Future.succeededFuture() : push(user, false);
    return pushed.transform(done -> lane(users, index + PASS_PARALLELISM));
  }

  /**
   * Computes and pushes the user's dashboard if this node holds the user's lease, and it changed since the last push
   * (or {@code always}, for a new connection). Pushes of one user run one after the other (a pass skips a user with
   * one in progress), so a pass and a new connection never push the same change twice. Never fails: a failure is
   * logged and the next pass retries.
   */
  private Future<Void> push(String user, boolean always) {
    Future<Void> previous = inFlight.getOrDefault(user, Future.succeededFuture());
    Future<Void> next = previous.transform(done -> computeAndPush(user, always));
    inFlight.put(user, next);
    next.onComplete(done -> inFlight.remove(user, next));
    return next;
  }

  private Future<Void> computeAndPush(String user, boolean always) {
    long leaseMs = 3 * config.pushIntervalMs();
    return Future.fromCompletionStage(states.claim(user, nodeId, System.currentTimeMillis(), leaseMs), context)
        .compose(holder -> !holder ? Future.<Void>succeededFuture() : service.compute(user).compose(data ->
            Future.fromCompletionStage(states.swapDigest(user, DashboardCalculator.digest(data)), context)
                .map(changed -> {
                  if (changed || always) {
                    LiveEvents.publish(vertx.eventBus(), user, "dashboard_update", data);
                  }
                  return (Void) null;
                })))
        .recover(failure -> {
          LOG.warn("dashboard of user {} not pushed: {}", user, failure.getMessage());
          return Future.succeededFuture();
        });
  }

  private void dataGet(Message<JsonObject> request) {
    String user = request.body() == null ? null : request.body().getString("user_id");
    if (user == null || user.isEmpty()) {
      request.fail(FailureCodes.BAD_REQUEST, "user_id must be a non-empty string");
      return;
    }
    answer(request, service.compute(user));
  }

  private void userAction(Message<JsonObject> request) {
    JsonObject body = request.body() == null ? new JsonObject() : request.body();
    String user = body.getString("user_id");
    if (user == null || user.isEmpty()) {
      request.fail(FailureCodes.BAD_REQUEST, "user_id must be a non-empty string");
      return;
    }
    if (!(body.getValue("action") instanceof String action)) {
      request.fail(FailureCodes.BAD_REQUEST, "action must be filter, date_range, refresh or export");
      return;
    }
    Object data = body.getValue("data", new JsonObject());
    if (!(data instanceof JsonObject actionData)) {
      request.fail(FailureCodes.BAD_REQUEST, "data must be an object");
      return;
    }
    answer(request, service.act(user, action, actionData));
  }

  private static void answer(Message<JsonObject> request, Future<JsonObject> answer) {
    answer.onSuccess(request::reply).onFailure(failure -> {
      if (failure instanceof IllegalArgumentException) {
        request.fail(FailureCodes.BAD_REQUEST, failure.getMessage());
      } else {
        String reason = failure instanceof ReplyException re ? re.getMessage() : String.valueOf(failure);
        request.fail(FailureCodes.UNAVAILABLE, "the dashboard could not be computed: " + reason);
      }
    });
  }
}
