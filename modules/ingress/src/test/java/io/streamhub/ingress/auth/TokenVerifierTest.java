package io.streamhub.ingress.auth;

import static io.streamhub.ingress.auth.Tokens.SECRET;
import static io.streamhub.ingress.auth.Tokens.accepted;
import static io.streamhub.ingress.auth.Tokens.b64;
import static io.streamhub.ingress.auth.Tokens.claims;
import static io.streamhub.ingress.auth.Tokens.config;
import static io.streamhub.ingress.auth.Tokens.hs256;
import static io.streamhub.ingress.auth.Tokens.refused;
import static io.streamhub.ingress.auth.Tokens.verifier;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.streamhub.contracts.config.ConfigException;
import io.streamhub.contracts.config.ConfigLoader;
import io.streamhub.ingress.protocol.ErrorCode;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("Token verification with an HS256 secret, and the claim checks")
class TokenVerifierTest {

  private Vertx vertx;
  private TokenVerifier verifier;

  @BeforeEach
  void create(Vertx vertx) {
    this.vertx = vertx;
    verifier = verifier(vertx, config(new JsonObject().put("secret", SECRET)));
  }

  private static long now() {
    return System.currentTimeMillis() / 1000;
  }

  @Test
  @DisplayName("A valid HS256 token gives its sub, its exp and every claim")
  void validTokenIsAccepted() {
    JsonObject claims = claims("alice", 600).put("role", "coach");
    AuthenticatedUser user = accepted(verifier, hs256(claims));
    assertThat(user.sub()).isEqualTo("alice");
    assertThat(user.expEpochS()).isEqualTo(claims.getLong("exp"));
    assertThat(user.claims().getString("role")).isEqualTo("coach");
  }

  @Test
  @DisplayName("Each malformed, unsigned, tampered or incomplete token is refused as unauthorized with its reason")
  void refusalsSayWhatWasWrong() {
    String good = hs256(claims("alice", 600));
    String[] parts = good.split("\\.");
    JsonObject noneHeader = new JsonObject().put("alg", "none");
    Map<String, String> cases = new LinkedHashMap<>();
    cases.put("", "no token");
    cases.put("not-a-jwt", "three dot-separated parts, this one has 1");
    cases.put(parts[0] + "." + parts[1], "three dot-separated parts, this one has 2");
    cases.put("%%%." + parts[1] + "." + parts[2], "header is not a base64url");
    cases.put(parts[0] + "." + b64("[1]".getBytes(StandardCharsets.UTF_8)) + "." + parts[2], "payload is not");
    cases.put(Tokens.unsigned("none", claims("alice", 600)), "alg none");
    cases.put(Tokens.unsigned("NoNe", claims("alice", 600)), "alg none");
    cases.put(b64(noneHeader) + "." + parts[1] + "." + parts[2], "alg none");
    cases.put(parts[0] + "." + parts[1] + ".", "no signature");
    cases.put(b64(new JsonObject().put("typ", "JWT")) + "." + parts[1] + "." + parts[2], "names no algorithm");
    cases.put(hs256("another secret, also 32 bytes long".getBytes(StandardCharsets.UTF_8), claims("alice", 600)),
        "bad signature");
    cases.put(parts[0] + "." + b64(claims("mallory", 600)) + "." + parts[2], "bad signature");
    cases.put(hs256(new JsonObject().put("alg", "HS512"), claims("alice", 600)), "not signed with HS256");
    cases.put(hs256(new JsonObject().put("alg", "HS256").put("crit", new JsonArray().add("exp")),
        claims("alice", 600)), "crit");
    cases.put(hs256(claims("alice", 600).put("pad", "x".repeat(TokenVerifier.MAX_TOKEN_CHARS))), "longer than");
    cases.put(hs256(new JsonObject().put("sub", "alice")), "no expiry (exp)");
    cases.put(hs256(claims("alice", 600).put("exp", "tomorrow")), "exp is not a number");
    cases.put(hs256(claims("alice", 600).putNull("sub")), "no subject (sub)");
    cases.put(hs256(claims("", 600)), "no subject (sub)");
    cases.put(hs256(claims("alice", 600).put("sub", 42)), "no subject (sub)");
    cases.put(hs256(claims("alice", 600).put("nbf", now() + 60)), "not valid yet (nbf)");
    cases.put(hs256(claims("alice", 600).put("iat", now() + 60)), "issued in the future (iat)");
    cases.put(hs256(claims("alice", 600).put("nbf", "soon")), "nbf is not a number");
    cases.put(hs256(claims("alice", 600).put("iat", true)), "iat is not a number");
    cases.forEach((token, reason) -> {
      AuthFailure failure = refused(verifier, token);
      assertThat(failure.code()).as(reason).isEqualTo(ErrorCode.UNAUTHORIZED);
      assertThat(failure.getMessage()).as(reason).contains(reason);
    });
    assertThat(refused(verifier, null).getMessage()).isEqualTo("no token");
  }

  @Test
  @DisplayName("A correctly signed token past exp is token_expired; a forged expired one stays unauthorized")
  void expiredTokens() {
    AuthFailure expired = refused(verifier, hs256(claims("alice", -60)));
    assertThat(expired.code()).isEqualTo(ErrorCode.TOKEN_EXPIRED);
    assertThat(expired.code().wire()).isEqualTo("token_expired");
    String forged = hs256("not the server's secret, 32 bytes".getBytes(StandardCharsets.UTF_8), claims("a", -60));
    assertThat(refused(verifier, forged).code()).isEqualTo(ErrorCode.UNAUTHORIZED);
  }

