package io.streamhub.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamhub.contracts.Addresses;
import io.streamhub.contracts.config.ConfigLoader;
import io.streamhub.contracts.config.StreamhubConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("ConfigWatcher")
@ExtendWith(VertxExtension.class)
class ConfigWatcherTest {

  @TempDir
  Path dir;
  private Vertx vertx;
  private Path file;
  private StreamhubConfig initial;
  private ConfigWatcher watcher;

  @BeforeEach
  void writeConfig(Vertx vertx) throws IOException {
    this.vertx = vertx;
    file = Files.writeString(dir.resolve("node.yaml"), "ws:\n  max_message_bytes: 1024\n");
    initial = ConfigLoader.load(List.of(file), Map.of());
    watcher = new ConfigWatcher(vertx, List.of(file), initial, Map.of());
  }

  private Future<Void> rewrite(String yaml) {
    return vertx.fileSystem().writeFile(file.toString(), Buffer.buffer(yaml));
  }

  /** Runs {@code check} on the first config.changed message and ends the test; so an earlier message fails it. */
  private void onFirstChange(VertxTestContext test, Consumer<JsonObject> check) {
    vertx.eventBus().<JsonObject>localConsumer(Addresses.CONFIG_CHANGED, message -> test.verify(() -> {
      check.accept(message.body());
      test.completeNow();
    }));
  }

  private static int maxMessageBytes(JsonObject config) {
    return config.getJsonObject("ws").getInteger("max_message_bytes");
  }

  @Test
  @DisplayName("a valid edit of a watched file publishes the new configuration on config.changed")
  void validEditIsPublished(VertxTestContext test) {
    onFirstChange(test, config -> {
      assertThat(maxMessageBytes(config)).isEqualTo(2048);
      assertThat(watcher.current().ws().maxMessageBytes()).isEqualTo(2048);
    });

    vertx.deployVerticle(new ConfigWatchVerticle(watcher, 20))
        .compose(id -> rewrite("ws:\n  max_message_bytes: 2048\n"))
        .onFailure(test::failNow);
  }

  @Test
  @DisplayName("an invalid edit publishes nothing and the running configuration stays")
  void invalidEditIsIgnored(VertxTestContext test) {
    onFirstChange(test, config -> assertThat(maxMessageBytes(config)).isEqualTo(4096));

    watcher.baseline()
        .compose(v -> rewrite("ws:\n  max_message_bytes: 2048\nhttp:\n  port: abc\n"))
        .compose(v -> watcher.check())
        .onSuccess(v -> test.verify(() -> assertThat(watcher.current()).isEqualTo(initial)))
        .compose(v -> rewrite("ws:\n  max_message_bytes: 4096\n"))
        .compose(v -> watcher.check())
        .onFailure(test::failNow);
  }

  @Test
  @DisplayName("an edit that leaves the effective configuration as it was publishes nothing")
  void commentOnlyEditIsQuiet(VertxTestContext test) {
    onFirstChange(test, config -> assertThat(maxMessageBytes(config)).isEqualTo(512));

    watcher.baseline()
        .compose(v -> rewrite("# only a comment more\nws:\n  max_message_bytes: 1024\n"))
        .compose(v -> watcher.check())
        .compose(v -> rewrite("ws:\n  max_message_bytes: 512\n"))
        .compose(v -> watcher.check())
        .onFailure(test::failNow);
  }

  @Test
  @DisplayName("restart-only keys keep their running values in the published configuration; alone they publish nothing")
  void restartOnlyKeysWait(VertxTestContext test) {
    onFirstChange(test, config -> {
      assertThat(maxMessageBytes(config)).isEqualTo(2048);
      assertThat(config.getJsonObject("http").getInteger("port")).isEqualTo(initial.http().port());
    });

    watcher.baseline()
        .compose(v -> rewrite("ws:\n  max_message_bytes: 1024\nhttp:\n  port: 9999\n"))
        .compose(v -> watcher.check())
        .compose(v -> rewrite("ws:\n  max_message_bytes: 2048\nhttp:\n  port: 9999\n"))
        .compose(v -> watcher.check())
        .onFailure(test::failNow);
  }

  @Test
  @DisplayName("only changed keys are reported, and only the live ones apply without a restart")
  void diffMarksLiveKeys() {
    JsonObject before = initial.toJson();
    JsonObject after = before.copy();
    after.getJsonObject("ws").put("max_message_bytes", 2048);
    after.getJsonObject("http").put("port", 9999);

    Map<String, ConfigDiff.Change> changes = ConfigDiff.changes(before, after);

    assertThat(changes).containsOnlyKeys("ws.max_message_bytes", "http.port");
    assertThat(changes.get("ws.max_message_bytes").live()).isTrue();
    assertThat(changes.get("http.port").live()).isFalse();
    assertThat(changes.get("http.port").before()).isEqualTo(8080);
  }

  @Test
  @DisplayName("replay delays are live, a dataset's own delay too, and may be added where there was none")
  void replayDelaysAreLive() {
    JsonObject before = initial.toJson();
    JsonObject after = before.copy();
    after.getJsonObject("replay").getJsonObject("delay").put("min_ms", 10);
    after.getJsonObject("replay").getJsonObject("datasets").getJsonObject("transactions")
        .put("delay", new JsonObject().put("min_ms", 1).put("max_ms", 2));
    after.getJsonObject("replay").put("default_dataset", "machine-monitor");

    Map<String, ConfigDiff.Change> changes = ConfigDiff.changes(before, after);

    assertThat(changes.get("replay.delay.min_ms").live()).isTrue();
    assertThat(changes.get("replay.datasets.transactions.delay.max_ms").live()).isTrue();
    assertThat(changes.get("replay.default_dataset").live()).isFalse();
    JsonObject applied = ConfigDiff.with(before, changes.values().stream().filter(ConfigDiff.Change::live).toList());
    assertThat(applied.getJsonObject("replay").getJsonObject("datasets").getJsonObject("transactions")
        .getJsonObject("delay")).isEqualTo(new JsonObject().put("min_ms", 1).put("max_ms", 2));
    assertThat(applied.getJsonObject("replay").getString("default_dataset")).isEqualTo("transactions");
  }
}
