package io.streamhub.server;

import io.streamhub.contracts.config.AuthConfig;
import io.streamhub.contracts.config.ConfigException;
import io.streamhub.contracts.config.ConfigLoader;
import io.streamhub.ingress.auth.TokenIssuer;
import io.streamhub.ingress.auth.TokenVerifier;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code token --sub SUB [--ttl 1h] [--claims k=v]... [--config FILE]... [--private-key FILE]}: prints a token the
 * configured nodes accept. HS256 signs with {@code auth.jwt.secret}; RS256/ES256 need {@code --private-key} (the
 * nodes hold only the public key). A keyless dev-login configuration has no secret to sign with: its secret is made
 * at node start and lives only in the nodes' memory, so the command refuses and points to the dev login.
 */
final class TokenCommand {

  static final String USAGE = """
      Usage: java -jar streamhub.jar token --sub SUB [--ttl DURATION] [--claims NAME=VALUE]... [--config FILE]...
                                           [--private-key FILE]

      Prints a JWT for SUB that nodes with the same configuration accept.
        --sub SUB           the user id (the token's sub)
        --ttl DURATION      lifetime: a number with s, m, h or d (default 1h; at most 365d)
        --claims NAME=VALUE an extra claim, e.g. role=coach (repeatable; sub, exp, iat, nbf, iss, aud are set here)
        --config FILE       configuration files, as for the node (auth.jwt.* is used); repeatable
        --private-key FILE  RS256/ES256: PKCS#8 PEM private key matching the configured public key
      """;

  private static final Pattern TTL = Pattern.compile("(\\d{1,9})([smhd])");

  private TokenCommand() {
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    String sub = null;
    Duration ttl = Duration.ofHours(1);
    JsonObject claims = new JsonObject();
    List<Path> configs = new ArrayList<>();
    Path privateKey = null;
    try {
      for (int i = 0; i < args.length; i++) {
        String flag = args[i];
        if (flag.equals("--help")) {
          out.print(USAGE);
          return Main.OK;
        }
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException(flag + " needs a value");
        }
        String value = args[++i];
        switch (flag) {
          case "--sub" -> sub = value;
          case "--ttl" -> ttl = ttl(value);
          case "--claims" -> {
            int eq = value.indexOf('=');
            if (eq < 1) {
              throw new IllegalArgumentException("--claims takes NAME=VALUE, got " + value);
            }
            claims.put(value.substring(0, eq), value.substring(eq + 1));
          }
          case "--config" -> configs.add(Path.of(value));
          case "--private-key" -> privateKey = Path.of(value);
          default -> throw new IllegalArgumentException("unknown option " + flag);
        }
      }
      if (sub == null || sub.isEmpty()) {
        throw new IllegalArgumentException("--sub is required");
      }
    } catch (IllegalArgumentException e) {
      err.println("streamhub token: " + e.getMessage());
      err.print(USAGE);
      return Main.USAGE_ERROR;
    }
    try {
      AuthConfig auth = ConfigLoader.load(configs, System.getenv()).auth();
      out.println(sign(auth, privateKey, sub, ttl, claims));
      return Main.OK;
    } catch (ConfigException | IllegalArgumentException | IOException e) {
      err.println("streamhub token: " + e.getMessage());
      return Main.USAGE_ERROR;
    }
  }

  static Duration ttl(String value) {
    Matcher m = TTL.matcher(value);
    if (!m.matches()) {
      throw new IllegalArgumentException("--ttl must be a number with s, m, h or d (e.g. 90s, 15m, 1h), got "
          + value);
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "s" -> Duration.ofSeconds(n);
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      default -> Duration.ofDays(n);
    };
  }

  private static String sign(AuthConfig auth, Path privateKey, String sub, Duration ttl, JsonObject claims)
      throws IOException {
    AuthConfig.Jwt jwt = auth.jwt();
    if (jwt.algorithm().publicKey() && privateKey == null) {
      throw new IllegalArgumentException(jwt.algorithm() + " tokens are signed with a private key, which the nodes "
          + "never hold: pass --private-key FILE");
    }
    if (!jwt.algorithm().publicKey() && privateKey != null) {
      throw new IllegalArgumentException("--private-key is for RS256/ES256; HS256 signs with auth.jwt.secret");
    }
    if (!jwt.hasKey()) {
      throw new IllegalArgumentException("auth.jwt has no key: with dev login the secret is generated at node "
          + "start and kept in memory, so use POST /api/v1/dev/login {\"user\"} on a running node, or configure "
          + "auth.jwt.secret (e.g. STREAMHUB_AUTH_JWT_SECRET)");
    }
    Vertx vertx = Vertx.vertx();
    try {
      TokenIssuer issuer = privateKey != null
          ? TokenIssuer.withPrivateKey(vertx, jwt, Files.readString(privateKey, StandardCharsets.UTF_8))
          : await(TokenVerifier.create(vertx, auth)).issuer().orElseThrow();
      return issuer.issue(sub, ttl, claims);
    } finally {
      vertx.close();
    }
  }

  private static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get();
    } catch (ExecutionException e) {
      throw new IllegalArgumentException(e.getCause().getMessage(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
