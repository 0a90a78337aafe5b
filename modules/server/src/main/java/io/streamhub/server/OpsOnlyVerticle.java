package io.streamhub.server;

import io.streamhub.contracts.config.HttpConfig;
import io.streamhub.ingress.ops.OpsRoutes;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.ext.web.Router;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server of a node without the ingress role: only {@code /health}, {@code /ready} and {@code /metrics},
 * so that every node can be probed and scraped the same way.
 */
public final class OpsOnlyVerticle extends VerticleBase {

  private static final Logger log = LoggerFactory.getLogger(OpsOnlyVerticle.class);

  private final HttpConfig http;
  private volatile int actualPort = -1;

  public OpsOnlyVerticle(HttpConfig http) {
    this.http = http;
  }

  @Override
  public Future<?> start() {
    Router router = Router.router(vertx);
    OpsRoutes.mount(vertx, router);
    return vertx.createHttpServer().requestHandler(router).listen(http.port(), http.host()).onSuccess(server -> {
      actualPort = server.actualPort();
      log.info("ops endpoints listening on {}:{}", http.host(), actualPort);
    });
  }

  /** The port the server listens on (useful with {@code http.port: 0}); -1 before it started. */
  public int actualPort() {
    return actualPort;
  }
}
