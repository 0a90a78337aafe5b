package io.streamhub.persistence;

import io.streamhub.contracts.Addresses;
import io.streamhub.contracts.FailureCodes;
import io.streamhub.contracts.JsonByReferenceCodec;
import io.streamhub.contracts.config.MongoConfig;
import io.streamhub.contracts.dashboard.DashboardSnapshot;
import io.streamhub.contracts.config.StreamhubConfig;
import io.streamhub.contracts.ops.StorePing;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.ext.mongo.MongoClient;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The persistence role: owns the connection to MongoDB (or starts the embedded store when
 * {@code mongo.connection_string} is empty), answers {@link Addresses#PERSISTENCE_STORE_PING}, stores replay
 * streams' statuses and events ({@link ReplayStore}, answering the {@code PERSISTENCE_REPLAY_*} addresses through
 * {@link ReplayConsumers}) and pressure workouts' sessions and frames ({@link PressureStore}, answering the
 * {@code PERSISTENCE_PRESSURE_*} addresses through {@link PressureConsumers}), keeps the dashboards' per-user
 * counters as it stores ({@link DashboardCounters}) and answers {@link Addresses#PERSISTENCE_DASHBOARD_SNAPSHOT}
 * ({@link DashboardSnapshots}).
 *
 * <p>{@link #start()} completes only once the store has answered a {@code ping}, the replay and pressure indexes
 * exist and every consumer is registered (cluster-wide when clustered); it fails with a message naming the store when
 * the store does not answer (timeouts: see {@link MongoClientConfig} and {@link StorePinger#PING_TIMEOUT_MS}).
 * {@link #stop()} unregisters the consumers, closes the client, then the embedded store, which commits its data
 * file.
 *
 * <p>Deploy one instance per node: an instance started on an empty {@code mongo.connection_string} starts (and owns)
 * an embedded store, and instances in one Vert.x share one client pool ({@value #CLIENT_NAME}).
 */
public final class PersistenceVerticle extends VerticleBase {

  /** Name of the shared Vert.x Mongo client: every instance of this verticle in one Vert.x shares one pool. */
  static final String CLIENT_NAME = "streamhub.persistence";

  private static final Logger LOG = LoggerFactory.getLogger(PersistenceVerticle.class);

  private final MongoConfig mongo;
  private EmbeddedStore embeddedStore;
  private MongoClient client;
  private StorePinger pinger;
  private String storeHosts;
  private final List<MessageConsumer<Object>> consumers = new ArrayList<>();
  private final StoreRequests requests = new StoreRequests(PersistenceVerticle.class, "dashboard storage");

  public PersistenceVerticle(StreamhubConfig config) {
    this.mongo = config.mongo();
  }

  @Override
  public Future<?> start() {
    return startEmbeddedStoreIfNeeded()
        .compose(this::connect)
        .compose(this::checkStoreAnswers)
        .compose(this::registerConsumers)
        .recover(this::releaseAfterFailedStart);
  }

  @Override
  public Future<?> stop() {
    return release();
  }

  private Future<String> startEmbeddedStoreIfNeeded() {
    if (!mongo.embedded()) {
      return Future.succeededFuture(mongo.connectionString());
    }
    return vertx.executeBlocking(() -> EmbeddedStore.start(mongo.embeddedHost(), mongo.embeddedPort(), mongo.embeddedDataDir()))
        .map(store -> {
          embeddedStore = store;
          LOG.info("embedded store listening on {} ({})", store.connectionString(), store.description());
          return store.connectionString();
        });
  }

  private Future<StorePinger> connect(String connectionString) {
    try {
      storeHosts = MongoClientConfig.hosts(connectionString);
      client = MongoClient.createShared(vertx, MongoClientConfig.of(connectionString, mongo.database()), CLIENT_NAME);
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(e);
    }
    pinger = new StorePinger(client, mongo.database(), mongo.embedded(), StorePinger.PING_TIMEOUT_MS);
    return Future.succeededFuture(pinger);
  }

  private Future<StorePing> checkStoreAnswers(StorePinger storePinger) {
    return storePinger.ping().recover(failure -> Future.failedFuture(new IllegalStateException(
        "the MongoDB store at " + storeHosts + " (database " + mongo.database() + ") did not answer ping: "
            + StorePinger.reason(failure), failure)));
  }

  private Future<Void> registerConsumers(StorePing firstPing) {
    JsonByReferenceCodec.register(vertx.eventBus());
    ReplayStore replayStore = new ReplayStore(client);
    DashboardCounters counters = new DashboardCounters(client);
    PressureStore pressureStore = new PressureStore(client, counters);
    DashboardSnapshots snapshots = new DashboardSnapshots(client);
    return Future.all(replayStore.createIndexes(), pressureStore.createIndexes())
        .recover(failure -> Future.failedFuture(new IllegalStateException("creating the replay and pressure indexes in "
            + "the MongoDB store at " + storeHosts + " (database " + mongo.database() + ") failed: "
            + StorePinger.reason(failure), failure)))
        .compose(indexed -> {
          consumers.add(vertx.eventBus().consumer(Addresses.PERSISTENCE_STORE_PING, this::answerPing));
          consumers.addAll(ReplayConsumers.register(vertx.eventBus(), replayStore, counters));
          consumers.addAll(PressureConsumers.register(vertx.eventBus(), pressureStore, counters));
          consumers.add(vertx.eventBus().consumer(Addresses.PERSISTENCE_DASHBOARD_SNAPSHOT, request -> requests.serve(
              request, "read a dashboard snapshot", DashboardSnapshots.Request::fromJson,
              snapshot -> snapshots.read(snapshot).map(DashboardSnapshot::toJson))));
          return Future.all(consumers.stream().map(MessageConsumer::completion).toList());
        })
        .<Void>mapEmpty()
        .onSuccess(registered -> LOG.info(
            "persistence ready: {} MongoDB store at {} answered ping in {} ms (database {})",
            mongo.embedded() ? "embedded" : "external", storeHosts, firstPing.roundTripMs(), mongo.database()));
  }

  private void answerPing(Message<Object> request) {
    pinger.ping()
        .onSuccess(ping -> request.reply(ping.toJson()))
        .onFailure(failure -> {
          String reason = StorePinger.reason(failure);
          LOG.warn("store ping failed: the MongoDB store at {} did not answer: {}", storeHosts, reason);
          request.fail(FailureCodes.UNAVAILABLE, "store did not answer: " + reason);
        });
  }

  private Future<Void> releaseAfterFailedStart(Throwable failure) {
    return release().transform(released -> Future.failedFuture(failure));
  }

  private Future<Void> release() {
    return unregisterConsumers()
        .transform(unregistered -> closeClient())
        .transform(clientClosed -> closeEmbeddedStore());
  }

  private Future<Void> unregisterConsumers() {
    List<Future<Void>> unregistered = consumers.stream().map(MessageConsumer::unregister).toList();
    consumers.clear();
    return Future.join(unregistered).mapEmpty();
  }

  private Future<Void> closeClient() {
    MongoClient closing = client;
    client = null;
    if (closing == null) {
      return Future.succeededFuture();
    }
    return closing.close().onFailure(failure -> LOG.warn("closing the MongoDB client failed: {}", StorePinger.reason(failure)));
  }

  private Future<Void> closeEmbeddedStore() {
    EmbeddedStore closing = embeddedStore;
    embeddedStore = null;
    if (closing == null) {
      return Future.succeededFuture();
    }
    return vertx.<Void>executeBlocking(() -> {
      closing.close();
      return null;
    }).onFailure(failure -> LOG.warn("closing the embedded store failed: {}", StorePinger.reason(failure)));
  }
}
