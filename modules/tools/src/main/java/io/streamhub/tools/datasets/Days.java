package io.streamhub.tools.datasets;

import java.util.List;

/**
 * The IEEE-CIS time-delta columns {@code D1}..{@code D15}: whole days written as floats, often empty; {@code D8} has
 * a fraction of a day and {@code D9} is that fraction. Fraud-looking rows come from brand-new cards.
 */
final class Days {

  private Days() {
  }

  static void normal(Rng rng, boolean web, List<String> row) {
    String d1 = rng.chance(web ? 0.25 : 0.3) ? "0.0" : days(rng, 640);
    row.add(d1);
    row.add(!d1.equals("0.0") && rng.chance(web ? 0.6 : 0.4) ? d1 : "");
    row.add(maybe(rng, web ? 0.6 : 0.4, 60));
    row.add(maybe(rng, web ? 0.7 : 0.9, 640));
    row.add(maybe(rng, web ? 0.5 : 0.4, 400));
    row.add(web ? "" : maybe(rng, 0.7, 640));
    row.add(web ? "" : maybe(rng, 0.3, 400));
    if (!web && rng.chance(0.6)) {
      int hours = rng.between(0, 23);
      row.add(Num.trimmed(rng.between(0, 500) + hours / 24.0, 6));
      row.add(Num.trimmed(hours / 24.0, 6));
    } else {
      row.add("");
      row.add("");
    }
    row.add(maybe(rng, web ? 0.85 : 0.9, 640));
    row.add(web ? maybe(rng, 0.6, 640) : "");
    row.add(web ? "" : maybe(rng, 0.5, 640));
    row.add(web ? "" : maybe(rng, 0.4, 640));
    row.add(web ? "" : maybe(rng, 0.4, 640));
    row.add(maybe(rng, web ? 0.85 : 0.9, 640));
  }

  static void fraud(Rng rng, List<String> row) {
    row.addAll(List.of("0.0", "", "", "0.0", "", "0.0", ""));
    if (rng.chance(0.7)) {
      int hours = rng.between(1, 23);
      row.add(Num.trimmed(hours / 24.0, 6));
      row.add(Num.trimmed(hours / 24.0, 6));
    } else {
      row.add("");
      row.add("");
    }
    row.addAll(List.of("0.0", "", "0.0", "", "", "0.0"));
  }

  private static String maybe(Rng rng, double p, int maxDays) {
    return rng.chance(p) ? days(rng, maxDays) : "";
  }

  private static String days(Rng rng, int maxDays) {
    return Num.whole(rng.between(0, maxDays));
  }
}
