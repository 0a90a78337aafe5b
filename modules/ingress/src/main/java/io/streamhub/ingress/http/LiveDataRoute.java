package io.streamhub.ingress.http;

import io.streamhub.contracts.Addresses;
import io.streamhub.ingress.auth.AuthFailure;
import io.streamhub.ingress.auth.AuthenticatedUser;
import io.streamhub.ingress.auth.TokenVerifier;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /api/live-data}: the REST fallback of the dashboard for clients without a WebSocket. With
 * {@code Authorization: Bearer <token>} verified by {@link TokenVerifier}: 200 {@code {success: true, data:
 * DashboardData}} of the token's user (filters and date range as the user last set them). A missing, malformed,
 * wrongly signed or expired token ({@link BearerAuth}): 401 {@code {success: false, error}}; the dashboard role not
 * answering: 503
 * {@code {success: false, error}}.
 */
public final class LiveDataRoute {

  public static final String PATH = "/api/live-data";

  private final BearerAuth bearer;
  private final EventBus bus;

  private LiveDataRoute(BearerAuth bearer, EventBus bus) {
    this.bearer = bearer;
    this.bus = bus;
  }

  public static void mount(Router router, BearerAuth bearer, EventBus bus) {
    router.get(PATH).handler(new LiveDataRoute(bearer, bus)::handle);
  }

  private void handle(RoutingContext rc) {
    bearer.requireUser(rc).onComplete(verified -> {
      if (verified.failed()) {
        String error = verified.cause() instanceof AuthFailure auth ? auth.getMessage() : "invalid token";
        send(rc, 401, new JsonObject().put("success", false).put("error", error));
        return;
      }
      fetch(rc, verified.result());
    });
  }

  private void fetch(RoutingContext rc, AuthenticatedUser user) {
    bus.<JsonObject>request(Addresses.DASHBOARD_DATA_GET, new JsonObject().put("user_id", user.sub()))
        .map(Message::body)
        .onSuccess(data -> send(rc, 200, new JsonObject().put("success", true).put("data", data)))
        .onFailure(failure -> send(rc, 503, new JsonObject().put("success", false)
            .put("error", "the dashboard could not be computed: " + failure.getMessage())));
  }

  private static void send(RoutingContext rc, int status, JsonObject body) {
    if (rc.response().ended()) {
      return;
    }
    rc.response().setStatusCode(status).putHeader("content-type", "application/json").end(body.encode());
  }
}
