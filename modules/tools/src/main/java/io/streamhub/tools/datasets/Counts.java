package io.streamhub.tools.datasets;

import java.util.List;

/** The IEEE-CIS counting columns {@code C1}..{@code C14}: small counts written as floats, high on fraud-looking rows. */
final class Counts {

  private Counts() {
  }

  static void normal(Rng rng, String product, List<String> row) {
    boolean web = product.equals("W");
    boolean c = product.equals("C");
    int c1 = 1 + rng.geometric(0.35, 11);
    add(row, c1, c1 + (rng.chance(0.3) ? rng.geometric(0.3, 5) : 0), 0,
        c ? 1 + rng.geometric(0.3, 4) : 0,
        web ? rng.geometric(0.4, 8) : 0,
        c ? rng.geometric(0.3, 3) : 1 + rng.geometric(0.3, 6),
        c && rng.chance(0.5) ? 1 : 0,
        c ? 1 + rng.geometric(0.3, 4) : 0,
        web ? 1 + rng.geometric(0.35, 6) : 0,
        c ? 1 + rng.geometric(0.3, 4) : 0,
        1 + rng.geometric(0.3, 6),
        c && rng.chance(0.5) ? 1 : 0,
        web ? 1 + rng.geometric(0.7, 40) : rng.geometric(0.3, 5),
        1 + rng.geometric(0.2, 4));
  }

  static void fraud(Rng rng, List<String> row) {
    int c1 = rng.between(12, 45);
    add(row, c1, c1 + rng.between(0, 10), 0, rng.between(5, 30), 0, rng.between(3, 20), rng.between(0, 4),
        rng.between(8, 40), 0, rng.between(8, 30), rng.between(6, 30), rng.between(5, 25), rng.between(0, 6),
        rng.between(8, 30));
  }

  private static void add(List<String> row, int... counts) {
    for (int count : counts) {
      row.add(Num.whole(count));
    }
  }
}
