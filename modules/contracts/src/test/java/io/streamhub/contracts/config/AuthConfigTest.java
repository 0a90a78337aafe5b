package io.streamhub.contracts.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("auth.* configuration")
class AuthConfigTest {

  static final String SECRET = "0123456789abcdef0123456789abcdef";
  static final String NO_DEV_LOGIN = "auth: {dev_login: {enabled: false}}\n";

  @TempDir
  Path dir;

  private StreamhubConfig load(String... yamls) throws IOException {
    Path[] files = new Path[yamls.length];
    for (int i = 0; i < yamls.length; i++) {
      files[i] = Files.writeString(dir.resolve("c" + i + ".yaml"), yamls[i]);
    }
    return ConfigLoader.load(List.of(files), Map.of());
  }

  private void assertRefused(String key, String problem, String... yamls) {
    assertThatThrownBy(() -> load(yamls)).isInstanceOfSatisfying(ConfigException.class, e -> {
      assertThat(e.key()).isEqualTo(key);
      assertThat(e.getMessage()).contains(key).contains(problem);
    });
  }

  @Test
  @DisplayName("The bundled demo config starts keyless: dev login on, pressure without tokens, HS256, documented values")
  void bundledDefaultsAreTheDemo() {
    AuthConfig auth = ConfigLoader.load(List.of(), Map.of()).auth();
    assertThat(auth.devLoginEnabled()).isTrue();
    assertThat(auth.pressureRequired()).isFalse();
    assertThat(auth.replayRequired()).isFalse();
    assertThat(auth.jwt().hasKey()).isFalse();
    assertThat(auth.jwt().algorithm()).isEqualTo(AuthConfig.Algorithm.HS256);
    assertThat(auth.jwt().leewayS()).isEqualTo(5);
    assertThat(auth.wsAuthDeadlineMs()).isEqualTo(5000);
    assertThat(auth.allowedOrigins()).isEmpty();
    assertThat(auth.expiringNoticeS()).isEqualTo(60);
  }

  @Test
  @DisplayName("A production file gets the strict settings back: a secret, dev login off, pressure requiring tokens")
  void productionOverridesRestoreTheStrictSettings() throws IOException {
    StreamhubConfig config = load("auth:\n  jwt: {secret: " + SECRET + ", issuer: streamhub, audience: dashboards}\n"
        + "  required: {pressure: true}\n  dev_login: {enabled: false}\n");
    AuthConfig auth = config.auth();
    assertThat(auth.devLoginEnabled()).isFalse();
    assertThat(auth.pressureRequired()).isTrue();
    assertThat(auth.jwt().secret()).isEqualTo(SECRET);
    assertThat(auth.jwt().issuer()).isEqualTo("streamhub");
    assertThat(StreamhubConfig.fromJson(config.toJson())).isEqualTo(config);
  }

  @Test
  @DisplayName("The secret can come from the environment, and a logged config never shows it")
  void secretFromEnvironmentIsNeverPrinted() throws IOException {
    Path f = Files.writeString(dir.resolve("prod.yaml"), NO_DEV_LOGIN);
    StreamhubConfig config = ConfigLoader.load(List.of(f), Map.of("STREAMHUB_AUTH_JWT_SECRET", SECRET));
    assertThat(config.auth().jwt().secret()).isEqualTo(SECRET);
    assertThat(config.toString()).doesNotContain(SECRET).contains("secret=(set)");
  }

  @ParameterizedTest(name = "{0}")
  @DisplayName("Invalid auth settings are refused with a message naming the key")
  @CsvSource(delimiter = '|', value = {
      "auth: {jwt: {algorithm: HS512}}                        | auth.jwt.algorithm            | unknown algorithm",
      "auth: {jwt: {secret: too-short}, dev_login: {enabled: false}} | auth.jwt.secret        | at least 32 bytes, got 9",
      "auth: {jwt: {algorithm: RS256}}                        | auth.jwt.public_key_pem       | got neither",
      "auth: {jwt: {algorithm: ES256, public_key_pem: a.pem, jwks_file: b.json}} | auth.jwt.public_key_pem | got both",
      "auth: {jwt: {algorithm: RS256, public_key_pem: a.pem, secret: x}} | auth.jwt.secret   | HS256 only",
      "auth: {jwt: {public_key_pem: a.pem}}                   | auth.jwt.public_key_pem       | RS256 and ES256 only",
      "auth: {jwt: {jwks_file: keys.json}}                    | auth.jwt.jwks_file            | RS256 and ES256 only",
      "auth: {jwt: {leeway_s: 301}}                           | auth.jwt.leeway_s             | between 0 and 300",
      "auth: {jwt: {kid: x}}                                  | auth.jwt.kid                  | unknown key",
      "auth: {required: {pressure: maybe}}                    | auth.required.pressure        | true or false",
      "auth: {ws: {auth_deadline_ms: 0}}                      | auth.ws.auth_deadline_ms      | between 100",
      "auth: {ws: {allowed_origins: [http://ok:8080, http://x/path]}} | auth.ws.allowed_origins[1] | no path",
      "auth: {ws: {allowed_origins: [localhost:8080]}}        | auth.ws.allowed_origins[0]    | like http://localhost",
      "auth: {ws: {presence_refresh_ms: 10}}                  | auth.ws.presence_refresh_ms   | between 1000",
      "auth: {rooms: {rules: [{pattern: 'a b', actions: [subscribe]}]}} | auth.rooms.rules[0].pattern | room-name glob",
      "auth: {rooms: {rules: [{pattern: 'a.*', actions: [read]}]}} | auth.rooms.rules[0].actions | unknown action",
      "auth: {rooms: {rules: [{pattern: 'a.*', actions: []}]}} | auth.rooms.rules[0].actions   | at least one",
      "auth: {rooms: {rules: [{pattern: 'a.*', actions: [publish], claims: {role: 1}}]}} | auth.rooms.rules[0].claims.role | must be a string",
      "auth: {expiring_notice_s: -1}                          | auth.expiring_notice_s        | between 0",
      "auth: {jwt: {secret: " + SECRET + "}}                  | auth.dev_login.enabled        | must be false",
  })
  void invalidSettingsNameTheKey(String yaml, String key, String problem) {
    assertRefused(key, problem, yaml);
  }