  @Test
  @DisplayName("The leeway tolerates clock skew on exp, nbf and iat, and no more")
  void leeway() {
    assertThat(accepted(verifier, hs256(claims("alice", -3))).sub()).isEqualTo("alice");
    assertThat(refused(verifier, hs256(claims("alice", -6))).code()).isEqualTo(ErrorCode.TOKEN_EXPIRED);
    assertThat(accepted(verifier, hs256(claims("alice", 600).put("nbf", now() + 3))).sub()).isEqualTo("alice");
    assertThat(accepted(verifier, hs256(claims("alice", 600).put("iat", now() + 3))).sub()).isEqualTo("alice");
    TokenVerifier strict = verifier(vertx, config(new JsonObject().put("secret", SECRET).put("leeway_s", 0)));
    assertThat(refused(strict, hs256(claims("alice", -1))).code()).isEqualTo(ErrorCode.TOKEN_EXPIRED);
    assertThat(refused(strict, hs256(claims("alice", 600).put("nbf", now() + 3))).getMessage()).contains("nbf");
  }

  @Test
  @DisplayName("Issuer and audience, when configured, must match; aud may be a string or a list")
  void issuerAndAudience() {
    TokenVerifier checked = verifier(vertx, config(new JsonObject().put("secret", SECRET).put("issuer", "streamhub")
        .put("audience", "dashboards")));
    JsonObject right = claims("alice", 600).put("iss", "streamhub").put("aud", "dashboards");
    assertThat(accepted(checked, hs256(right)).sub()).isEqualTo("alice");
    assertThat(accepted(checked, hs256(right.copy().put("aud", new JsonArray().add("api").add("dashboards")))).sub())
        .isEqualTo("alice");
    Map<JsonObject, String> wrong = new LinkedHashMap<>();
    wrong.put(right.copy().put("iss", "someone-else"), "wrong issuer (iss)");
    wrong.put(right.copy().put("iss", 7), "wrong issuer (iss)");
    wrong.put(right.copy().putNull("iss"), "token has no issuer (iss)");
    wrong.put(right.copy().put("aud", "api"), "wrong audience (aud)");
    wrong.put(right.copy().put("aud", new JsonArray().add("api")), "wrong audience (aud)");
    wrong.put(right.copy().putNull("aud"), "token has no audience (aud)");
    wrong.forEach((claims, reason) -> {
      AuthFailure failure = refused(checked, hs256(claims));
      assertThat(failure.code()).isEqualTo(ErrorCode.UNAUTHORIZED);
      assertThat(failure.getMessage()).isEqualTo(reason);
    });
    assertThat(accepted(verifier, hs256(claims("alice", 600).put("iss", "anyone"))).sub()).isEqualTo("alice");
  }

  @Test
  @DisplayName("The issuer of an HS256 verifier signs tokens it accepts, with the configured iss and aud")
  void issuerSignsAcceptedTokens() {
    TokenVerifier checked = verifier(vertx, config(new JsonObject().put("secret", SECRET).put("issuer", "streamhub")
        .put("audience", "dashboards")));
    TokenIssuer issuer = checked.issuer().orElseThrow();
    AuthenticatedUser user = accepted(checked, issuer.issue("bob", Duration.ofHours(1),
        new JsonObject().put("team", "red")));
    assertThat(user.sub()).isEqualTo("bob");
    assertThat(user.expEpochS()).isBetween(now() + 3590, now() + 3610);
    assertThat(user.claims().getString("iss")).isEqualTo("streamhub");
    assertThat(user.claims().getString("team")).isEqualTo("red");
    assertThatIllegalArgumentException().isThrownBy(() -> issuer.issue("bob", Duration.ofHours(1),
        new JsonObject().put("exp", 1))).withMessageContaining("\"exp\"");
    assertThatIllegalArgumentException().isThrownBy(() -> issuer.issue("", Duration.ofHours(1)));
    assertThatIllegalArgumentException().isThrownBy(() -> issuer.issue("bob", Duration.ZERO));
    assertThatIllegalArgumentException().isThrownBy(() -> issuer.issue("bob", Duration.ofDays(400)));
  }

  @Test
  @DisplayName("Dev login with no key: one generated secret shared by every verifier of the node (and cluster)")
  void devLoginSharesAGeneratedSecret() {
    var demo = ConfigLoader.withOverrides(new JsonObject()).auth();
    TokenVerifier first = verifier(vertx, demo);
    TokenVerifier second = verifier(vertx, demo);
    String token = first.issuer().orElseThrow().issue("carol", Duration.ofMinutes(15));
    assertThat(accepted(second, token).sub()).isEqualTo("carol");
    assertThat(refused(verifier, token).getMessage()).isEqualTo("bad signature");
    assertThat(refused(first, hs256(claims("carol", 600))).getMessage()).isEqualTo("bad signature");
    assertThat(refused(first, Tokens.unsigned("none", claims("carol", 600))).getMessage()).contains("alg none");
  }

  @Test
  @DisplayName("With no key and dev login off a verifier is never built")
  void noKeyNoVerifier() {
    var keyless = ConfigLoader.withOverrides(new JsonObject().put("roles", new JsonArray().add("persistence"))
        .put("auth", new JsonObject().put("dev_login", new JsonObject().put("enabled", false)))).auth();
    Throwable failure = Tokens.failure(TokenVerifier.create(vertx, keyless));
    assertThat(failure).isInstanceOf(ConfigException.class);
    assertThat(((ConfigException) failure).key()).isEqualTo("auth.jwt");
  }
}
