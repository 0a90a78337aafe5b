package io.streamhub.dashboard;

import io.streamhub.contracts.Addresses;
import io.streamhub.contracts.config.DashboardConfig;
import io.streamhub.contracts.dashboard.DashboardSnapshot;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Computes a user's dashboard: the user's view from {@link UserStates}, a {@link DashboardSnapshot} from the
 * persistence role, then {@link DashboardCalculator}; and applies {@code user_action}s.
 */
final class DashboardService {

  private final EventBus bus;
  private final Context context;
  private final UserStates states;
  private final Supplier<DashboardConfig> config;
  private final LongSupplier clock;

  DashboardService(EventBus bus, Context context, UserStates states, Supplier<DashboardConfig> config,
      LongSupplier clock) {
    this.bus = bus;
    this.context = context;
    this.states = states;
    this.config = config;
    this.clock = clock;
  }

  /** The user's dashboard as the user's view shows it. */
  Future<JsonObject> compute(String user) {
    return view(user).compose(view -> compute(user, view));
  }

  Future<JsonObject> compute(String user, DashboardView view) {
    DashboardConfig settings = config.get();
    long now = clock.getAsLong();
    JsonObject request = DashboardSnapshot.request(user, now, settings.trendWindowMs(), view.fromMs(), view.toMs());
    return bus.<JsonObject>request(Addresses.PERSISTENCE_DASHBOARD_SNAPSHOT, request).map(Message::body)
        .map(body -> DashboardCalculator.compute(DashboardSnapshot.fromJson(body), view, settings, now));
  }

  Future<DashboardView> view(String user) {
    return Future.fromCompletionStage(states.view(user), context)
        .map(json -> json == null ? DashboardView.ALL : DashboardView.fromJson(new JsonObject(json)));
  }

  /**
   * Applies a {@code user_action} body ({@code {user_id, action, data, timestamp}}) and answers
   * {@code {dashboard_update, export?}}. A bad action fails with {@link IllegalArgumentException} naming the field.
   */
  Future<JsonObject> act(String user, String action, JsonObject data) {
    return view(user).compose(view -> switch (action) {
      case "filter" -> store(user, view.withFilter(data)).compose(v -> reply(user, v, null));
      case "date_range" -> store(user, view.withRange(data)).compose(v -> reply(user, v, null));
      case "refresh" -> reply(user, view, null);
      case "export" -> reply(user, view, exportFormat(data));
      default -> Future.failedFuture(new IllegalArgumentException(
          "action must be filter, date_range, refresh or export, got " + action));
    });
  }

  private Future<DashboardView> store(String user, DashboardView view) {
    return Future.fromCompletionStage(states.setView(user, view.toJson().encode()), context).map(view);
  }

  private Future<JsonObject> reply(String user, DashboardView view, String exportFormat) {
    return compute(user, view).map(data -> {
      JsonObject reply = new JsonObject().put("dashboard_update", data);
      if (exportFormat != null) {
        reply.put("export", DashboardExport.of(data, exportFormat));
      }
      return reply;
    });
  }

  private static String exportFormat(JsonObject data) {
    Object format = data.getValue("format", DashboardExport.JSON);
    if (!DashboardExport.CSV.equals(format) && !DashboardExport.JSON.equals(format)) {
      throw new IllegalArgumentException("data.format must be csv or json, got " + format);
    }
    return (String) format;
  }
}
