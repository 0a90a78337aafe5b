package io.streamhub.stats;

import io.streamhub.stats.frame.FrameStats;
import io.vertx.core.json.JsonObject;

/**
 * Running statistics of one workout session, fed one {@link FrameStats} per accepted frame. Frames are numbered
 * from 1 in the order they are added. Mutable and not thread-safe: one owner per session.
 *
 * <p>{@link #toJson()} holds the complete state (exact running sums, not only the derived means), so
 * {@link #fromJson(JsonObject)} continues a session after a restart with the same results as if it had never
 * stopped.
 */
public final class SessionStats implements java.io.Serializable {

  private long frameCount;
  private long firstTs;
  private long lastTs;
  private double peakPressure;
  private long peakFrame;
  private double sumOfFrameMeans;
  private long sumOfContactAreas;

  /** An empty session. */
  public SessionStats() {
  }

  /**
   * Adds the next frame.
   *
   * @param frame the frame's statistics
   * @param timestampMs the frame's timestamp, epoch milliseconds
   */
  public void add(FrameStats frame, long timestampMs) {
    add(frame.max(), frame.mean(), frame.contactArea(), timestampMs);
  }

  /**
   * Adds the next frame from its stored statistics (used to catch a session up from the store after a restart).
   *
   * @param max the frame's largest value
   * @param mean the frame's mean value
   * @param contactArea the frame's contact area, cells
   * @param timestampMs the frame's timestamp, epoch milliseconds
   */
  public void add(double max, double mean, int contactArea, long timestampMs) {
    frameCount++;
    if (frameCount == 1) {
      firstTs = timestampMs;
      lastTs = timestampMs;
    } else {
      firstTs = Math.min(firstTs, timestampMs);
      lastTs = Math.max(lastTs, timestampMs);
    }
    if (frameCount == 1 || max > peakPressure) {
      peakPressure = max;
      peakFrame = frameCount;
    }
    sumOfFrameMeans += mean;
    sumOfContactAreas += contactArea;
  }

  /** @return the number of frames added */
  public long frameCount() {
    return frameCount;
  }

  /** @return the earliest frame timestamp, epoch milliseconds; 0 when empty */
  public long firstTs() {
    return firstTs;
  }

  /** @return the latest frame timestamp, epoch milliseconds; 0 when empty */
  public long lastTs() {
    return lastTs;
  }

  /** @return {@code lastTs - firstTs}, milliseconds; 0 when empty */
  public long durationMs() {
    return lastTs - firstTs;
  }

  /** @return {@code (frameCount - 1) / (durationMs / 1000)}, frames per second; 0 below 2 frames or 0 ms */
  public double frameRateHz() {
    long duration = durationMs();
    return frameCount < 2 || duration <= 0 ? 0 : (frameCount - 1) * 1000.0 / duration;
  }

  /** @return the largest {@link FrameStats#max()} seen, pressure units; 0 when empty */
  public double peakPressure() {
    return peakPressure;
  }

  /** @return the number (from 1) of the first frame that reached {@link #peakPressure()}; 0 when empty */
  public long peakFrame() {
    return peakFrame;
  }

  /** @return the mean of the frames' {@link FrameStats#mean()}, pressure units; 0 when empty */
  public double meanPressure() {
    return frameCount == 0 ? 0 : sumOfFrameMeans / frameCount;
  }

  /** @return the mean of the frames' {@link FrameStats#contactArea()}, cells; 0 when empty */
  public double meanContactArea() {
    return frameCount == 0 ? 0 : (double) sumOfContactAreas / frameCount;
  }

  /**
   * @return {@code {frame_count, duration_ms, frame_rate_hz, peak_pressure, peak_frame, mean_pressure,
   *     mean_contact_area, first_timestamp, last_timestamp, sum_frame_means, sum_contact_areas}}; the derived
   *     {@code frame_rate_hz}, {@code mean_pressure} and {@code mean_contact_area} are rounded to 4 decimals, the
   *     state ({@code peak_pressure}, the sums) is exact; timestamps are epoch milliseconds, {@code null} when empty
   */
  public JsonObject toJson() {
    boolean empty = frameCount == 0;
    return new JsonObject()
        .put("frame_count", frameCount)
        .put("duration_ms", durationMs())
        .put("frame_rate_hz", JsonNumbers.round4(frameRateHz()))
        .put("peak_pressure", peakPressure)
        .put("peak_frame", peakFrame)
        .put("mean_pressure", JsonNumbers.round4(meanPressure()))
        .put("mean_contact_area", JsonNumbers.round4(meanContactArea()))
        .put("first_timestamp", empty ? null : firstTs)
        .put("last_timestamp", empty ? null : lastTs)
        .put("sum_frame_means", sumOfFrameMeans)
        .put("sum_contact_areas", sumOfContactAreas);
  }

  /**
   * Restores a session written by {@link #toJson()}; the derived fields are ignored.
   *
   * @param json the stored document
   * @return the restored accumulator
   * @throws IllegalArgumentException when a state field is missing, of the wrong type or inconsistent
   */
  public static SessionStats fromJson(JsonObject json) {
    SessionStats stats = new SessionStats();
    stats.frameCount = integer(json, "frame_count", 0, Long.MAX_VALUE);
    if (stats.frameCount == 0) {
      return stats;
    }
    stats.firstTs = integer(json, "first_timestamp", Long.MIN_VALUE, Long.MAX_VALUE);
    stats.lastTs = integer(json, "last_timestamp", stats.firstTs, Long.MAX_VALUE);
    stats.peakPressure = number(json, "peak_pressure");
    stats.peakFrame = integer(json, "peak_frame", 1, stats.frameCount);
    stats.sumOfFrameMeans = number(json, "sum_frame_means");
    stats.sumOfContactAreas = integer(json, "sum_contact_areas", 0, Long.MAX_VALUE);
    return stats;
  }

  private static long integer(JsonObject json, String key, long min, long max) {
    Object value = json.getValue(key);
    if (!(value instanceof Integer || value instanceof Long)) {
      throw new IllegalArgumentException("session stats " + key + " must be an integer, got " + value);
    }
    long v = ((Number) value).longValue();
    if (v < min || v > max) {
      throw new IllegalArgumentException("session stats " + key + " must be in " + min + ".." + max + ", got " + v);
    }
    return v;
  }

  private static double number(JsonObject json, String key) {
    Object value = json.getValue(key);
    double v = value instanceof Number n ? n.doubleValue() : Double.NaN;
    if (!(v >= 0 && v <= Double.MAX_VALUE)) {
      throw new IllegalArgumentException("session stats " + key + " must be a finite number >= 0, got " + value);
    }
    return v;
  }
}
