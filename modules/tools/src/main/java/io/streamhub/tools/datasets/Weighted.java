package io.streamhub.tools.datasets;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** An immutable weighted choice among string values, drawn with {@link Rng#draw}; {@code ""} stands for empty. */
final class Weighted {

  private final List<String> values;
  private final int[] cumulative;

  private Weighted(List<String> values, int[] cumulative) {
    this.values = values;
    this.cumulative = cumulative;
  }

  static Weighted of(String value, int weight) {
    return new Weighted(List.of(), new int[0]).or(value, weight);
  }

  /** Every value with the same weight. */
  static Weighted uniform(String... values) {
    Weighted w = of(values[0], 1);
    for (int i = 1; i < values.length; i++) {
      w = w.or(values[i], 1);
    }
    return w;
  }

  Weighted or(String value, int weight) {
    if (weight <= 0) {
      throw new IllegalArgumentException("weight of \"" + value + "\" must be positive, got " + weight);
    }
    List<String> more = new ArrayList<>(values);
    more.add(value);
    int[] sums = Arrays.copyOf(cumulative, cumulative.length + 1);
    sums[cumulative.length] = total() + weight;
    return new Weighted(List.copyOf(more), sums);
  }

  int total() {
    return cumulative.length == 0 ? 0 : cumulative[cumulative.length - 1];
  }

  /** The value whose weight band holds {@code ticket}, a number in {@code [0, total())}. */
  String value(int ticket) {
    for (int i = 0; i < cumulative.length; i++) {
      if (ticket < cumulative[i]) {
        return values.get(i);
      }
    }
    throw new IllegalArgumentException("ticket " + ticket + " is not below " + total());
  }
}
