package io.streamhub.tools;

/**
 * Latency histogram with fixed memory: 1 µs buckets below 10 ms, then 100 µs buckets up to 60 s; anything slower
 * counts as 60 s. Percentiles are the upper edge of the bucket holding the rank, so they never flatter.
 */
public final class LatencyHistogram {

  private static final long FINE_LIMIT_US = 10_000;
  private static final long COARSE_STEP_US = 100;
  private static final long MAX_US = 60_000_000;

  private final long[] fine = new long[(int) FINE_LIMIT_US];
  private final long[] coarse = new long[(int) ((MAX_US - FINE_LIMIT_US) / COARSE_STEP_US) + 1];
  private long count;
  private long maxUs;
  private double sumUs;

  public void recordMicros(long micros) {
    long us = Math.max(0, Math.min(micros, MAX_US));
    if (us < FINE_LIMIT_US) {
      fine[(int) us]++;
    } else {
      coarse[(int) ((us - FINE_LIMIT_US) / COARSE_STEP_US)]++;
    }
    count++;
    sumUs += us;
    maxUs = Math.max(maxUs, us);
  }

  /** Adds every sample of {@code other} to this histogram. */
  public void merge(LatencyHistogram other) {
    for (int i = 0; i < fine.length; i++) {
      fine[i] += other.fine[i];
    }
    for (int i = 0; i < coarse.length; i++) {
      coarse[i] += other.coarse[i];
    }
    count += other.count;
    sumUs += other.sumUs;
    maxUs = Math.max(maxUs, other.maxUs);
  }

  public long count() {
    return count;
  }

  public long maxMicros() {
    return maxUs;
  }

  public double meanMicros() {
    return count == 0 ? 0 : sumUs / count;
  }

  /** The smallest bucket edge at or below which at least {@code percentile}% of the samples lie. */
  public long percentileMicros(double percentile) {
    if (count == 0) {
      return 0;
    }
    long rank = (long) Math.ceil(percentile / 100.0 * count);
    long seen = 0;
    for (int i = 0; i < fine.length; i++) {
      seen += fine[i];
      if (seen >= rank) {
        return i + 1;
      }
    }
    for (int i = 0; i < coarse.length; i++) {
      seen += coarse[i];
      if (seen >= rank) {
        return Math.min(maxUs, FINE_LIMIT_US + (i + 1) * COARSE_STEP_US);
      }
    }
    return maxUs;
  }
}
