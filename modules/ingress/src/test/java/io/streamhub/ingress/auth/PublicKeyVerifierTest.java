package io.streamhub.ingress.auth;

import static io.streamhub.ingress.auth.Tokens.accepted;
import static io.streamhub.ingress.auth.Tokens.claims;
import static io.streamhub.ingress.auth.Tokens.config;
import static io.streamhub.ingress.auth.Tokens.pem;
import static io.streamhub.ingress.auth.Tokens.refused;
import static io.streamhub.ingress.auth.Tokens.signed;
import static io.streamhub.ingress.auth.Tokens.verifier;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamhub.contracts.config.ConfigException;
import io.streamhub.ingress.protocol.ErrorCode;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(VertxExtension.class)
@DisplayName("Token verification with RS256 and ES256 public keys, from a PEM or a JWKS file")
class PublicKeyVerifierTest {

  private static KeyPair rsa;
  private static KeyPair otherRsa;
  private static KeyPair ec;

  @TempDir
  Path dir;

  private Vertx vertx;

  @BeforeAll
  static void keys() {
    rsa = Tokens.rsa(2048);
    otherRsa = Tokens.rsa(2048);
    ec = Tokens.ec("secp256r1");
  }

  @BeforeEach
  void init(Vertx vertx) {
    this.vertx = vertx;
  }

