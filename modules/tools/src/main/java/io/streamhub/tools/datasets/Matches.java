package io.streamhub.tools.datasets;

import java.util.List;

/**
 * The IEEE-CIS match columns {@code M1}..{@code M9}: {@code T}/{@code F} or empty, {@code M4} is {@code M0},
 * {@code M1} or {@code M2}. Only web (W) payments carry the T/F checks.
 */
final class Matches {

  private static final Weighted M4 = Weighted.of("M0", 60).or("M1", 25).or("M2", 15);
  private static final Weighted OTHER_M4 = Weighted.of("M2", 50).or("M0", 25).or("", 25);

  private Matches() {
  }

  static void normal(Rng rng, boolean web, List<String> row) {
    if (!web) {
      row.addAll(List.of("", "", "", rng.draw(OTHER_M4), "", "", "", "", ""));
      return;
    }
    boolean checked = rng.chance(0.65);
    row.add(checked ? "T" : "");
    row.add(checked ? flag(rng, 0.9) : "");
    row.add(checked ? flag(rng, 0.8) : "");
    row.add(rng.chance(0.7) ? rng.draw(M4) : "");
    row.add(rng.chance(0.5) ? flag(rng, 0.45) : "");
    row.add(rng.chance(0.75) ? flag(rng, 0.5) : "");
    boolean seen = rng.chance(0.45);
    row.add(seen ? flag(rng, 0.15) : "");
    row.add(seen ? flag(rng, 0.35) : "");
    row.add(seen ? flag(rng, 0.85) : "");
  }

  static void fraud(List<String> row) {
    row.addAll(List.of("", "", "", "M2", "", "", "", "", ""));
  }

  private static String flag(Rng rng, double pTrue) {
    return rng.chance(pTrue) ? "T" : "F";
  }
}
