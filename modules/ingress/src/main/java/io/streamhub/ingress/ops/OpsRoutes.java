package io.streamhub.ingress.ops;

import io.streamhub.contracts.Addresses;
import io.streamhub.contracts.ops.Readiness;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.micrometer.PrometheusScrapingHandler;
import io.vertx.micrometer.backends.BackendRegistries;
import java.util.Map;

/**
 * {@code GET /health} (the process answers), {@code GET /ready} (the node's launcher says every part is ready) and
 * {@code GET /metrics} (Prometheus text). Mounted by the ingress, or alone on nodes without the ingress role.
 */
public final class OpsRoutes {

  /** How long /ready waits for the node's answer; the readiness check itself bounds its own probes below this. */
  static final long READINESS_TIMEOUT_MS = 5_000;

  private OpsRoutes() {
  }

  public static void mount(Vertx vertx, Router router) {
    router.get("/health").handler(rc -> json(rc, 200, new JsonObject().put("status", "up")));
    router.get("/ready").handler(rc -> ready(vertx, rc));
    if (BackendRegistries.getDefaultNow() != null) {
      router.get("/metrics").handler(PrometheusScrapingHandler.create());
    } else {
      router.get("/metrics").handler(rc -> json(rc, 404, new JsonObject().put("error",
          new JsonObject().put("code", "metrics_disabled").put("message", "this node runs without metrics"))));
    }
  }

  private static void ready(Vertx vertx, RoutingContext rc) {
    vertx.eventBus().<JsonObject>request(Addresses.OPS_READINESS, null, new DeliveryOptions().setLocalOnly(true)
            .setSendTimeout(READINESS_TIMEOUT_MS))
        .map(reply -> Readiness.fromJson(reply.body()))
        .otherwise(e -> new Readiness(Map.of("node", "readiness check did not answer: " + e.getMessage())))
        .onSuccess(readiness -> json(rc, readiness.ready() ? 200 : 503, readiness.toJson()));
  }

  private static void json(RoutingContext rc, int status, JsonObject body) {
    rc.response().setStatusCode(status).putHeader("content-type", "application/json").end(body.encode());
  }
}