  private String file(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text).toString();
  }

  private TokenVerifier pemVerifier(String algorithm, KeyPair pair) throws IOException {
    String path = file(algorithm + ".pem", pem("PUBLIC KEY", pair.getPublic()));
    return verifier(vertx, config(new JsonObject().put("algorithm", algorithm).put("public_key_pem", path)));
  }

  private ConfigException createFails(JsonObject jwt) {
    Throwable failure = Tokens.failure(TokenVerifier.create(vertx, config(jwt)));
    assertThat(failure).isInstanceOf(ConfigException.class);
    return (ConfigException) failure;
  }

  @Test
  @DisplayName("RS256 with a PEM key: a valid token is accepted; another key's signature and an ES256 token are not")
  void rs256Pem() throws IOException {
    TokenVerifier verifier = pemVerifier("RS256", rsa);
    JsonObject claims = claims("alice", 600);
    AuthenticatedUser user = accepted(verifier, signed("RS256", rsa.getPrivate(), null, claims));
    assertThat(user.sub()).isEqualTo("alice");
    assertThat(user.expEpochS()).isEqualTo(claims.getLong("exp"));
    assertThat(refused(verifier, signed("RS256", otherRsa.getPrivate(), null, claims)).getMessage())
        .isEqualTo("bad signature");
    assertThat(refused(verifier, signed("ES256", ec.getPrivate(), null, claims)).getMessage())
        .contains("not signed with RS256");
    assertThat(refused(verifier, signed("RS256", rsa.getPrivate(), null, claims("alice", -60))).code())
        .isEqualTo(ErrorCode.TOKEN_EXPIRED);
    assertThat(verifier.issuer()).isEmpty();
  }

  @Test
  @DisplayName("Algorithm confusion: HS256 tokens signed with the RSA public key (PEM text or DER) are refused")
  void algorithmConfusion() throws IOException {
    TokenVerifier verifier = pemVerifier("RS256", rsa);
    JsonObject claims = claims("mallory", 600);
    byte[] pemBytes = pem("PUBLIC KEY", rsa.getPublic()).getBytes(StandardCharsets.US_ASCII);
    for (byte[] secret : new byte[][] {pemBytes, rsa.getPublic().getEncoded()}) {
      AuthFailure failure = refused(verifier, Tokens.hs256(secret, claims));
      assertThat(failure.code()).isEqualTo(ErrorCode.UNAUTHORIZED);
      assertThat(failure.getMessage()).contains("not signed with RS256");
    }
    assertThat(refused(verifier, Tokens.unsigned("none", claims)).getMessage()).contains("alg none");
    TokenVerifier hmac = verifier(vertx, config(new JsonObject().put("secret", Tokens.SECRET)));
    assertThat(refused(hmac, signed("RS256", rsa.getPrivate(), null, claims)).getMessage())
        .contains("not signed with HS256");
  }

  @Test
  @DisplayName("ES256 with a PEM key: a valid token is accepted; a wrong key, or RS256, is not")
  void es256Pem() throws IOException {
    TokenVerifier verifier = pemVerifier("ES256", ec);
    assertThat(accepted(verifier, signed("ES256", ec.getPrivate(), null, claims("dora", 600))).sub())
        .isEqualTo("dora");
    KeyPair other = Tokens.ec("secp256r1");
    assertThat(refused(verifier, signed("ES256", other.getPrivate(), null, claims("dora", 600))).getMessage())
        .isEqualTo("bad signature");
    assertThat(refused(verifier, signed("RS256", rsa.getPrivate(), null, claims("dora", 600))).getMessage())
        .contains("not signed with ES256");
  }

  @Test
  @DisplayName("JWKS: the token's kid picks the key; an unknown kid is refused; keys of other types are ignored")
  void jwks() throws IOException {
    JsonArray keys = new JsonArray().add(Tokens.jwk(rsa, "k1")).add(Tokens.jwk(otherRsa, "k2"))
        .add(Tokens.jwk(ec, "ec1")).add(new JsonObject().put("kty", "oct").put("k", "c2VjcmV0"));
    String path = file("jwks.json", new JsonObject().put("keys", keys).encode());
    TokenVerifier verifier = verifier(vertx, config(new JsonObject().put("algorithm", "RS256")
        .put("jwks_file", path)));
    assertThat(accepted(verifier, signed("RS256", otherRsa.getPrivate(), "k2", claims("erin", 600))).sub())
        .isEqualTo("erin");
    assertThat(accepted(verifier, signed("RS256", rsa.getPrivate(), null, claims("erin", 600))).sub())
        .isEqualTo("erin");
    assertThat(refused(verifier, signed("RS256", rsa.getPrivate(), "k2", claims("erin", 600))).getMessage())
        .isEqualTo("bad signature");
    assertThat(refused(verifier, signed("RS256", rsa.getPrivate(), "k9", claims("erin", 600))).getMessage())
        .contains("no configured key matches");
    assertThat(refused(verifier, Tokens.hs256("secret".getBytes(StandardCharsets.US_ASCII),
        claims("erin", 600))).getMessage()).contains("not signed with RS256");

    TokenVerifier es = verifier(vertx, config(new JsonObject().put("algorithm", "ES256").put("jwks_file", path)));
    assertThat(accepted(es, signed("ES256", ec.getPrivate(), "ec1", claims("finn", 600))).sub()).isEqualTo("finn");
  }

  @Test
  @DisplayName("A key file that does not hold a usable public key fails at start, naming the key and the path")
  void unusableKeyFiles() throws IOException {
    String privatePem = file("private.pem", pem("PRIVATE KEY", rsa.getPrivate()));
    String ecPem = file("ec.pem", pem("PUBLIC KEY", ec.getPublic()));
    String weakPem = file("weak.pem", pem("PUBLIC KEY", Tokens.rsa(1024).getPublic()));
    String p384Pem = file("p384.pem", pem("PUBLIC KEY", Tokens.ec("secp384r1").getPublic()));
    String garbage = file("garbage.pem", "hello");
    String ecOnlyJwks = file("ec.json", new JsonObject().put("keys", new JsonArray().add(Tokens.jwk(ec, "e")))
        .encode());
    String twiceJwks = file("twice.json", new JsonObject().put("keys", new JsonArray().add(Tokens.jwk(rsa, "k"))
        .add(Tokens.jwk(otherRsa, "k"))).encode());
    String notJson = file("not.json", "[]");
    Object[][] cases = {
        {"RS256", "public_key_pem", privatePem, "private key"},
        {"RS256", "public_key_pem", ecPem, "holds no RS256 public key"},
        {"RS256", "public_key_pem", weakPem, "1024-bit RSA key"},
        {"ES256", "public_key_pem", p384Pem, "P-256"},
        {"ES256", "public_key_pem", garbage, "no PEM block"},
        {"RS256", "jwks_file", ecOnlyJwks, "no RS256 signing key"},
        {"RS256", "jwks_file", twiceJwks, "used twice"},
        {"ES256", "jwks_file", notJson, "not a JWKS document"},
    };
    for (Object[] c : cases) {
      ConfigException e = createFails(new JsonObject().put("algorithm", c[0]).put((String) c[1], c[2]));
      assertThat(e.key()).isEqualTo("auth.jwt." + c[1]);
      assertThat(e.getMessage()).contains((String) c[2]).contains((String) c[3]);
    }
    JsonObject vanishing = new JsonObject().put("algorithm", "RS256").put("public_key_pem", ecPem);
    var config = config(vanishing);
    Files.delete(Path.of(ecPem));
    Throwable failure = Tokens.failure(TokenVerifier.create(vertx, config));
    assertThat(failure).isInstanceOf(ConfigException.class).hasMessageContaining("auth.jwt.public_key_pem")
        .hasMessageContaining("cannot read").hasMessageContaining(ecPem);
  }
}
