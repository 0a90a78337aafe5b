package io.streamhub.ingress.http;

import io.streamhub.ingress.auth.TokenIssuer;
import io.streamhub.ingress.protocol.ErrorCode;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * {@code POST /api/v1/dev/login {"user"}} → {@code {"token", "expires_in_s"}}: a token for any user, for demos.
 * Mounted only when {@code auth.dev_login.enabled} (otherwise the path answers 404 like any unknown one); never in
 * production.
 */
public final class DevLoginRoute {

  /** Lifetime of a dev-login token: short, so a leaked demo token is soon worthless. */
  public static final Duration TTL = Duration.ofHours(1);

  private static final Pattern USER = Pattern.compile("[A-Za-z0-9._@|:-]{1,128}");

  private final TokenIssuer issuer;

  private DevLoginRoute(TokenIssuer issuer) {
    this.issuer = issuer;
  }

  public static void mount(Router router, TokenIssuer issuer) {
    DevLoginRoute route = new DevLoginRoute(issuer);
    router.post("/api/v1/dev/login").handler(BodyHandler.create(false).setBodyLimit(4096)).handler(route::login);
  }

  private void login(RoutingContext rc) {
    Object body;
    try {
      body = rc.body().buffer() == null ? null : Json.decodeValue(rc.body().buffer());
    } catch (DecodeException e) {
      HttpErrors.send(rc, 400, ErrorCode.BAD_JSON.wire(), "body is not valid JSON");
      return;
    }
    if (!(body instanceof JsonObject request) || !(request.getValue("user") instanceof String user)
        || !USER.matcher(user).matches()) {
      HttpErrors.send(rc, 400, ErrorCode.INVALID_FIELD.wire(), "field 'user' must be 1-128 characters of letters, "
          + "digits and . _ @ | : -");
      return;
    }
    String token = issuer.issue(user, TTL);
    rc.response().putHeader("content-type", "application/json").putHeader("cache-control", "no-store")
        .end(new JsonObject().put("token", token).put("expires_in_s", TTL.toSeconds()).encode());
  }
}
