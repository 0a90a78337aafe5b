package io.streamhub.tools;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The samples of a Prometheus text exposition ({@code GET /metrics}): {@code name{label="value",...} number
 * [timestamp]} lines; comments and blank lines are skipped, and so is any line that does not parse.
 */
final class PrometheusText {

  /** One sample line. */
  record Sample(String name, Map<String, String> labels, double value) {
  }

  private final List<Sample> samples;

  private PrometheusText(List<Sample> samples) {
    this.samples = List.copyOf(samples);
  }

  static PrometheusText parse(String text) {
    List<Sample> samples = new ArrayList<>();
    for (String line : text.split("\n")) {
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#")) {
        continue;
      }
      Sample sample = parseLine(trimmed);
      if (sample != null) {
        samples.add(sample);
      }
    }
    return new PrometheusText(samples);
  }

  List<Sample> samples() {
    return samples;
  }

  /** The first sample named {@code name} carrying every label given; NaN when there is none. */
  double value(String name, Map<String, String> labels) {
    for (Sample s : samples) {
      if (matches(s, name, labels)) {
        return s.value();
      }
    }
    return Double.NaN;
  }

  double value(String name) {
    return value(name, Map.of());
  }

  /** The sum over every sample named {@code name} carrying every label given; NaN when there is none. */
  double sum(String name, Map<String, String> labels) {
    double sum = 0;
    boolean any = false;
    for (Sample s : samples) {
      if (matches(s, name, labels)) {
        sum += s.value();
        any = true;
      }
    }
    return any ? sum : Double.NaN;
  }

  /**
   * The cumulative counts of histogram {@code name} ({@code name_bucket{le=...}} lines) by upper bound, ascending,
   * {@code +Inf} last; empty when the histogram is not exposed.
   */
  TreeMap<Double, Double> buckets(String name) {
    TreeMap<Double, Double> buckets = new TreeMap<>();
    for (Sample s : samples) {
      String le = s.labels().get("le");
      if (s.name().equals(name + "_bucket") && le != null) {
        try {
          buckets.merge(number(le), s.value(), Double::sum);
        } catch (NumberFormatException ignored) {
          // not a bucket bound: skipped like any line that does not parse
        }
      }
    }
    return buckets;
  }

  /**
   * Quantile {@code q} (0..1) of the observations a histogram recorded between two scrapes, as the upper bound of
   * the bucket holding it (never below the true value; {@code +Inf} past the last bound); NaN without observations.
   *
   * @param before the earlier scrape's {@link #buckets}; empty to count everything since the node started
   */
  static double bucketQuantile(Map<Double, Double> before, TreeMap<Double, Double> after, double q) {
    Double total = after.get(Double.POSITIVE_INFINITY);
    if (total == null) {
      return Double.NaN;
    }
    double count = total - before.getOrDefault(Double.POSITIVE_INFINITY, 0.0);
    if (count <= 0) {
      return Double.NaN;
    }
    double rank = Math.max(1, Math.ceil(q * count));
    for (Map.Entry<Double, Double> bucket : after.entrySet()) {
      if (bucket.getValue() - before.getOrDefault(bucket.getKey(), 0.0) >= rank) {
        return bucket.getKey();
      }
    }
    return Double.POSITIVE_INFINITY;
  }

  private static boolean matches(Sample s, String name, Map<String, String> labels) {
    if (!s.name().equals(name)) {
      return false;
    }
    for (Map.Entry<String, String> e : labels.entrySet()) {
      if (!e.getValue().equals(s.labels().get(e.getKey()))) {
        return false;
      }
    }
    return true;
  }

  private static Sample parseLine(String line) {
    int i = 0;
    while (i < line.length() && line.charAt(i) != '{' && !Character.isWhitespace(line.charAt(i))) {
      i++;
    }
    String name = line.substring(0, i);
    Map<String, String> labels = new LinkedHashMap<>();
    if (i < line.length() && line.charAt(i) == '{') {
      i = parseLabels(line, i + 1, labels);
      if (i < 0) {
        return null;
      }
    }
    String[] rest = line.substring(i).strip().split("\\s+");
    if (name.isEmpty() || rest.length == 0 || rest[0].isEmpty()) {
      return null;
    }
    try {
      return new Sample(name, labels, number(rest[0]));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** Reads {@code key="value",...}} from {@code i}; returns the index after the closing brace, or -1. */
  private static int parseLabels(String line, int i, Map<String, String> labels) {
    while (i < line.length()) {
      char c = line.charAt(i);
      if (c == '}') {
        return i + 1;
      }
      if (c == ',' || Character.isWhitespace(c)) {
        i++;
        continue;
      }
      int eq = line.indexOf('=', i);
      if (eq < 0 || eq + 1 >= line.length() || line.charAt(eq + 1) != '"') {
        return -1;
      }
      String key = line.substring(i, eq).strip();
      StringBuilder value = new StringBuilder();
      int j = eq + 2;
      while (j < line.length() && line.charAt(j) != '"') {
        char v = line.charAt(j);
        if (v == '\\' && j + 1 < line.length()) {
          char escaped = line.charAt(++j);
          value.append(escaped == 'n' ? '\n' : escaped);
        } else {
          value.append(v);
        }
        j++;
      }
      if (j >= line.length()) {
        return -1;
      }
      labels.put(key, value.toString());
      i = j + 1;
    }
    return -1;
  }

  private static double number(String text) {
    return switch (text) {
      case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
      case "-Inf" -> Double.NEGATIVE_INFINITY;
      case "NaN" -> Double.NaN;
      default -> Double.parseDouble(text);
    };
  }
}
