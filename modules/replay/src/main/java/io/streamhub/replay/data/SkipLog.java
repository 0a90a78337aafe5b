package io.streamhub.replay.data;

import java.util.ArrayList;
import java.util.List;

/** Counts the records skipped during one load and keeps the first reasons. Not thread-safe. */
final class SkipLog {

  static final int MAX_REASONS = 20;

  private final List<String> reasons = new ArrayList<>();
  private int count;

  /** A {@link CsvReader.SkipListener} logging records of the file shown as {@code fileName}. */
  CsvReader.SkipListener listenerFor(String fileName) {
    return (line, reason) -> add(fileName, line, reason);
  }

  void add(String fileName, int line, String reason) {
    count++;
    if (reasons.size() < MAX_REASONS) {
      reasons.add(fileName + " line " + line + ": " + reason);
    }
  }

  int count() {
    return count;
  }

  List<String> reasons() {
    return List.copyOf(reasons);
  }
}
