package io.streamhub.server;

import io.streamhub.contracts.config.StreamhubConfig;
import io.streamhub.contracts.ops.Readiness;
import io.streamhub.ingress.sio.SocketIoNamespace;
import io.streamhub.ingress.sio.SocketIoNamespaces;
import io.streamhub.ingress.sio.SocketIoServer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running Streamhub node: its Vert.x instance (clustered or not), the verticles of its roles, the readiness
 * answer and the config file watcher. Started by {@link Main}, and by tests directly.
 */
public final class Node {

  private static final Logger log = LoggerFactory.getLogger(Node.class);

  private final NodeVertx runtime;
  private final StreamhubConfig config;
  private final ReadinessProbe readiness;
  private final RoleDeployer deployer;
  private final SocketIoNamespaces socketIo;
  private Future<Void> closing;

  private Node(NodeVertx runtime, StreamhubConfig config) {
    this.runtime = runtime;
    this.config = config;
    this.readiness = new ReadinessProbe(runtime.vertx(), runtime.hazelcast());
    this.socketIo = new SocketIoNamespaces(runtime.vertx().eventBus());
    this.deployer = new RoleDeployer(runtime, config, socketIo);
  }

  /**
   * Builds Vert.x (joining the cluster when {@code cluster.enabled}), answers readiness requests, deploys the
   * verticles of {@code config.roles()} and watches {@code watchedFiles} every {@code config.watch_interval_ms}.
   * On a failure Vert.x is closed again and the future fails with the cause.
   *
   * @param watchedFiles the {@code --config} files {@code config} was loaded from (with {@code System.getenv()})
   */
  public static Future<Node> start(StreamhubConfig config, List<Path> watchedFiles) {
    return start(config, watchedFiles, socketIo -> {
    });
  }

  /**
   * Starts a node from an application's code (see README, "Embedding"), with the application's Socket.IO
   * namespaces and handlers registered by {@code socketIo} before any client can connect.
   */
  public static Future<Node> start(StreamhubConfig config, Consumer<SocketIoServer> socketIo) {
    return start(config, List.of(), socketIo);
  }

  private static Future<Node> start(StreamhubConfig config, List<Path> watchedFiles,
      Consumer<SocketIoServer> socketIo) {
    return NodeVertx.create(config).compose(runtime -> {
      Node node = new Node(runtime, config);
      socketIo.accept(node.socketIo);
      return node.deploy(watchedFiles).map(node)
          .recover(failure -> runtime.vertx().close().transform(closed -> Future.failedFuture(failure)));
    });
  }

  private Future<Void> deploy(List<Path> watchedFiles) {
    readiness.register();
    Future<Void> deployed = deployer.deployAll();
    if (config.configWatchIntervalMs() > 0 && !watchedFiles.isEmpty()) {
      ConfigWatcher watcher = new ConfigWatcher(vertx(), watchedFiles, config, System.getenv());
      deployed = deployed.compose(v -> deployer.deploy("config watcher",
          new ConfigWatchVerticle(watcher, config.configWatchIntervalMs())));
    }
    return deployed
        .onSuccess(v -> {
          readiness.verticles(Readiness.OK);
          log.info("node started: roles {}, http port {}, {}", config.toJson().getJsonArray("roles"), httpPort(),
              runtime.clustered() ? "clustered" : "not clustered");
        })
        .onFailure(failure -> readiness.verticles("failed: " + failure.getMessage()));
  }

  /**
   * Stops serving (readiness turns "stopping"), undeploys the verticles in reverse order (ingress closes its
   * sockets before persistence flushes) and closes Vert.x, which leaves the cluster. Calling it again returns
   * the same future.
   */
  public synchronized Future<Void> close() {
    if (closing == null) {
      log.info("node stopping");
      readiness.verticles("stopping");
      closing = deployer.undeployAll()
          .compose(v -> readiness.unregister().otherwiseEmpty())
          .compose(v -> runtime.vertx().close())
          .onSuccess(v -> log.info("node stopped"));
    }
    return closing;
  }

  public Vertx vertx() {
    return runtime.vertx();
  }

  /** The configuration the node started with. */
  public StreamhubConfig config() {
    return config;
  }

  /** The port of the node's HTTP server (ingress, or the ops-only server); useful with {@code http.port: 0}. */
  public int httpPort() {
    return deployer.httpPort();
  }

  /**
   * The node's Socket.IO server, for an embedding application's namespaces and handlers (served when the node runs
   * the ingress role); {@link SocketIoNamespace#emitToRoom} reaches every node of the cluster.
   */
  public SocketIoServer socketIo() {
    return socketIo;
  }

  public boolean clustered() {
    return runtime.clustered();
  }
}
