package io.streamhub.ingress.auth;

import io.streamhub.contracts.config.AuthConfig;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.core.Vertx;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import java.time.Duration;
import java.util.Set;

/**
 * Signs tokens that the node's {@link TokenVerifier} accepts: with the configured algorithm, the configured
 * {@code iss} and {@code aud} when set. Used by the dev login (HS256 secret) and by the {@code token} command, which
 * signs RS256/ES256 tokens with a private key ({@link #withPrivateKey}); a public key cannot sign.
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

  /**
   * An issuer for RS256/ES256 that signs with {@code pem}, a PKCS#8 private key ({@code -----BEGIN PRIVATE KEY-----},
   * e.g. {@code openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048}); fails for HS256 or another PEM.
   */
  public static TokenIssuer withPrivateKey(Vertx vertx, AuthConfig.Jwt config, String pem) {
    if (!config.algorithm().publicKey()) {
      throw new IllegalArgumentException("auth.jwt.algorithm is HS256: tokens are signed with auth.jwt.secret, not "
          + "with a private key");
    }
    if (!pem.contains("-----BEGIN PRIVATE KEY-----")) {
      throw new IllegalArgumentException("the private key must be a PKCS#8 PEM (-----BEGIN PRIVATE KEY-----); "
          + "convert with openssl pkcs8 -topk8 -nocrypt -in key.pem");
    }
    JWTAuth signer = JWTAuth.create(vertx, new JWTAuthOptions().addPubSecKey(new PubSecKeyOptions()
        .setAlgorithm(config.algorithm().name()).setBuffer(pem)));
    return new TokenIssuer(signer, config);
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
    JWTOptions options = new JWTOptions().setAlgorithm(config.algorithm().name()).setSubject(sub)
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
