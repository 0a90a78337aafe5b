package io.streamhub.tools;

import java.util.Locale;

/** What a room benchmark measured. */
record BenchResult(BenchOptions options, long sent, long expected, long received, long outOfOrder,
    LatencyHistogram latency, double seconds) {

  boolean complete() {
    return received == expected && outOfOrder == 0;
  }

  String report() {
    return String.format(Locale.ROOT, """
        room fan-out: %d subscribers, %d rooms, %d node(s), %d msg/s for %d s, %d-byte filler
          published     %d messages
          delivered     %d of %d expected (%s), %d out of order
          throughput    %.0f deliveries/s
          latency (ms)  p50 %.2f  p99 %.2f  p99.9 %.2f  max %.2f  mean %.2f""",
        options.subscribers(), options.rooms(), options.urls().size(), options.rate(), options.durationS(),
        options.payloadBytes(), sent, received, expected, received == expected ? "complete" : "INCOMPLETE",
        outOfOrder, received / seconds, latency.percentileMicros(50) / 1000.0, latency.percentileMicros(99) / 1000.0,
        latency.percentileMicros(99.9) / 1000.0, latency.maxMicros() / 1000.0, latency.meanMicros() / 1000.0);
  }
}
