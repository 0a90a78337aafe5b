package io.streamhub.stats.session;

import io.streamhub.stats.SessionStats;
import io.streamhub.stats.frame.FrameDelta;
import io.streamhub.stats.frame.FrameStats;
import java.io.Serializable;

/**
 * The cluster-wide state of one workout session: its running statistics and the last frame's, so that the next
 * frame — from whichever device and node — gets the next number and its change from the previous frame. Lives in the
 * {@link SessionLedger}; changed only inside the ledger's atomic per-workout operations.
 */
public final class SessionState implements Serializable {

  private static final long serialVersionUID = 1L;

  private final SessionStats stats;
  private FrameStats last;
  private boolean active = true;
  private final long createdAtMs;
  private long lastFrameAtMs;
  private final String ownerSub;

  SessionState(String ownerSub, long nowMs) {
    this(new SessionStats(), ownerSub, nowMs);
  }

  SessionState(SessionStats restored, String ownerSub, long nowMs) {
    this.stats = restored;
    this.ownerSub = ownerSub;
    this.createdAtMs = nowMs;
    this.lastFrameAtMs = nowMs;
  }

  /** The {@code sub} the workout belongs to (the user who created it); null: nobody's, open to anyone. */
  public String ownerSub() {
    return ownerSub;
  }

  /** Whether {@code userId} (null: anonymous) may join: the workout has no owner, or it is the owner. */
  public boolean mayJoin(String userId) {
    return ownerSub == null || ownerSub.equals(userId);
  }

  /** Numbers the frame, adds its change from the previous frame, and returns the frame with it. */
  Recorded record(FrameStats frame, long timestampMs, long nowMs) {
    FrameStats withDelta = last == null ? frame : frame.withDelta(FrameDelta.between(last, frame));
    stats.add(withDelta, timestampMs);
    last = withDelta;
    active = true;
    lastFrameAtMs = nowMs;
    return new Recorded(stats.frameCount(), withDelta, ownerSub);
  }

  void reactivate(long nowMs) {
    active = true;
    lastFrameAtMs = nowMs;
  }

  void end() {
    active = false;
  }

  boolean idleSince(long nowMs, long idleMs) {
    return active && nowMs - lastFrameAtMs >= idleMs;
  }

  public SessionStats stats() {
    return stats;
  }

  public long frameCount() {
    return stats.frameCount();
  }

  public boolean active() {
    return active;
  }

  public long createdAtMs() {
    return createdAtMs;
  }

  /** When the last frame was recorded (or the session joined), node clock, epoch milliseconds. */
  public long lastFrameAtMs() {
    return lastFrameAtMs;
  }

  /**
   * A frame's place in its session.
   *
   * @param frame the frame's number, from 1
   * @param stats its statistics with the change from the previous frame
   * @param ownerSub the workout's owner, or {@code null}
   */
  public record Recorded(long frame, FrameStats stats, String ownerSub) implements Serializable {
  }
}
