package io.streamhub.contracts.config;

import io.vertx.core.json.JsonObject;

/**
 * The public HTTP server (WebSocket, REST, ops endpoints). Restart-only.
 *
 * @param host interface to bind
 * @param port TCP port; 0 picks a free one (tests)
 */
public record HttpConfig(String host, int port) {

  static HttpConfig read(ConfigReader r) {
    HttpConfig c = new HttpConfig(r.string("host"), r.port("port", true));
    r.rejectUnknown();
    return c;
  }

  JsonObject toJson() {
    return new JsonObject().put("host", host).put("port", port);
  }
}
