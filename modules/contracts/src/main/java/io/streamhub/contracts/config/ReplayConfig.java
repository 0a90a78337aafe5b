package io.streamhub.contracts.config;

import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Per-visitor CSV replay ({@code replay.*}).
 *
 * @param delay the default random delay between two rows of a stream. Live.
 * @param seed 0 draws delays at random; any other value makes every stream's delays a function of the seed and the
 *     row number, so runs are reproducible. Live.
 * @param resumeGraceMs how long a stream whose last tab left is kept so that a reconnecting tab can resume it
 *     without gap; after that its cursor and history are freed. Live.
 * @param historySize emitted events kept per stream for resuming tabs; a resume further back than this starts at the
 *     oldest kept event and says so. Restart-only.
 * @param maxStreamsPerNode active streams one node runs; a join past the bound is refused with
 *     {@code capacity}. Live.
 * @param storeEvents whether emitted row events are stored through the persistence role for the events API.
 *     Restart-only.
 * @param maxUnstoredEvents events waiting to be stored, per node; at the bound the oldest waiting event is dropped
 *     (and counted in {@code streamhub_replay_events_unstored_total}): storage is a history view, never a reason to
 *     slow a stream. Restart-only.
 * @param defaultDataset the dataset of a {@code join_stream} that names none. Restart-only.
 * @param datasets every dataset by name, in file order. Restart-only: files are parsed once at start.
 */
public record ReplayConfig(DelayConfig delay, long seed, long resumeGraceMs, int historySize, int maxStreamsPerNode,
    boolean storeEvents, int maxUnstoredEvents, String defaultDataset, Map<String, DatasetConfig> datasets) {

  public ReplayConfig {
    datasets = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(datasets));
  }

  /** The delay of one dataset: its own override, else the default. */
  public DelayConfig delayOf(String dataset) {
    DatasetConfig d = datasets.get(dataset);
    return d == null || d.delay() == null ? delay : d.delay();
  }

  static ReplayConfig read(ConfigReader r) {
    DelayConfig delay = DelayConfig.read(r.section("delay"));
    long seed = r.longIn("seed", Long.MIN_VALUE, Long.MAX_VALUE);
    long grace = r.longIn("resume_grace_ms", 0, 3_600_000);
    int history = r.intIn("history_size", 1, 100_000);
    int maxStreams = r.intIn("max_streams_per_node", 1, 10_000_000);
    boolean storeEvents = r.bool("store_events");
    int maxUnstored = r.intIn("max_unstored_events", 1, 10_000_000);
    String defaultDataset = r.string("default_dataset");
    ConfigReader sets = r.section("datasets");
    Map<String, DatasetConfig> datasets = new LinkedHashMap<>();
    for (String name : sets.names()) {
      datasets.put(name, DatasetConfig.read(name, sets.section(name)));
    }
    if (datasets.isEmpty()) {
      throw new ConfigException(r.key("datasets"), "must declare at least one dataset");
    }
    if (!datasets.containsKey(defaultDataset)) {
      throw new ConfigException(r.key("default_dataset"), "names no dataset of replay.datasets: \"" + defaultDataset
          + "\" (have " + datasets.keySet() + ")");
    }
    r.rejectUnknown();
    return new ReplayConfig(delay, seed, grace, history, maxStreams, storeEvents, maxUnstored, defaultDataset,
        datasets);
  }

  JsonObject toJson() {
    JsonObject sets = new JsonObject();
    datasets.forEach((name, d) -> sets.put(name, d.toJson()));
    return new JsonObject().put("delay", delay.toJson()).put("seed", seed).put("resume_grace_ms", resumeGraceMs)
        .put("history_size", historySize).put("max_streams_per_node", maxStreamsPerNode)
        .put("store_events", storeEvents).put("max_unstored_events", maxUnstoredEvents)
        .put("default_dataset", defaultDataset).put("datasets", sets);
  }
}
