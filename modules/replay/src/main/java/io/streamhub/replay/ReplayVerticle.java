package io.streamhub.replay;

import io.streamhub.contracts.Addresses;
import io.streamhub.contracts.config.ReplayConfig;
import io.streamhub.contracts.config.StreamhubConfig;
import io.streamhub.contracts.replay.StreamDeliveriesCodec;
import io.streamhub.replay.data.DatasetCatalog;
import io.streamhub.replay.engine.StreamEngine;
import io.streamhub.replay.engine.TimerWheel;
import io.streamhub.replay.engine.Timers;
import io.streamhub.replay.registry.StreamRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The replay role: parses the datasets once, runs the streams this node owns and answers the replay requests of
 * any ingress. {@code start()} completes once the datasets are parsed and every consumer is registered
 * cluster-wide. Stopping leaves the records in the registry, so the other replay nodes take the streams over when
 * this node leaves the cluster.
 */
public final class ReplayVerticle extends VerticleBase {

  /** Timer tick: a row is emitted at most this late (plus event-loop delay). */
  static final long TICK_MS = 5;

  private static final Logger LOG = LoggerFactory.getLogger(ReplayVerticle.class);

  private final StreamRegistry registry;
  private final Path baseDir;
  private volatile ReplayConfig config;
  private ReplayMetrics metrics;
  private EventStorage storage;
  private StreamEngine engine;
  private StreamRouter router;
  private ReplayRequests requests;
  private long tickTimer = -1;

  public ReplayVerticle(StreamhubConfig config, StreamRegistry registry, Path baseDir) {
    this.config = config.replay();
    this.registry = registry;
    this.baseDir = baseDir;
  }

  @Override
  public Future<?> start() {
    StreamDeliveriesCodec.register(vertx.eventBus());
    metrics = ReplayMetrics.fromVertxRegistry();
    storage = new EventStorage(vertx, config.maxUnstoredEvents(), metrics);
    return vertx.executeBlocking(() -> DatasetCatalog.load(config, baseDir))
        .map(this::wire)
        .compose(r -> r.register(vertx.eventBus(), registry.nodeId()))
        .compose(v -> vertx.eventBus().<JsonObject>localConsumer(Addresses.CONFIG_CHANGED,
            message -> config = StreamhubConfig.fromJson(message.body()).replay()).completion())
        .onSuccess(v -> {
          if (config.storeEvents()) {
            storage.start();
          }
          registry.onNodeLeft(node -> context.runOnContext(x -> requests.nodeLeft(node)));
          LOG.info("replay ready on node {}: datasets {}", registry.nodeId(), requests.datasets());
        });
  }

  private ReplayRequests wire(DatasetCatalog catalog) {
    catalog.failures().forEach((name, message) -> LOG.error("dataset {} is unavailable: {}", name, message));
    Datasets datasets = new Datasets(catalog, config.defaultDataset());
    for (String name : catalog.names()) {
      datasets.source(name).onSuccess(s -> metrics.skippedRows(name, s.skippedRows()));
    }
    ReplayOutbox outbox = new ReplayOutbox(vertx, context, registry, storage, metrics, () -> config.storeEvents());
    engine = new StreamEngine(registry.nodeId(), () -> config, outbox, wheelTimers());
    metrics.activeStreams(engine::size);
    requests = new ReplayRequests(vertx, registry, engine, catalog);
    router = new StreamRouter(registry, engine, datasets, requests.ownerLink(), this::onContext,
        () -> config.maxStreamsPerNode());
    requests.router(router);
    return requests;
  }

  private Future<?> onContext(CompletionStage<?> stage) {
    return Future.fromCompletionStage(stage, context);
  }

  /** Timers of every stream on one wheel, advanced by one periodic Vert.x timer of {@value #TICK_MS} ms. */
  private Timers wheelTimers() {
    TimerWheel wheel = new TimerWheel(TICK_MS, System.currentTimeMillis());
    tickTimer = vertx.setPeriodic(TICK_MS, id -> wheel.advance(System.currentTimeMillis()));
    return new Timers() {
      @Override
      public long schedule(long delayMs, Runnable action) {
        return wheel.schedule(System.currentTimeMillis(), delayMs, action);
      }

      @Override
      public void cancel(long id) {
        wheel.cancel(id);
      }

      @Override
      public long nowMs() {
        return System.currentTimeMillis();
      }
    };
  }

  /** Stores each stream's last status and the rows not yet stored; the node's shutdown timeout bounds this. */
  @Override
  public Future<?> stop() {
    vertx.cancelTimer(tickTimer);
    List<Future<?>> saved = engine == null ? List.of() : engine.halt().stream()
        .<Future<?>>map(status -> vertx.eventBus().request(Addresses.PERSISTENCE_REPLAY_STATUS_SAVE, status.toJson()))
        .toList();
    return Future.join(saved).otherwiseEmpty().compose(v -> storage.drain()).otherwiseEmpty()
        .onComplete(v -> LOG.info("replay stopped: {} stream statuses stored", saved.size()));
  }
}
