package io.streamhub.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamhub.contracts.config.ConfigLoader;
import io.streamhub.ingress.auth.AuthenticatedUser;
import io.streamhub.ingress.auth.TokenVerifier;
import io.vertx.core.Vertx;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The token command")
class TokenCommandTest {

  private static final String SECRET = "0123456789abcdef0123456789abcdef";

  @TempDir
  Path dir;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private Vertx vertx;

  @BeforeEach
  void vertx() {
    vertx = Vertx.vertx();
  }

  @AfterEach
  void close() {
    NodeFixture.await(vertx.close());
  }

  private int run(String... args) {
    return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private Path config(String yaml) throws IOException {
    Path file = dir.resolve("auth-" + System.nanoTime() + ".yaml");
    Files.writeString(file, yaml);
    return file;
  }

  private AuthenticatedUser verify(Path config, String token) {
    TokenVerifier verifier = NodeFixture.await(TokenVerifier.create(vertx,
        ConfigLoader.load(List.of(config), Map.of()).auth()));
    return NodeFixture.await(verifier.verify(token));
  }

  @Test
  @DisplayName("With an HS256 secret it prints a token the nodes accept, with the sub, ttl, issuer and claims")
  void hs256() throws IOException {
    Path config = config("auth: {jwt: {secret: " + SECRET + ", issuer: https://id.test}, "
        + "dev_login: {enabled: false}}\n");
    long before = System.currentTimeMillis() / 1000;
    assertThat(run("token", "--sub", "alice", "--ttl", "2h", "--claims", "role=coach", "--config", config.toString()))
        .as(err.toString()).isZero();
    AuthenticatedUser user = verify(config, out.toString().trim());
    assertThat(user.sub()).isEqualTo("alice");
    assertThat(user.claims().getString("role")).isEqualTo("coach");
    assertThat(user.claims().getString("iss")).isEqualTo("https://id.test");
    assertThat(user.expEpochS() - before).isBetween(7199L, 7201L);
  }

  @Test
  @DisplayName("RS256 signs with --private-key and refuses without one; the nodes' public key verifies it")
  void rs256() throws IOException, NoSuchAlgorithmException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    KeyPair pair = generator.generateKeyPair();
    Path publicPem = dir.resolve("public.pem");
    Path privatePem = dir.resolve("private.pem");
    Files.writeString(publicPem, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
    Files.writeString(privatePem, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
    Path config = config("auth: {jwt: {algorithm: RS256, public_key_pem: " + publicPem + "}, dev_login: {enabled: "
        + "false}}\n");
    assertThat(run("token", "--sub", "bob", "--config", config.toString())).isEqualTo(Main.USAGE_ERROR);
    assertThat(err.toString()).contains("--private-key");
    assertThat(run("token", "--sub", "bob", "--config", config.toString(), "--private-key", privatePem.toString()))
        .as(err.toString()).isZero();
    assertThat(verify(config, out.toString().trim()).sub()).isEqualTo("bob");
  }

  @Test
  @DisplayName("A keyless dev-login configuration, a missing sub or a bad ttl are refused with a clear message")
  void refusals() {
    assertThat(run("token", "--sub", "alice")).isEqualTo(Main.USAGE_ERROR);
    assertThat(err.toString()).contains("dev/login");
    assertThat(run("token", "--ttl", "1h")).isEqualTo(Main.USAGE_ERROR);
    assertThat(err.toString()).contains("--sub is required");
    assertThat(run("token", "--sub", "a", "--ttl", "soon")).isEqualTo(Main.USAGE_ERROR);
    assertThat(err.toString()).contains("--ttl");
    assertThat(TokenCommand.ttl("90s")).isEqualTo(Duration.ofSeconds(90));
    assertThat(TokenCommand.ttl("3d")).isEqualTo(Duration.ofDays(3));
  }

  private static String pem(String kind, byte[] der) {
    return "-----BEGIN " + kind + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END " + kind + "-----\n";
  }
}