  @Test
  @DisplayName("A key file that cannot be read is refused at load, naming the key and the path")
  void unreadableKeyFilesNameKeyAndPath() throws IOException {
    Path missing = dir.resolve("missing.pem");
    String rs = "auth: {dev_login: {enabled: false}, jwt: {algorithm: RS256, ";
    assertRefused("auth.jwt.public_key_pem", missing.toString(), rs + "public_key_pem: '" + missing + "'}}\n");
    assertRefused("auth.jwt.jwks_file", dir.toString(), rs + "jwks_file: '" + dir + "'}}\n");
    Path pem = Files.writeString(dir.resolve("key.pem"), "-----BEGIN PUBLIC KEY-----\n");
    assertThat(load(rs + "public_key_pem: '" + pem + "'}}\n").auth().jwt().publicKeyPem()).isEqualTo(pem.toString());
  }

  @Test
  @DisplayName("A node refuses to start when a role that verifies tokens has no key and dev login is off")
  void rolesThatVerifyTokensNeedAKey() throws IOException {
    assertRefused("auth.jwt", "role dashboard", NO_DEV_LOGIN + "roles: [dashboard]\n");
    assertRefused("auth.jwt", "auth.required.pressure", NO_DEV_LOGIN,
        "roles: [ingress]\nauth: {required: {pressure: true}}\n");
    assertRefused("auth.jwt", "auth.required.replay", NO_DEV_LOGIN,
        "roles: [ingress, replay]\nauth: {required: {replay: true}}\n");
    assertThat(load(NO_DEV_LOGIN + "roles: [ingress, replay, stats, persistence]\n").auth().jwt().hasKey()).isFalse();
    assertThat(load(NO_DEV_LOGIN, "roles: [dashboard]\nauth: {jwt: {secret: " + SECRET + "}}\n").roles())
        .containsExactly(Role.DASHBOARD);
  }

  @Test
  @DisplayName("The refusal is part of parsing, so a tree built by hand is refused too")
  void refusalIsInFromJson() {
    StreamhubConfig demo = ConfigLoader.load(List.of(), Map.of());
    JsonObject tree = demo.toJson();
    tree.getJsonObject("auth").getJsonObject("dev_login").put("enabled", false);
    assertThatThrownBy(() -> StreamhubConfig.fromJson(tree)).isInstanceOfSatisfying(ConfigException.class,
        e -> assertThat(e.getMessage()).contains("auth.jwt").contains("dashboard"));
  }

  @Test
  @DisplayName("Origins: empty list or * accepts any; otherwise an exact, case-insensitive match; no header passes")
  void originAllowList() throws IOException {
    AuthConfig open = ConfigLoader.load(List.of(), Map.of()).auth();
    assertThat(open.originAllowed("https://evil.example")).isTrue();
    AuthConfig star = load("auth: {ws: {allowed_origins: ['*']}}\n").auth();
    assertThat(star.originAllowed("https://evil.example")).isTrue();
    AuthConfig listed = load("auth: {ws: {allowed_origins: ['http://localhost:8080', 'https://app.example']}}\n")
        .auth();
    assertThat(listed.originAllowed("http://localhost:8080")).isTrue();
    assertThat(listed.originAllowed("HTTPS://App.Example")).isTrue();
    assertThat(listed.originAllowed("http://localhost:8081")).isFalse();
    assertThat(listed.originAllowed("https://evil.example")).isFalse();
    assertThat(listed.originAllowed(null)).isTrue();
  }
}
