package io.streamhub.ingress.dashboard;

import io.streamhub.contracts.Addresses;
import io.streamhub.contracts.FailureCodes;
import io.streamhub.ingress.auth.ConnectionAuth;
import io.streamhub.ingress.protocol.ClientConnection;
import io.streamhub.ingress.protocol.ErrorCode;
import io.streamhub.ingress.protocol.EventDispatcher;
import io.streamhub.ingress.protocol.ProtocolException;
import io.streamhub.ingress.protocol.RoleFailures;
import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import java.util.Set;

/**
 * The dashboard events of the client protocol, for every wire protocol; they need an authenticated connection
 * (otherwise {@code error unauthorized}) and always concern the connection's own user:
 * <ul>
 *   <li>{@code request_dashboard_data {}}: answered at once with {@code dashboard_update {DashboardData}};</li>
 *   <li>{@code user_action {action: filter|date_range|refresh|export, data, timestamp}}: answered with
 *       {@code dashboard_update} reflecting it (a filter or date range also applies to the user's later pushes);
 *       {@code export} ({@code data.format}: {@code csv} or {@code json}, default json) is also answered with
 *       {@code dashboard_export {format, content_type, body}}. The acknowledgement carries
 *       {@code {action, export?}}.</li>
 * </ul>
 * The dashboard role computes everything ({@link Addresses#DASHBOARD_DATA_GET},
 * {@link Addresses#DASHBOARD_USER_ACTION}); a bad action comes back as {@code invalid_field} naming the field.
 */
public final class DashboardEvents {

  static final Set<String> ACTIONS = Set.of("filter", "date_range", "refresh", "export");

  private final EventBus bus;

  public DashboardEvents(EventBus bus) {
    this.bus = bus;
  }

  public void register(EventDispatcher dispatcher) {
    dispatcher.register("request_dashboard_data", this::requestData);
    dispatcher.register("user_action", this::userAction);
  }

  private Future<JsonObject> requestData(ClientConnection connection, JsonObject data) {
    String user = user(connection, "request_dashboard_data");
    return ask(Addresses.DASHBOARD_DATA_GET, new JsonObject().put("user_id", user), "request_dashboard_data")
        .map(dashboard -> {
          connection.send("dashboard_update", dashboard);
          return new JsonObject().put("user_id", user);
        });
  }

  private Future<JsonObject> userAction(ClientConnection connection, JsonObject data) {
    String user = user(connection, "user_action");
    if (!(data.getValue("action") instanceof String action) || !ACTIONS.contains(action)) {
      throw ProtocolException.invalidField("action", "must be one of filter, date_range, refresh, export");
    }
    Object actionData = data.getValue("data", new JsonObject());
    if (!(actionData instanceof JsonObject)) {
      throw ProtocolException.invalidField("data", "must be an object");
    }
    Object timestamp = data.getValue("timestamp");
    if (timestamp != null && !(timestamp instanceof Number) && !(timestamp instanceof String)) {
      throw ProtocolException.invalidField("timestamp", "must be a number or a string");
    }
    JsonObject request = new JsonObject().put("user_id", user).put("action", action).put("data", actionData)
        .put("timestamp", timestamp);
    return ask(Addresses.DASHBOARD_USER_ACTION, request, "user_action").map(reply -> {
      connection.send("dashboard_update", reply.getJsonObject("dashboard_update"));
      JsonObject ack = new JsonObject().put("action", action);
      JsonObject export = reply.getJsonObject("export");
      if (export != null) {
        connection.send("dashboard_export", export);
        ack.put("export", export);
      }
      return ack;
    });
  }

  private static String user(ClientConnection connection, String event) {
    return ConnectionAuth.requireUser(connection, event).sub();
  }

  private Future<JsonObject> ask(String address, JsonObject body, String event) {
    return bus.<JsonObject>request(address, body).map(Message::body)
        .recover(failure -> Future.failedFuture(translate(failure, event)));
  }

  private static ProtocolException translate(Throwable failure, String event) {
    return RoleFailures.translate(failure, "dashboard", event, re -> re.failureCode() == FailureCodes.BAD_REQUEST
        ? new ProtocolException(ErrorCode.INVALID_FIELD, re.getMessage())
        : new ProtocolException(ErrorCode.UNAVAILABLE, event + " failed: " + re.getMessage()));
  }

}
