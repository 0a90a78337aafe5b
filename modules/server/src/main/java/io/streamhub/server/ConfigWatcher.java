package io.streamhub.server;

import io.streamhub.contracts.Addresses;
import io.streamhub.contracts.config.ConfigException;
import io.streamhub.contracts.config.ConfigLoader;
import io.streamhub.contracts.config.StreamhubConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notices edits of the {@code --config} files and, when the edited configuration is valid and changes a live key,
 * publishes the node's new effective configuration on {@link Addresses#CONFIG_CHANGED} (node-local). An invalid edit
 * is logged and ignored; a changed restart-only key is logged as such.
 *
 * <p>Not thread-safe: {@link #baseline()} and {@link #check()} must not overlap ({@link ConfigWatchVerticle} calls
 * them one after another).
 */
public final class ConfigWatcher {

  private static final Logger log = LoggerFactory.getLogger(ConfigWatcher.class);

  private final Vertx vertx;
  private final List<Path> files;
  private final Map<String, String> env;
  private StreamhubConfig current;
  private List<Buffer> lastSeen = List.of();

  /**
   * @param current the configuration the node runs with, loaded from {@code files} and {@code env}
   * @param env the environment the configuration was loaded with ({@code STREAMHUB_*} overrides)
   */
  public ConfigWatcher(Vertx vertx, List<Path> files, StreamhubConfig current, Map<String, String> env) {
    this.vertx = vertx;
    this.files = List.copyOf(files);
    this.current = current;
    this.env = Map.copyOf(env);
  }

  /** The effective configuration: the initial one or the last one published. */
  public StreamhubConfig current() {
    return current;
  }

  /** Reads the files as they are now; later checks compare against this. */
  public Future<Void> baseline() {
    return readAll().map(contents -> {
      lastSeen = contents;
      return null;
    });
  }

  /** Reads the files; if any changed since the last read, reloads and publishes or rejects the result. */
  public Future<Void> check() {
    return readAll().compose(contents -> {
      if (contents.equals(lastSeen)) {
        return Future.succeededFuture();
      }
      lastSeen = contents;
      return vertx.executeBlocking(() -> ConfigLoader.load(files, env))
          .onSuccess(this::apply)
          .onFailure(this::reject)
          .<Void>mapEmpty()
          .otherwiseEmpty();
    });
  }

  /**
   * Logs what changed and publishes the effective configuration: the running one with the new values of the live
   * keys. Restart-only keys keep their running values until the node restarts.
   */
  private void apply(StreamhubConfig next) {
    Map<String, ConfigDiff.Change> changes = ConfigDiff.changes(current.toJson(), next.toJson());
    List<ConfigDiff.Change> live = new ArrayList<>();
    for (ConfigDiff.Change change : changes.values()) {
      if (change.live()) {
        live.add(change);
      } else {
        log.warn("key {} changed; takes effect after restart", change.key());
      }
    }
    if (live.isEmpty()) {
      log.debug("config files changed, no live key did");
      return;
    }
    StreamhubConfig effective;
    try {
      effective = StreamhubConfig.fromJson(ConfigDiff.with(current.toJson(), live));
    } catch (ConfigException e) {
      // e.g. a larger ws.max_message_bytes that needs the larger ws.max_frame_bytes of the same edit (restart-only)
      reject(e);
      return;
    }
    live.forEach(change -> log.info("config key {} changed: {} -> {}", change.key(), change.before(), change.after()));
    current = effective;
    vertx.eventBus().publish(Addresses.CONFIG_CHANGED, effective.toJson(), new DeliveryOptions().setLocalOnly(true));
  }

  private void reject(Throwable failure) {
    if (failure instanceof ConfigException invalid) {
      log.warn("ignoring the edited configuration, keeping the running one: {}", invalid.getMessage());
    } else {
      log.warn("reloading the configuration failed, keeping the running one", failure);
    }
  }

  /** Contents of every file in order; an unreadable file (e.g. being replaced) reads as an empty buffer. */
  private Future<List<Buffer>> readAll() {
    List<Future<Buffer>> reads = new ArrayList<>();
    for (Path file : files) {
      reads.add(vertx.fileSystem().readFile(file.toString()).otherwise(failure -> Buffer.buffer()));
    }
    return Future.all(reads).map(all -> {
      List<Buffer> contents = new ArrayList<>();
      reads.forEach(read -> contents.add(read.result()));
      return contents;
    });
  }
}
