package io.streamhub.ingress.auth;

import io.streamhub.ingress.testing.IngressFixture;
import io.streamhub.ingress.testing.WsClient;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;

/** An ingress with the HS256 test secret, an issuer and an audience, and tokens it accepts or refuses. */
final class AuthFixture {

  static final String ISSUER = "https://issuer.test";
  static final String AUDIENCE = "streamhub";

  private AuthFixture() {
  }

  /** The auth overrides: test secret, issuer, audience, no leeway, dev login off; {@code extra} merged into auth. */
  static JsonObject config(JsonObject extra) {
    JsonObject auth = new JsonObject().put("jwt", new JsonObject().put("secret", Tokens.SECRET).put("issuer", ISSUER)
        .put("audience", AUDIENCE).put("leeway_s", 0)).put("dev_login", new JsonObject().put("enabled", false));
    return new JsonObject().put("auth", auth.mergeIn(extra, true));
  }

  static int deploy(Vertx vertx, JsonObject authExtra) {
    return IngressFixture.deploy(vertx, config(authExtra));
  }

  /** Claims the fixture accepts, for {@code sub}, expiring in {@code expInS} seconds. */
  static JsonObject claims(String sub, long expInS) {
    return Tokens.claims(sub, expInS).put("iss", ISSUER).put("aud", AUDIENCE);
  }

  static String token(String sub, long expInS) {
    return Tokens.hs256(claims(sub, expInS));
  }

  static WsClient withHeader(Vertx vertx, int port, String token) {
    return WsClient.open(vertx, port, o -> o.addHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token));
  }

  static WsClient withQuery(Vertx vertx, int port, String token) {
    return WsClient.open(vertx, port, o -> o.setURI("/ws?token=" + token));
  }

  static WsClient anonymous(Vertx vertx, int port) {
    return WsClient.open(vertx, port, o -> { });
  }
}
