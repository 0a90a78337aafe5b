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

class ConfigLoaderTest {

  @TempDir
  Path dir;

  private Path file(String name, String yaml) throws IOException {
    return Files.writeString(dir.resolve(name), yaml);
  }

  @Test
  @DisplayName("The bundled defaults alone give the documented node: port 8080, embedded store, all five roles")
  void defaultsDescribeTheEmbeddedNode() {
    StreamhubConfig config = ConfigLoader.load(List.of(), Map.of());
    assertThat(config.http().port()).isEqualTo(8080);
    assertThat(config.mongo().embedded()).isTrue();
    assertThat(config.mongo().embeddedDataDir()).isEmpty();
    assertThat(config.cluster().enabled()).isFalse();
    assertThat(config.roles()).containsExactlyInAnyOrder(Role.values());
    assertThat(config.ws().maxMessageBytes()).isEqualTo(65536);
  }

  @Test
  @DisplayName("A later --config file overrides keys of an earlier one and leaves the rest")
  void laterFilesWin() throws IOException {
    Path first = file("a.yaml", "http:\n  port: 9001\nmongo:\n  database: first\n");
    Path second = file("b.yaml", "http:\n  port: 9002\nroles: [ingress]\n");
    StreamhubConfig config = ConfigLoader.load(List.of(first, second), Map.of());
    assertThat(config.http().port()).isEqualTo(9002);
    assertThat(config.mongo().database()).isEqualTo("first");
    assertThat(config.roles()).containsExactly(Role.INGRESS);
  }

  @Test
  @DisplayName("Environment variables override files, parsed as YAML scalars and lists")
  void environmentOverridesFiles() throws IOException {
    Path f = file("a.yaml", "http:\n  port: 9001\n");
    StreamhubConfig config = ConfigLoader.load(List.of(f), Map.of("STREAMHUB_HTTP_PORT", "9100",
        "STREAMHUB_CLUSTER_MEMBERS", "[127.0.0.1:5701, 127.0.0.1:5702]",
        "STREAMHUB_MONGO_CONNECTION_STRING", "mongodb://db:27017", "STREAMHUB_CLUSTER_ENABLED", "true"));
    assertThat(config.http().port()).isEqualTo(9100);
    assertThat(config.cluster().members()).containsExactly("127.0.0.1:5701", "127.0.0.1:5702");
    assertThat(config.mongo().connectionString()).isEqualTo("mongodb://db:27017");
    assertThat(config.cluster().enabled()).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @DisplayName("Invalid configuration is refused with a message naming the key")
  @CsvSource(delimiter = '|', value = {
      "roles: [ingress, teleport]                 | roles[1]                 | unknown role",
      "roles: []                                  | roles                    | at least one",
      "http: {port: 70000}                        | http.port                | between 0 and 65535",
      "http: {port: abc}                          | http.port                | whole number",
      "http: {prot: 80}                           | http.prot                | unknown key",
      "cluster: {enabled: yes-please}             | cluster.enabled          | true or false",
      "cluster: {members: [localhost]}            | cluster.members[0]       | host:port",
      "ws: {max_message_bytes: 2000000, max_frame_bytes: 1000} | ws.max_frame_bytes | at least",
      "mongo: {database: ''}                      | mongo.database           | must not be empty",
      "http: 8080                                 | http                     | mapping",
      "surprise: 1                                | surprise                 | unknown key",
  })
  void invalidConfigNamesTheKey(String yaml, String key, String problem) throws IOException {
    Path f = file("bad.yaml", yaml);
    assertThatThrownBy(() -> ConfigLoader.load(List.of(f), Map.of()))
        .isInstanceOfSatisfying(ConfigException.class, e -> {
          assertThat(e.key()).isEqualTo(key);
          assertThat(e.getMessage()).contains(key).contains(problem);
        });
  }

  @Test
  @DisplayName("A file that is not YAML, or not a mapping, is refused naming the file")
  void unreadableFilesAreNamed() throws IOException {
    Path broken = file("broken.yaml", "http: [unclosed\n");
    assertThatThrownBy(() -> ConfigLoader.load(List.of(broken), Map.of())).hasMessageContaining("broken.yaml");
    Path list = file("list.yaml", "- a\n- b\n");
    assertThatThrownBy(() -> ConfigLoader.load(List.of(list), Map.of())).hasMessageContaining("mapping");
    assertThatThrownBy(() -> ConfigLoader.load(List.of(dir.resolve("missing.yaml")), Map.of()))
        .hasMessageContaining("missing.yaml");
  }

  @Test
  @DisplayName("A config survives the round trip through its JSON form, as sent to verticles on a live change")
  void jsonRoundTrip() {
    StreamhubConfig config = ConfigLoader.withOverrides(new JsonObject().put("roles", new io.vertx.core.json.JsonArray()
        .add("persistence").add("ingress")));
    assertThat(StreamhubConfig.fromJson(config.toJson())).isEqualTo(config);
  }
}
