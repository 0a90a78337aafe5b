package io.streamhub.ingress.auth;

import io.streamhub.contracts.config.AuthConfig;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.jwt.JWTAuth;
import java.time.Duration;
import java.util.Set;

/**
 * Signs HS256 tokens that the node's {@link TokenVerifier} accepts: same secret, and the configured {@code iss} and
 * {@code aud} when set. Used by the dev login and by tools; only an HS256 secret can sign, a public key cannot.
 */
public final class TokenIssuer {

  /** Longest lifetime of an issued token. */
  public static final Duration MAX_TTL = Duration.ofDays(365);

  private static final Set<String> RESERVED = Set.of("sub", "exp", "iat", "nbf", "iss", "aud");

  private final JWTAuth signer;
  private final AuthConfig.Jwt config;

  TokenIssuer(JWTAuth signer, AuthConfig.Jwt config) {
    this.signer = signer;
    this.config = config;
  }

  /** A token for {@code sub} that expires {@code ttl} from now. */
  public String issue(String sub, Duration ttl) {
    return issue(sub, ttl, new JsonObject());
  }

  /**
   * A token for {@code sub} that expires {@code ttl} from now (whole seconds, 1 s to {@link #MAX_TTL}), carrying
   * {@code claims} besides the registered ones, which are set here and may not be among them.
   */
  public String issue(String sub, Duration ttl, JsonObject claims) {
    if (sub == null || sub.isEmpty()) {
      throw new IllegalArgumentException("sub must be a non-empty string");
    }
    if (ttl.getSeconds() < 1 || ttl.compareTo(MAX_TTL) > 0) {
      throw new IllegalArgumentException("ttl must be between 1 s and " + MAX_TTL.toDays() + " days, got " + ttl);
    }
    for (String name : claims.fieldNames()) {
      if (RESERVED.contains(name)) {
        throw new IllegalArgumentException("claim \"" + name + "\" is set by the issuer, not by the caller");
      }
    }
    JWTOptions options = new JWTOptions().setAlgorithm(AuthConfig.Algorithm.HS256.name()).setSubject(sub)
        .setExpiresInSeconds((int) ttl.getSeconds());
    if (!config.issuer().isEmpty()) {
      options.setIssuer(config.issuer());
    }
    if (!config.audience().isEmpty()) {
      options.addAudience(config.audience());
    }
    return signer.generateToken(claims.copy(), options);
  }
}
