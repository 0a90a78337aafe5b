package io.streamhub.ingress.http;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** JSON error bodies of the HTTP API: {@code {"error": {"code": ..., "message": ...}}}. */
public final class HttpErrors {

  private HttpErrors() {
  }

  public static void send(RoutingContext rc, int status, String code, String message) {
    if (rc.response().ended()) {
      return;
    }
    rc.response().setStatusCode(status).putHeader("content-type", "application/json")
        .end(new JsonObject().put("error", new JsonObject().put("code", code).put("message", message)).encode());
  }
}
