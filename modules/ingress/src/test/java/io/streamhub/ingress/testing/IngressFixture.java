package io.streamhub.ingress.testing;

import io.streamhub.contracts.config.ConfigLoader;
import io.streamhub.contracts.config.StreamhubConfig;
import io.streamhub.ingress.IngressVerticle;
import io.streamhub.ingress.sio.SocketIoNamespaces;
import io.streamhub.ingress.rooms.LocalRoomDirectory;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

/** Deploys one ingress verticle on a free port with the defaults plus test overrides. */
public final class IngressFixture {

  private IngressFixture() {
  }

  public static StreamhubConfig config(JsonObject overrides) {
    // One verticle per deployment here: each test ingress is its own "node" with its own port.
    JsonObject base = new JsonObject().put("http", new JsonObject().put("host", "127.0.0.1").put("port", 0)
        .put("ingress_instances", 1));
    return ConfigLoader.withOverrides(ConfigLoader.merge(base, overrides));
  }

  /** Deploys and returns the bound port. */
  public static int deploy(Vertx vertx, JsonObject overrides) {
    return deploy(vertx, overrides, null);
  }

  /** Deploys with an application's Socket.IO namespaces and returns the bound port. */
  public static int deploy(Vertx vertx, JsonObject overrides, SocketIoNamespaces apps) {
    IngressVerticle verticle = new IngressVerticle(config(overrides), new LocalRoomDirectory(), "standalone", apps);
    WsClient.await(vertx.deployVerticle(verticle));
    return verticle.actualPort();
  }
}
