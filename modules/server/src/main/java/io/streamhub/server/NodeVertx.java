package io.streamhub.server;

import com.hazelcast.core.HazelcastInstance;
import io.streamhub.contracts.config.StreamhubConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxBuilder;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MetricsDomain;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.VertxPrometheusOptions;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;

/**
 * The Vert.x instance of a node, with Micrometer metrics in the Prometheus registry scraped by {@code /metrics},
 * and, when {@code cluster.enabled}, the Hazelcast member it runs its clustered event bus on.
 *
 * @param hazelcast the cluster member, or null when the node runs alone
 */
record NodeVertx(Vertx vertx, HazelcastInstance hazelcast) {

  /** Id of a node that runs alone. */
  static final String STANDALONE_NODE_ID = "standalone";

  boolean clustered() {
    return hazelcast != null;
  }

  /** This node's id in the cluster (its Hazelcast member UUID), or {@value #STANDALONE_NODE_ID}. */
  String nodeId() {
    return clustered() ? hazelcast.getCluster().getLocalMember().getUuid().toString() : STANDALONE_NODE_ID;
  }

  static Future<NodeVertx> create(StreamhubConfig config) {
    // Event-bus metrics cost a meter lookup per message on the hottest path (every replay row, every room delivery);
    // Streamhub's own counters cover what crosses the bus.
    MicrometerMetricsOptions metrics = new MicrometerMetricsOptions()
        .setEnabled(true)
        .setJvmMetricsEnabled(true)
        .addDisabledMetricsCategory(MetricsDomain.EVENT_BUS)
        .setPrometheusOptions(new VertxPrometheusOptions().setEnabled(true));
    VertxOptions options = new VertxOptions().setMetricsOptions(metrics);
    // The event bus listens on, and advertises to the other members, the interface Hazelcast uses.
    options.getEventBusOptions().setHost(config.cluster().host()).setClusterPublicHost(config.cluster().host());
    VertxBuilder builder = Vertx.builder()
        .with(options)
        .withMetrics(new MicrometerMetricsFactory());
    if (!config.cluster().enabled()) {
      return Future.succeededFuture(new NodeVertx(builder.build(), null));
    }
    HazelcastClusterManager clusterManager;
    try {
      clusterManager = new HazelcastClusterManager(HazelcastConfigFactory.create(config.cluster(), config.rooms()));
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    return builder.withClusterManager(clusterManager).buildClustered()
        .map(vertx -> new NodeVertx(vertx, clusterManager.getHazelcastInstance()));
  }
}
