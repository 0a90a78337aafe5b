package io.streamhub.ingress.auth;

import io.streamhub.contracts.config.AuthConfig;
import io.streamhub.contracts.config.AuthConfig.Algorithm;
import io.streamhub.contracts.config.ConfigException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.NoSuchKeyIdException;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.User;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.SignatureException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies JWTs with vertx-auth-jwt against the key of {@code auth.jwt}. Before the signature is checked the token
 * must be three base64url parts whose header names exactly the configured algorithm: {@code alg: none} and
 * algorithm confusion (an HS256 token where RS256 is configured, signed with the public key as the secret, or the
 * reverse) never reach the library. After it, {@code exp} is required and {@code exp}, {@code nbf}, {@code iat},
 * {@code iss}, {@code aud} and {@code sub} are checked here, so each refusal has its own code and message.
 * {@link #verify} does no blocking work and may run on an event loop.
 */
public final class TokenVerifier {

  /** Longest token accepted, characters; anything longer is refused before it is decoded. */
  public static final int MAX_TOKEN_CHARS = 8192;

  /** The shared-data map holding the dev-login secret, the same on every member of a cluster. */
  static final String DEV_SECRET_MAP = "streamhub.auth";
  static final String DEV_SECRET_KEY = "dev_login.hs256_secret";
  static final int DEV_SECRET_BYTES = 32;

  private static final Logger LOG = LoggerFactory.getLogger(TokenVerifier.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final JWTAuth auth;
  private final AuthConfig.Jwt config;
  private final TokenIssuer issuer;

  private TokenVerifier(JWTAuth auth, AuthConfig.Jwt config, boolean canSign) {
    this.auth = auth;
    this.config = config;
    this.issuer = canSign ? new TokenIssuer(auth, config) : null;
  }

  /**
   * Loads the configured key: the HS256 secret, or the PEM or JWKS file (read with the Vert.x file system, checked
   * key by key; a bad file fails with a {@link ConfigException} naming the key and the path). With no key and
   * {@code auth.dev_login.enabled}, the key is a random 256-bit HS256 secret generated once and shared through the
   * cluster-wide map {@value #DEV_SECRET_MAP}, so every node accepts the tokens any node's dev login issues. With no
   * key and no dev login the result fails: a verifier is never built without a key.
   */
  public static Future<TokenVerifier> create(Vertx vertx, AuthConfig config) {
    AuthConfig.Jwt jwt = config.jwt();
    Algorithm algorithm = jwt.algorithm();
    if (!jwt.secret().isEmpty()) {
      LOG.info("tokens are verified with the configured HS256 secret");
      return Future.succeededFuture(hs256(vertx, jwt, jwt.secret().getBytes(StandardCharsets.UTF_8)));
    }
    if (!jwt.publicKeyPem().isEmpty()) {
      return read(vertx, "auth.jwt.public_key_pem", jwt.publicKeyPem())
          .map(text -> List.of(PublicKeys.fromPem(algorithm, "auth.jwt.public_key_pem", jwt.publicKeyPem(), text)))
          .map(keys -> withPublicKeys(vertx, jwt, keys, jwt.publicKeyPem()));
    }
    if (!jwt.jwksFile().isEmpty()) {
      return read(vertx, "auth.jwt.jwks_file", jwt.jwksFile())
          .map(text -> PublicKeys.fromJwks(algorithm, "auth.jwt.jwks_file", jwt.jwksFile(), text))
          .map(keys -> withPublicKeys(vertx, jwt, keys, jwt.jwksFile()));
    }
    if (config.devLoginEnabled()) {
      return devSecret(vertx).map(secret -> {
        LOG.warn("dev login is on: tokens are verified with a generated HS256 secret and anyone can get one; "
            + "production configs set a key in auth.jwt and auth.dev_login.enabled: false");
        return hs256(vertx, jwt, secret);
      });
    }
    return Future.failedFuture(new ConfigException("auth.jwt", "no verification key, and dev login is off"));
  }

  /** Signs tokens this verifier accepts; present when the key is an HS256 secret (configured or dev login). */
  public Optional<TokenIssuer> issuer() {
    return Optional.ofNullable(issuer);
  }

  /**
   * The user a token identifies; fails with an {@link AuthFailure}: {@code token_expired} for a correctly signed
   * token past {@code exp} plus the leeway, {@code unauthorized} for anything else wrong.
   */
  public Future<AuthenticatedUser> verify(String token) {
    try {
      checkHeader(token);
    } catch (AuthFailure failure) {
      return Future.failedFuture(failure);
    }
    Future<User> authenticated;
    try {
      authenticated = auth.authenticate(new TokenCredentials(token));
    } catch (RuntimeException e) {
      authenticated = Future.failedFuture(e);
    }
    return authenticated.recover(failure -> Future.failedFuture(signatureFailure(failure))).map(this::checkClaims);
  }

  private void checkHeader(String token) {
    if (token == null || token.isBlank()) {
      throw AuthFailure.unauthorized("no token");
    }
    if (token.length() > MAX_TOKEN_CHARS) {
      throw AuthFailure.unauthorized("token is longer than " + MAX_TOKEN_CHARS + " characters");
    }
    String[] parts = token.split("\\.", -1);
    if (parts.length != 3) {
      throw AuthFailure.unauthorized("malformed token: a JWT has three dot-separated parts, this one has "
          + parts.length);
    }
    JsonObject header = decodePart(parts[0], "header");
    JsonObject payload = decodePart(parts[1], "payload");
    for (String time : List.of("exp", "nbf", "iat")) {
      if (payload.getValue(time) != null && !(payload.getValue(time) instanceof Number)) {
        throw AuthFailure.unauthorized("malformed token: claim " + time + " is not a number");
      }
    }
    if (!(header.getValue("alg") instanceof String alg)) {
      throw AuthFailure.unauthorized("malformed token: the header names no algorithm (alg)");
    }
    if ("none".equals(alg.toLowerCase(Locale.ROOT)) || parts[2].isEmpty()) {
      throw AuthFailure.unauthorized("unsigned token (alg none or no signature): tokens must be signed with "
          + config.algorithm());
    }
    if (!config.algorithm().name().equals(alg)) {
      throw AuthFailure.unauthorized("token is not signed with " + config.algorithm()
          + ", the only algorithm this server accepts");
    }
    if (header.containsKey("crit")) {
      throw AuthFailure.unauthorized("token has critical header extensions (crit), which are not supported");
    }
  }

  private static JsonObject decodePart(String part, String name) {
    try {
      return new JsonObject(Buffer.buffer(Base64.getUrlDecoder().decode(part)));
    } catch (RuntimeException e) {
      throw AuthFailure.unauthorized("malformed token: the " + name + " is not a base64url-encoded JSON object");
    }
  }

  private static AuthFailure signatureFailure(Throwable failure) {
    LOG.debug("token refused by the JWT library: {}", failure.toString());
    if (failure instanceof NoSuchKeyIdException) {
      return AuthFailure.unauthorized("no configured key matches the token (kid)");
    }
    if (failure instanceof SignatureException) {
      return AuthFailure.unauthorized("bad signature");
    }
    return AuthFailure.unauthorized("malformed token");
  }

  private AuthenticatedUser checkClaims(User user) {
    JsonObject claims = user.attributes().getJsonObject("accessToken");
    double now = System.currentTimeMillis() / 1000.0;
    int leeway = config.leewayS();
    if (!(claims.getValue("exp") instanceof Number exp)) {
      throw AuthFailure.unauthorized("token has no expiry (exp), which is required");
    }
    if (now >= exp.doubleValue() + leeway) {
      throw AuthFailure.expired("token expired");
    }
    if (claims.getValue("nbf") instanceof Number nbf && now + leeway < nbf.doubleValue()) {
      throw AuthFailure.unauthorized("token is not valid yet (nbf)");
    }
    if (claims.getValue("iat") instanceof Number iat && now + leeway < iat.doubleValue()) {
      throw AuthFailure.unauthorized("token is issued in the future (iat)");
    }
    if (!config.issuer().isEmpty() && !config.issuer().equals(claims.getValue("iss"))) {
      throw AuthFailure.unauthorized(claims.getValue("iss") != null ? "wrong issuer (iss)"
          : "token has no issuer (iss)");
    }
    if (!config.audience().isEmpty() && !audience(claims).contains(config.audience())) {
      throw AuthFailure.unauthorized(claims.getValue("aud") != null ? "wrong audience (aud)"
          : "token has no audience (aud)");
    }
    if (!(claims.getValue("sub") instanceof String sub) || sub.isEmpty()) {
      throw AuthFailure.unauthorized("token has no subject (sub)");
    }
    return new AuthenticatedUser(sub, (long) Math.floor(exp.doubleValue()), claims);
  }

  private static List<?> audience(JsonObject claims) {
    Object aud = claims.getValue("aud");
    if (aud instanceof String s) {
      return List.of(s);
    }
    return aud instanceof JsonArray list ? list.getList() : List.of();
  }

  private static Future<String> read(Vertx vertx, String key, String path) {
    return vertx.fileSystem().readFile(path)
        .recover(failure -> Future.failedFuture(new ConfigException(key, "cannot read " + path + ": "
            + failure.getMessage())))
        .map(buffer -> buffer.toString(StandardCharsets.UTF_8));
  }

  private static Future<byte[]> devSecret(Vertx vertx) {
    byte[] mine = new byte[DEV_SECRET_BYTES];
    RANDOM.nextBytes(mine);
    String encoded = Base64.getEncoder().encodeToString(mine);
    return vertx.sharedData().<String, String>getAsyncMap(DEV_SECRET_MAP)
        .compose(map -> map.putIfAbsent(DEV_SECRET_KEY, encoded))
        .map(existing -> Base64.getDecoder().decode(existing == null ? encoded : existing));
  }

  private static TokenVerifier hs256(Vertx vertx, AuthConfig.Jwt jwt, byte[] secret) {
    PubSecKeyOptions key = new PubSecKeyOptions().setAlgorithm(Algorithm.HS256.name())
        .setBuffer(Buffer.buffer(secret));
    return new TokenVerifier(jwtAuth(vertx, List.of(key)), jwt, true);
  }

  private static TokenVerifier withPublicKeys(Vertx vertx, AuthConfig.Jwt jwt, List<PubSecKeyOptions> keys,
      String path) {
    LOG.info("tokens are verified with {} using {} key(s) from {}", jwt.algorithm(), keys.size(), path);
    return new TokenVerifier(jwtAuth(vertx, keys), jwt, false);
  }

  /**
   * The only place a {@link JWTAuth} is built. Without a key vertx-auth-jwt runs "unsecure" and accepts unsigned
   * tokens, so an empty key list is a programming error. Expiry is left to {@link #checkClaims}, which tells an
   * expired token apart from a bad one.
   */
  private static JWTAuth jwtAuth(Vertx vertx, List<PubSecKeyOptions> keys) {
    if (keys.isEmpty()) {
      throw new IllegalStateException("a JWTAuth without a key would accept unsigned tokens");
    }
    JWTAuthOptions options = new JWTAuthOptions().setJWTOptions(new JWTOptions().setIgnoreExpiration(true));
    keys.forEach(options::addPubSecKey);
    return JWTAuth.create(vertx, options);
  }
}
