package io.streamhub.contracts.config;

import io.vertx.core.json.JsonObject;

/**
 * The public HTTP server (WebSocket, REST, ops endpoints). Restart-only.
 *
 * @param host interface to bind
 * @param port TCP port; 0 picks a free one (tests)
 * @param ingressInstances ingress verticles sharing the port, each on its own event loop with its own share of the
 *     connections (Vert.x spreads new connections over them); more use more cores for socket I/O. Configured as
 *     0, one per available processor.
 */
public record HttpConfig(String host, int port, int ingressInstances) {

  static HttpConfig read(ConfigReader r) {
    HttpConfig c = new HttpConfig(r.string("host"), r.port("port", true),
        instances(r.intIn("ingress_instances", 0, 64)));
    r.rejectUnknown();
    return c;
  }

  private static int instances(int configured) {
    return configured == 0 ? Runtime.getRuntime().availableProcessors() : configured;
  }

  JsonObject toJson() {
    return new JsonObject().put("host", host).put("port", port).put("ingress_instances", ingressInstances);
  }
}
