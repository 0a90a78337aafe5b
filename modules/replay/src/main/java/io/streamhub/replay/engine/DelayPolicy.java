package io.streamhub.replay.engine;

import io.streamhub.contracts.config.DelayConfig;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The delay before each row. Uniform in {@code [min_ms, max_ms]}, divided by the stream's speed. With a non-zero
 * seed the draw is a pure function of (seed, row number): every run, and a node taking a stream over, keeps the
 * same rhythm — and no per-stream random state is held.
 */
public final class DelayPolicy {

  private DelayPolicy() {
  }

  /** Milliseconds to wait before emitting row {@code seq}; at least 0. */
  public static long delayMs(DelayConfig delay, long seed, long seq, double speed) {
    long span = delay.maxMs() - delay.minMs() + 1;
    long draw = seed == 0 ? ThreadLocalRandom.current().nextLong(span) : Math.floorMod(mix(seed, seq), span);
    return Math.round((delay.minMs() + draw) / speed);
  }

  /** SplitMix64 finaliser over seed and row: well spread even for consecutive rows. */
  static long mix(long seed, long seq) {
    long z = seed + seq * 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
