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
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The dev login, for demos; never on in production.
 * <ul>
 *   <li>{@code GET /api/v1/dev/login} → {@code {"enabled": true, "expires_in_s"}} when {@code auth.dev_login.enabled},
 *       else {@code {"enabled": false}}: mounted on every node with ingress, so a page can offer the dev login only
 *       where it works.</li>
 *   <li>{@code POST /api/v1/dev/login {"user"}} → {@code {"token", "expires_in_s"}}: a token for any user. Mounted
 *       only when dev login is on (otherwise the POST answers 404 like any unknown route).</li>
 * </ul>
 */
public final class DevLoginRoute {

  /** The path of both routes. */
  public static final String PATH = "/api/v1/dev/login";

  /** Lifetime of a dev-login token: short, so a leaked demo token is soon worthless. */
  public static final Duration TTL = Duration.ofHours(1);

  private static final Pattern USER = Pattern.compile("[A-Za-z0-9._@|:-]{1,128}");
  private static final int MAX_BODY_BYTES = 4096;

  private final TokenIssuer issuer;

  private DevLoginRoute(TokenIssuer issuer) {
    this.issuer = issuer;
  }

  /**
   * Mounts {@code GET} always and {@code POST} when {@code issuer} is present.
   *
   * @param issuer the issuer of dev-login tokens when {@code auth.dev_login.enabled}; empty when dev login is off
   *     (even if the node could sign with a configured secret)
   */
  public static void mount(Router router, Optional<TokenIssuer> issuer) {
    JsonObject status = issuer.isPresent()
        ? new JsonObject().put("enabled", true).put("expires_in_s", TTL.toSeconds())
        : new JsonObject().put("enabled", false);
    String body = status.encode();
    router.get(PATH).handler(rc -> rc.response().putHeader("content-type", "application/json")
        .putHeader("cache-control", "no-store").end(body));
    issuer.ifPresent(present -> router.post(PATH).handler(BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES))
        .handler(new DevLoginRoute(present)::login));
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
