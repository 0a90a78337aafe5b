package io.streamhub.tools;

import io.streamhub.contracts.config.ConfigLoader;
import io.streamhub.contracts.config.ReplayConfig;
import io.streamhub.contracts.replay.JoinStream;
import io.streamhub.contracts.replay.StreamDelivery;
import io.streamhub.contracts.replay.StreamStatus;
import io.streamhub.replay.data.Dataset;
import io.streamhub.replay.data.DatasetCatalog;
import io.streamhub.replay.DatasetRowSource;
import io.streamhub.replay.engine.Outbox;
import io.streamhub.replay.engine.RowSource;
import io.streamhub.replay.engine.StreamEngine;
import io.streamhub.replay.engine.Timers;
import io.streamhub.replay.registry.LocalStreamRegistry;
import io.streamhub.replay.registry.StreamRecord;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * Heap per active replay stream ({@code bench replay-heap}), in bytes, measured in this JVM: the bundled datasets
 * are loaded, then N streams are started on a {@link StreamEngine} (one tab each, first row scheduled) and the heap
 * in use after full collections is compared with the heap before, divided by N. This is the node's per-stream
 * state — visitor id, cursor, tab map, resume history ring ({@code replay.history_size} emit offsets), the stream's
 * record in the standalone registry and its pending Vert.x timer (scheduled an hour ahead, so it never fires and the
 * figure is stable); the dataset rows are shared and not part of it. Not counted: the WebSocket connection, which
 * belongs to the client, not to the stream (one connection may carry many streams).
 */
public final class ReplayHeapBench {

  private static final int WARM_UP_STREAMS = 200;

  private ReplayHeapBench() {
  }

  /** Options of {@code bench replay-heap}. */
  record Options(int streams, String dataset, boolean help) {

    static final String USAGE = """
        usage: java -jar streamhub.jar bench replay-heap [--streams N] [--dataset NAME]
          --streams  active streams to start in this JVM (default 10000)
          --dataset  bundled dataset they replay (default transactions)
        Reports heap bytes per active stream (run with a fixed -Xmx for comparable figures).""";

    static Options parse(String[] args) {
      int streams = 10_000;
      String dataset = "transactions";
      for (int i = 0; i < args.length; i++) {
        String flag = args[i];
        if (flag.equals("--help") || flag.equals("-h")) {
          return new Options(streams, dataset, true);
        }
        if (!flag.equals("--streams") && !flag.equals("--dataset")) {
          throw new IllegalArgumentException("unknown flag " + flag);
        }
        String value = Flags.valueAfter(args, i++);
        if (flag.equals("--streams")) {
          streams = Flags.positive(flag, value);
        } else {
          dataset = ReplayBenchOptions.dataset(value);
        }
      }
      return new Options(streams, dataset, false);
    }
  }

