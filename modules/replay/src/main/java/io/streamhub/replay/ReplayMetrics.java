package io.streamhub.replay;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.micrometer.backends.BackendRegistries;
import java.util.function.IntSupplier;

/**
 * The replay meters on {@code /metrics}: active streams, rows emitted, emit lateness (actual minus scheduled emit
 * time, milliseconds, with p50/p99), rows dropped from storage at its bound, and malformed rows skipped per dataset.
 */
final class ReplayMetrics {

  private final MeterRegistry registry;
  private final Counter emitted;
  private final Counter unstored;
  private final DistributionSummary lateness;

  ReplayMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.emitted = registry.counter("streamhub_replay_rows_emitted");
    this.unstored = registry.counter("streamhub_replay_events_unstored");
    this.lateness = DistributionSummary.builder("streamhub_replay_lateness_ms")
        .description("actual minus scheduled emit time of each row")
        .publishPercentiles(0.5, 0.99).publishPercentileHistogram().register(registry);
  }

  static ReplayMetrics fromVertxRegistry() {
    MeterRegistry registry = BackendRegistries.getDefaultNow();
    return new ReplayMetrics(registry != null ? registry : new SimpleMeterRegistry());
  }

  void activeStreams(IntSupplier count) {
    Gauge.builder("streamhub_replay_streams_active", count, IntSupplier::getAsInt).strongReference(true)
        .register(registry);
  }

  void skippedRows(String dataset, long count) {
    Gauge.builder("streamhub_replay_rows_skipped", () -> count).tag("dataset", dataset).strongReference(true)
        .register(registry);
  }

  void emitted(long latenessMs) {
    emitted.increment();
    lateness.record(latenessMs);
  }

  void unstored() {
    unstored.increment();
  }
}
