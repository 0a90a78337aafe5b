package io.streamhub.tools.datasets;

import java.util.Random;

/**
 * Seeded draws built only on {@link Random}'s specified algorithm and {@link StrictMath}, so a seed gives the same
 * values on every JVM.
 */
final class Rng {

  private final Random random;

  /** An independent stream for {@code stream} under {@code seed}. */
  Rng(long seed, int stream) {
    random = new Random(mix(seed + 0x9E3779B97F4A7C15L * (stream + 1)));
  }

  /** A whole number in {@code [lo, hi]}. */
  int between(int lo, int hi) {
    return lo + random.nextInt(hi - lo + 1);
  }

  int below(int bound) {
    return random.nextInt(bound);
  }

  boolean chance(double p) {
    return random.nextDouble() < p;
  }

  double uniform(double lo, double hi) {
    return lo + (hi - lo) * random.nextDouble();
  }

  double gaussian() {
    return random.nextGaussian();
  }

  double exponential(double mean) {
    return -mean * StrictMath.log(1.0 - random.nextDouble());
  }

  /** Successes before the first failure, each with probability {@code p}, at most {@code cap}. */
  int geometric(double p, int cap) {
    int n = 0;
    while (n < cap && chance(p)) {
      n++;
    }
    return n;
  }

  String draw(Weighted choices) {
    return choices.value(random.nextInt(choices.total()));
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
    z = (z ^ (z >>> 33)) * 0xC4CEB9FE1A85EC53L;
    return z ^ (z >>> 33);
  }
}
