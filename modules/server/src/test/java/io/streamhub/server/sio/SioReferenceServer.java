package io.streamhub.server.sio;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;

/**
 * The reference Node socket.io 4.8 server (src/test/clients/reference-server.mjs) on a free loopback port: the
 * baseline the drivers are validated against. Closing it closes its stdin, on which it exits.
 */
public final class SioReferenceServer implements AutoCloseable {

  private final JsonLinesProcess process;
  private final int port;

  private SioReferenceServer() {
    SioClients.requireInstalled();
    process = new JsonLinesProcess("reference socket.io server", SioClients.dir(),
        List.of("node", "reference-server.mjs", "--port", "0"));
    port = process.awaitLine("the listening port", line -> line.containsKey("port"), Duration.ofSeconds(20))
        .getInteger("port");
  }

  public static SioReferenceServer start() {
    return new SioReferenceServer();
  }

  public int port() {
    return port;
  }

  public String url() {
    return "http://127.0.0.1:" + port;
  }

  @Override
  public void close() {
    process.close((JsonObject) null);
  }
}
