package io.streamhub.replay.registry;

import java.util.Locale;

/** The life of a stream, as reported by the status API ({@code state}). */
public enum StreamState {
  /** Emitting rows. */
  RUNNING,
  /** Paused by a tab; resumes on {@code stream_control resume}. */
  PAUSED,
  /** Every row was emitted. */
  COMPLETE,
  /** Stopped by {@code stream_control stop} or {@code DELETE}. */
  STOPPED;

  public boolean ended() {
    return this == COMPLETE || this == STOPPED;
  }

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