  public static int run(String[] args, PrintStream out, PrintStream err) {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      err.println("bench replay-heap: " + e.getMessage());
      err.println(Options.USAGE);
      return 2;
    }
    if (options.help()) {
      out.println(Options.USAGE);
      return 0;
    }
    ReplayConfig config = ConfigLoader.withOverrides(new JsonObject()).replay();
    DatasetCatalog catalog = DatasetCatalog.load(config, Path.of(""));
    if (!catalog.knows(options.dataset())) {
      err.println("bench replay-heap: unknown dataset " + options.dataset() + " (have " + catalog.names() + ")");
      return 2;
    }
    Dataset dataset;
    try {
      dataset = catalog.get(options.dataset());
    } catch (RuntimeException e) {
      err.println("bench replay-heap: " + e.getMessage());
      return 1;
    }
    RowSource source = new DatasetRowSource(dataset);
    Vertx vertx = Vertx.vertx();
    ParkedTimers timers = new ParkedTimers(vertx);
    LocalStreamRegistry registry = new LocalStreamRegistry("bench-node");
    StreamEngine engine = new StreamEngine("bench-node", () -> config, new RegistryOnlyOutbox(registry), timers);
    startStreams(engine, source, "warm-", WARM_UP_STREAMS);
    long before = settledHeapBytes();
    startStreams(engine, source, "bench-", options.streams());
    long after = settledHeapBytes();
    int active = engine.size() - WARM_UP_STREAMS;
    int scheduled = timers.pending() - WARM_UP_STREAMS;
    Reference.reachabilityFence(engine);
    Reference.reachabilityFence(registry);
    vertx.close();
    double perStream = (after - before) / (double) options.streams();
    if (perStream <= 0) {
      err.printf(Locale.ROOT, "bench replay-heap: warning: heap shrank from %d to %d bytes while streams were added; "
          + "something else in this JVM released memory meanwhile, so the figure is meaningless%n", before, after);
    }
    out.printf(Locale.ROOT, """
        replay heap: %d active streams of %s (%d rows, history_size %d), one tab each, first row scheduled
          heap used     %.1f MiB before, %.1f MiB after (after full GCs)
          per stream    %.0f bytes
          covers        the node's per-stream state: visitor id, cursor, tab map, resume history ring, registry
                        record, pending Vert.x timer; not the client's WebSocket connection
        """, active, dataset.name(), dataset.total(), config.historySize(), before / 1048576.0, after / 1048576.0,
        perStream);
    out.println("RESULT " + new JsonObject().put("bench", "replay-heap").put("dataset", dataset.name())
        .put("streams", options.streams()).put("active", active).put("timers_pending", scheduled)
        .put("history_size", config.historySize()).put("heap_before_bytes", before).put("heap_after_bytes", after)
        .put("bytes_per_stream", Math.round(perStream)).encode());
    return 0;
  }

  private static void startStreams(StreamEngine engine, RowSource source, String prefix, int n) {
    for (int i = 0; i < n; i++) {
      JoinStream request = new JoinStream(prefix + i, source.name(), UUID.randomUUID().toString(), "bench-member",
          "bench-node", null, 0);
      StreamRecord record = engine.freshRecord(request, source);
      engine.start(record, source, request);
    }
  }

  /** Heap in use once two full collections in a row free less than 16 KiB (at most ten collections), bytes. */
  private static long settledHeapBytes() {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long previous = Long.MAX_VALUE;
    long used = 0;
    int stable = 0;
    for (int i = 0; i < 10 && stable < 2; i++) {
      System.gc();
      used = memory.getHeapMemoryUsage().getUsed();
      stable = Math.abs(previous - used) < 16 * 1024 ? stable + 1 : 0;
      previous = used;
    }
    return used;
  }

  /** Real Vert.x timers set an hour ahead: they are held like the node's, and never fire during the measurement. */
  private static final class ParkedTimers implements Timers {
    private static final long PARKED_MS = 3_600_000;
    private final Vertx vertx;
    private final Set<Long> parked = new HashSet<>();

    ParkedTimers(Vertx vertx) {
      this.vertx = vertx;
    }

    @Override
    public long schedule(long delayMs, Runnable action) {
      long id = vertx.setTimer(PARKED_MS, t -> action.run());
      parked.add(id);
      return id;
    }

    @Override
    public void cancel(long id) {
      vertx.cancelTimer(id);
      parked.remove(id);
    }

    @Override
    public long nowMs() {
      return System.currentTimeMillis();
    }

    int pending() {
      return parked.size();
    }
  }

  /** Keeps each stream's record in a standalone registry, as the node does, and sends nothing anywhere. */
  private record RegistryOnlyOutbox(LocalStreamRegistry registry) implements Outbox {
    @Override
    public void deliver(String memberId, StreamDelivery delivery) {
    }

    @Override
    public void store(String visitorId, String streamId, long seq, String event, String data, long tsMs) {
    }

    @Override
    public void checkpoint(StreamRecord record) {
      registry.save(record);
    }

    @Override
    public void status(StreamStatus status) {
    }

    @Override
    public void freed(StreamRecord record) {
    }

    @Override
    public void emitted(long latenessMs) {
    }
  }
}
