package io.streamhub.server;

import com.hazelcast.core.HazelcastInstance;
import io.streamhub.contracts.Addresses;
import io.streamhub.contracts.ops.Readiness;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.eventbus.ReplyException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Answers {@link Addresses#OPS_READINESS} for this node: are its verticles deployed, does a persistence node
 * answer, and (clustered) is no partition migrating.
 */
final class ReadinessProbe {

  static final long STORE_PING_TIMEOUT_MS = 2000;

  private final Vertx vertx;
  private final HazelcastInstance hazelcast;
  private volatile String verticles = "starting";
  private MessageConsumer<Object> consumer;

  /** @param hazelcast the cluster member, or null when the node is not clustered */
  ReadinessProbe(Vertx vertx, HazelcastInstance hazelcast) {
    this.vertx = vertx;
    this.hazelcast = hazelcast;
  }

  void register() {
    consumer = vertx.eventBus().localConsumer(Addresses.OPS_READINESS,
        message -> check().onSuccess(readiness -> message.reply(readiness.toJson())));
  }

  Future<Void> unregister() {
    return consumer == null ? Future.succeededFuture() : consumer.unregister();
  }

  /** Sets the {@code verticles} check: "ok", or why the node is not (yet, or no longer) serving. */
  void verticles(String state) {
    verticles = state;
  }

  Future<Readiness> check() {
    Future<String> store = storeCheck();
    Future<String> cluster = hazelcast == null ? Future.succeededFuture() : clusterCheck();
    String deployed = verticles;
    return Future.all(store, cluster).map(all -> {
      Map<String, String> checks = new LinkedHashMap<>();
      checks.put("verticles", deployed);
      checks.put("store", store.result());
      if (hazelcast != null) {
        checks.put("cluster", cluster.result());
      }
      return new Readiness(checks);
    });
  }

  private Future<String> storeCheck() {
    return vertx.eventBus().request(Addresses.PERSISTENCE_STORE_PING, null,
            new DeliveryOptions().setSendTimeout(STORE_PING_TIMEOUT_MS))
        .map(reply -> Readiness.OK)
        .otherwise(ReadinessProbe::storeFailure);
  }

  static String storeFailure(Throwable failure) {
    if (failure instanceof ReplyException reply) {
      switch (reply.failureType()) {
        case NO_HANDLERS:
          return "no persistence node answers";
        case TIMEOUT:
          return "no persistence node answered within " + STORE_PING_TIMEOUT_MS + " ms";
        default:
          return "store unavailable: " + reply.getMessage();
      }
    }
    return "store unavailable: " + failure.getMessage();
  }

  private Future<String> clusterCheck() {
    return vertx.executeBlocking(
            () -> hazelcast.getPartitionService().isClusterSafe() ? Readiness.OK : "partitions migrating", false)
        .otherwise(failure -> "cluster unavailable: " + failure.getMessage());
  }
}
