package io.streamhub.server;

import io.streamhub.contracts.config.ConfigLoader;
import io.streamhub.contracts.config.StreamhubConfig;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Configurations and helpers for tests that start real nodes: loopback, free ports, no file watching. */
final class NodeFixture {

  static final long TIMEOUT_S = 30;

  private NodeFixture() {
  }

  /** Defaults, then loopback HTTP on a free port and no config watching, then {@code overrides}. */
  static StreamhubConfig config(JsonObject overrides) {
    JsonObject base = new JsonObject()
        .put("http", new JsonObject().put("host", "127.0.0.1").put("port", 0))
        .put("config", new JsonObject().put("watch_interval_ms", 0));
    return ConfigLoader.withOverrides(ConfigLoader.merge(base, overrides));
  }

  static JsonObject roles(String... roles) {
    return new JsonObject().put("roles", new JsonArray(List.of((Object[]) roles)));
  }

  /** Waits for a future from the test thread. */
  static <T> T await(Future<T> future) {
    try {
      return future.await(TIMEOUT_S, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new AssertionError("no result within " + TIMEOUT_S + " s", e);
    }
  }

  static Node start(StreamhubConfig config) {
    return await(Node.start(config, List.of()));
  }

  static HttpResponse<Buffer> get(WebClient web, int port, String path) {
    return await(web.get(port, "127.0.0.1", path).send());
  }

  /**
   * The {@code cluster} config sections of {@code size} Hazelcast members on loopback that list each other, one per
   * member, in start order.
   */
  static List<JsonObject> clusterOf(int size) {
    JsonArray members = new JsonArray();
    List<Integer> ports = java.util.stream.IntStream.range(0, size).map(i -> freePort()).boxed().toList();
    ports.forEach(port -> members.add("127.0.0.1:" + port));
    return ports.stream().map(port -> new JsonObject().put("enabled", true).put("host", "127.0.0.1").put("port", port)
        .put("members", members)).toList();
  }

  /** A TCP port free right now, for Hazelcast members (whose port cannot be 0). */
  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
