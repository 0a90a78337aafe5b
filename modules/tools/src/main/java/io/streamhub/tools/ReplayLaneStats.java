package io.streamhub.tools;

/**
 * What one event loop of {@code bench replay} counted: rows and their lag only inside the measurement window
 * ({@code windowSeconds} long), everything else over the whole run.
 */
record ReplayLaneStats(int visitors, int started, long rowsInWindow, double windowSeconds, long rowsTotal,
    long rejoins, long gaps, long missingRows, long duplicates, long strays, long joinErrors, long unexpectedCloses,
    String firstError) {
}
