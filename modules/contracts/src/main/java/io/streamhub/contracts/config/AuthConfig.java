package io.streamhub.contracts.config;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Token authentication ({@code auth.*}): how JWTs are verified and which connections need one.
 *
 * @param jwt the verification key and the claims checked. Restart-only.
 * @param pressureRequired pressure sessions need a token. Restart-only.
 * @param replayRequired replay streams need a token. Restart-only.
 * @param wsAuthDeadlineMs how long, in milliseconds, a WebSocket whose upgrade carried no token may take to send
 *     {@code auth {token}} before it is closed. Live.
 * @param allowedOrigins {@code Origin} values accepted on the WebSocket upgrade ({@code scheme://host[:port]});
 *     empty, or an entry {@code *}, accepts any origin. Live.
 * @param presenceRefreshMs how often, in milliseconds, an ingress re-announces each authenticated connection still
 *     open on {@code dashboard.presence.v1}. Restart-only.
 * @param roomRules who may subscribe to and publish into which rooms ({@code auth.rooms.rules}); rooms under
 *     {@code user.} and {@code workout.} are denied unless a rule grants them, other rooms are open unless a rule
 *     names them. Live.
 * @param expiringNoticeS how many seconds before a connection's token expires the {@code expiring {in_s}} event is
 *     sent; 0 sends none. Live.
 * @param devLoginEnabled the demo login: with no key configured the node verifies tokens with a random 256-bit HS256
 *     secret generated at start (shared by the cluster's members) and may issue tokens for any user. Only allowed
 *     without a key. Restart-only.
 */
public record AuthConfig(Jwt jwt, boolean pressureRequired, boolean replayRequired, long wsAuthDeadlineMs,
    List<String> allowedOrigins, long presenceRefreshMs, List<RoomRule> roomRules, long expiringNoticeS,
    boolean devLoginEnabled) {

  /** Shortest accepted HS256 secret, bytes: the size of the HMAC-SHA256 output (RFC 7518 section 3.2). */
  public static final int MIN_SECRET_BYTES = 32;

  /** The {@code allowed_origins} entry that accepts any origin. */
  public static final String ANY_ORIGIN = "*";

  public AuthConfig {
    allowedOrigins = List.copyOf(allowedOrigins);
    roomRules = List.copyOf(roomRules);
  }

  /** The signature algorithms a node can be configured with; a token signed with any other one is refused. */
  public enum Algorithm {
    /** HMAC-SHA256 with the shared {@code auth.jwt.secret}. */
    HS256,
    /** RSASSA-PKCS1-v1_5 with SHA-256; an RSA public key. */
    RS256,
    /** ECDSA on P-256 with SHA-256; an EC public key. */
    ES256;

    /** Whether tokens are verified with a public key (a PEM file or a JWKS file) rather than a shared secret. */
    public boolean publicKey() {
      return this != HS256;
    }

    static Algorithm parse(String key, String value) {
      for (Algorithm a : values()) {
        if (a.name().equals(value)) {
          return a;
        }
      }
      throw new ConfigException(key, "unknown algorithm \"" + value + "\"; expected one of HS256, RS256, ES256");
    }
  }

  /**
   * The verification key and the claim checks ({@code auth.jwt.*}). Restart-only. Exactly one key source is set
   * for a configured key: {@code secret} for HS256, {@code publicKeyPem} or {@code jwksFile} for RS256/ES256; all
   * three empty means no key.
   *
   * @param algorithm the only algorithm a token may be signed with
   * @param secret the HS256 shared secret (its UTF-8 bytes, at least {@value #MIN_SECRET_BYTES}); empty when none
   * @param publicKeyPem path of a PEM public key (or certificate) for RS256/ES256; empty when none
   * @param jwksFile path of a JWKS JSON file for RS256/ES256; empty when none
   * @param issuer a token's {@code iss} must equal it; empty: not checked
   * @param audience a token's {@code aud} must be or contain it; empty: not checked
   * @param leewayS clock skew tolerated on {@code exp}, {@code nbf} and {@code iat}, seconds
   */
  public record Jwt(Algorithm algorithm, String secret, String publicKeyPem, String jwksFile, String issuer,
      String audience, int leewayS) {

    /** Whether a key is configured (a secret, a PEM file or a JWKS file). */
    public boolean hasKey() {
      return !secret.isEmpty() || !publicKeyPem.isEmpty() || !jwksFile.isEmpty();
    }

    /** Never shows the secret, so a logged config cannot leak it. */
    @Override
    public String toString() {
      return "Jwt[algorithm=" + algorithm + ", secret=" + (secret.isEmpty() ? "" : "(set)") + ", publicKeyPem="
          + publicKeyPem + ", jwksFile=" + jwksFile + ", issuer=" + issuer + ", audience=" + audience + ", leewayS="
          + leewayS + "]";
    }

    static Jwt read(ConfigReader r) {
      Algorithm algorithm = Algorithm.parse(r.key("algorithm"), r.string("algorithm"));
      String secret = r.string("secret");
      String pem = r.string("public_key_pem");
      String jwks = r.string("jwks_file");
      if (algorithm.publicKey()) {
        if (!secret.isEmpty()) {
          throw new ConfigException(r.key("secret"), "is for HS256 only; " + algorithm
              + " verifies with auth.jwt.public_key_pem or auth.jwt.jwks_file");
        }
        if (pem.isEmpty() == jwks.isEmpty()) {
          throw new ConfigException(r.key("public_key_pem"), algorithm + " needs exactly one of "
              + "auth.jwt.public_key_pem and auth.jwt.jwks_file, got " + (pem.isEmpty() ? "neither" : "both"));
        }
      } else {
        if (!pem.isEmpty() || !jwks.isEmpty()) {
          throw new ConfigException(r.key(pem.isEmpty() ? "jwks_file" : "public_key_pem"),
              "is for RS256 and ES256 only; HS256 verifies with auth.jwt.secret");
        }
        int bytes = secret.getBytes(StandardCharsets.UTF_8).length;
        if (!secret.isEmpty() && bytes < MIN_SECRET_BYTES) {
          throw new ConfigException(r.key("secret"), "must be at least " + MIN_SECRET_BYTES + " bytes, got " + bytes);
        }
      }
      Jwt jwt = new Jwt(algorithm, secret, pem, jwks, r.string("issuer"), r.string("audience"),
          r.intIn("leeway_s", 0, 300));
      r.rejectUnknown();
      return jwt;
    }

    JsonObject toJson() {
      return new JsonObject().put("algorithm", algorithm.name()).put("secret", secret)
          .put("public_key_pem", publicKeyPem).put("jwks_file", jwksFile).put("issuer", issuer)
          .put("audience", audience).put("leeway_s", leewayS);
    }
  }

  /** Whether a WebSocket upgrade with this {@code Origin} may proceed; {@code null} (no header: not a browser) may. */
  public boolean originAllowed(String origin) {
    return originIn(allowedOrigins, origin);
  }

  /** Whether {@code origin} is allowed by a list where empty or {@value #ANY_ORIGIN} allows any; null always is. */
  static boolean originIn(List<String> allowed, String origin) {
    return origin == null || allowed.isEmpty() || allowed.contains(ANY_ORIGIN)
        || allowed.stream().anyMatch(entry -> entry.equalsIgnoreCase(origin));
  }

  /**
   * Fails unless the key file named by {@code auth.jwt.public_key_pem} or {@code auth.jwt.jwks_file} is a readable
   * regular file. Separate from parsing because it touches the file system: {@link ConfigLoader} runs it when a
   * configuration is loaded, never on an event loop.
   */
  public void requireReadableKeyFile() {
    requireReadable("auth.jwt.public_key_pem", jwt.publicKeyPem());
    requireReadable("auth.jwt.jwks_file", jwt.jwksFile());
  }

  private static void requireReadable(String key, String file) {
    if (file.isEmpty()) {
      return;
    }
    Path path;
    try {
      path = Path.of(file);
    } catch (InvalidPathException e) {
      throw new ConfigException(key, "not a valid path: " + file);
    }
    if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
      throw new ConfigException(key, "cannot read " + path.toAbsolutePath());
    }
  }

  /**
   * Refuses a node whose roles verify tokens when no key is configured and dev login is off: {@code dashboard}
   * always does; {@code ingress} does when pressure sessions or replay streams require a token.
   */
  void requireKeyFor(Set<Role> roles) {
    if (jwt.hasKey() || devLoginEnabled) {
      return;
    }
    List<String> needing = new ArrayList<>();
    if (roles.contains(Role.DASHBOARD)) {
      needing.add("dashboard");
    }
    if (roles.contains(Role.INGRESS) && (pressureRequired || replayRequired)) {
      needing.add("ingress (auth.required." + (pressureRequired ? "pressure" : "replay") + " is true)");
    }
    if (!needing.isEmpty()) {
      throw new ConfigException("auth.jwt", "no verification key, but role " + String.join(" and role ", needing)
          + " verifies tokens: set auth.jwt.secret (HS256, e.g. with STREAMHUB_AUTH_JWT_SECRET) or "
          + "auth.jwt.public_key_pem / auth.jwt.jwks_file (RS256, ES256); auth.dev_login.enabled is for demos only");
    }
  }

  static AuthConfig read(ConfigReader r) {
    Jwt jwt = Jwt.read(r.section("jwt"));
    ConfigReader required = r.section("required");
    boolean pressure = required.bool("pressure");
    boolean replay = required.bool("replay");
    required.rejectUnknown();
    ConfigReader ws = r.section("ws");
    long deadline = ws.longIn("auth_deadline_ms", 100, 600_000);
    List<String> origins = ws.strings("allowed_origins");
    for (int i = 0; i < origins.size(); i++) {
      checkOrigin(ws.key("allowed_origins") + "[" + i + "]", origins.get(i));
    }
    long presence = ws.longIn("presence_refresh_ms", 1000, 3_600_000);
    ws.rejectUnknown();
    ConfigReader rooms = r.section("rooms");
    List<RoomRule> rules = rooms.sections("rules").stream().map(RoomRule::read).toList();
    rooms.rejectUnknown();
    long notice = r.longIn("expiring_notice_s", 0, 86_400);
    ConfigReader devLogin = r.section("dev_login");
    boolean dev = devLogin.bool("enabled");
    if (dev && jwt.hasKey()) {
      throw new ConfigException(devLogin.key("enabled"), "must be false when auth.jwt has a key: dev login issues "
          + "tokens for any user and is only for the keyless demo");
    }
    devLogin.rejectUnknown();
    r.rejectUnknown();
    return new AuthConfig(jwt, pressure, replay, deadline, origins, presence, rules, notice, dev);
  }

  private static void checkOrigin(String key, String origin) {
    if (ANY_ORIGIN.equals(origin)) {
      return;
    }
    URI uri;
    try {
      uri = new URI(origin);
    } catch (URISyntaxException e) {
      uri = null;
    }
    boolean ok = uri != null && uri.getScheme() != null
        && Set.of("http", "https").contains(uri.getScheme().toLowerCase(Locale.ROOT)) && uri.getHost() != null
        && uri.getRawUserInfo() == null && uri.getRawPath().isEmpty() && uri.getRawQuery() == null
        && uri.getRawFragment() == null;
    if (!ok) {
      throw new ConfigException(key, "must be * or an origin like http://localhost:8080 (scheme, host, optional "
          + "port, no path), got \"" + origin + "\"");
    }
  }

  JsonObject toJson() {
    return new JsonObject().put("jwt", jwt.toJson())
        .put("required", new JsonObject().put("pressure", pressureRequired).put("replay", replayRequired))
        .put("ws", new JsonObject().put("auth_deadline_ms", wsAuthDeadlineMs)
            .put("allowed_origins", new JsonArray(allowedOrigins)).put("presence_refresh_ms", presenceRefreshMs))
        .put("rooms", new JsonObject().put("rules", new JsonArray(roomRules.stream().map(RoomRule::toJson).toList())))
        .put("expiring_notice_s", expiringNoticeS)
        .put("dev_login", new JsonObject().put("enabled", devLoginEnabled));
  }
}
