package io.streamhub.server;

import io.streamhub.contracts.config.Role;
import io.streamhub.contracts.config.StreamhubConfig;
import io.streamhub.dashboard.DashboardVerticle;
import io.streamhub.dashboard.HazelcastUserStates;
import io.streamhub.dashboard.LocalUserStates;
import io.streamhub.dashboard.UserStates;
import io.streamhub.ingress.IngressVerticle;
import io.streamhub.ingress.rooms.HazelcastRoomDirectory;
import io.streamhub.ingress.rooms.LocalRoomDirectory;
import io.streamhub.ingress.rooms.RoomDirectory;
import io.streamhub.ingress.sio.SocketIoNamespaces;
import io.streamhub.persistence.PersistenceVerticle;
import io.streamhub.replay.ReplayVerticle;
import io.streamhub.replay.registry.HazelcastStreamRegistry;
import io.streamhub.replay.registry.LocalStreamRegistry;
import io.streamhub.replay.registry.StreamRegistry;
import io.streamhub.stats.StatsVerticle;
import io.streamhub.stats.session.HazelcastSessionLedger;
import io.streamhub.stats.session.LocalSessionLedger;
import io.streamhub.stats.session.SessionLedger;
import io.vertx.core.Deployable;
import io.vertx.core.Future;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deploys the verticles of a node's roles in dependency order (persistence before ingress, so the store is up
 * before ingress can report ready) and undeploys them in the reverse order.
 */
final class RoleDeployer {

  private static final Logger log = LoggerFactory.getLogger(RoleDeployer.class);

  private record Deployment(String name, String id) {
  }

  private final NodeVertx node;
  private final StreamhubConfig config;
  private final List<Deployment> deployments = new ArrayList<>();
  private IntSupplier httpPort = () -> -1;

  private final SocketIoNamespaces socketIo;

  RoleDeployer(NodeVertx node, StreamhubConfig config, SocketIoNamespaces socketIo) {
    this.node = node;
    this.config = config;
    this.socketIo = socketIo;
  }

  /** Deploys one after another; fails with the first failure (what was deployed stays for {@link #undeployAll}). */
  Future<Void> deployAll() {
    Future<Void> chain = Future.succeededFuture();
    if (config.has(Role.PERSISTENCE)) {
      PersistenceVerticle persistence = new PersistenceVerticle(config);
      chain = chain.compose(v -> deploy("persistence", persistence));
    }
    if (config.has(Role.REPLAY)) {
      ReplayVerticle replay = new ReplayVerticle(config, streamRegistry(), Path.of("").toAbsolutePath());
      chain = chain.compose(v -> deploy("replay", replay));
    }
    if (config.has(Role.STATS)) {
      SessionLedger ledger = node.clustered() ? new HazelcastSessionLedger(node.hazelcast()) : new LocalSessionLedger();
      chain = chain.compose(v -> deploy("stats", new StatsVerticle(config, ledger)));
    }
    if (config.has(Role.DASHBOARD)) {
      UserStates states = node.clustered() ? new HazelcastUserStates(node.hazelcast()) : new LocalUserStates();
      chain = chain.compose(v -> deploy("dashboard", new DashboardVerticle(config, states, node.nodeId())));
    }
    if (config.has(Role.INGRESS)) {
      RoomDirectory directory = roomDirectory();
      IngressVerticle ingress = new IngressVerticle(config, directory, node.nodeId(), socketIo);
      httpPort = ingress::actualPort;
      chain = chain.compose(v -> deploy("ingress", ingress));
      for (int i = 2; i <= config.http().ingressInstances(); i++) {
        String name = "ingress " + i;
        chain = chain.compose(v -> deploy(name, new IngressVerticle(config, directory, node.nodeId(), socketIo)));
      }
    } else {
      OpsOnlyVerticle ops = new OpsOnlyVerticle(config.http());
      httpPort = ops::actualPort;
      chain = chain.compose(v -> deploy("ops", ops));
    }
    return chain;
  }

  /** Deploys an extra verticle after the role verticles; it is undeployed first. */
  Future<Void> deploy(String name, Deployable verticle) {
    return node.vertx().deployVerticle(verticle).map(id -> {
      deployments.add(new Deployment(name, id));
      log.info("deployed {}", name);
      return null;
    });
  }

  /** Undeploys in reverse order, one at a time; a failing undeploy is logged and the rest still run. */
  Future<Void> undeployAll() {
    Future<Void> chain = Future.succeededFuture();
    for (int i = deployments.size() - 1; i >= 0; i--) {
      Deployment d = deployments.get(i);
      chain = chain.transform(previous -> node.vertx().undeploy(d.id())
          .onSuccess(v -> log.info("undeployed {}", d.name()))
          .onFailure(e -> log.warn("undeploying {} failed: {}", d.name(), e.toString()))
          .otherwiseEmpty());
    }
    deployments.clear();
    return chain;
  }

  /** The port of the node's HTTP server once deployed, -1 before. */
  int httpPort() {
    return httpPort.getAsInt();
  }

  private StreamRegistry streamRegistry() {
    return node.clustered() ? new HazelcastStreamRegistry(node.hazelcast()) : new LocalStreamRegistry(node.nodeId());
  }

  private RoomDirectory roomDirectory() {
    return node.clustered() ? new HazelcastRoomDirectory(node.hazelcast()) : new LocalRoomDirectory();
  }
}
