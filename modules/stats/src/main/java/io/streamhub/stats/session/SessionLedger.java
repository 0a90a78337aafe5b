package io.streamhub.stats.session;

import io.streamhub.stats.SessionStats;
import io.streamhub.stats.frame.FrameStats;
import java.util.concurrent.CompletionStage;

/**
 * Workout sessions, cluster-wide. Every operation is atomic per workout, which is what makes frame numbers exact
 * when two devices on two nodes send into the same workout: 1..N, no duplicate, no gap.
 */
public interface SessionLedger {

  /**
   * Joins (creating or reactivating) the session for {@code userId} (null: anonymous); a new session belongs to
   * {@code userId}. Completes with its state; when {@link SessionState#mayJoin} refuses the user, the state is left
   * as it was.
   */
  CompletionStage<SessionState> join(String workoutId, String userId, long nowMs);

  /**
   * Creates the session, with its owner, from what the store knew (after a restart of the whole cluster) unless the
   * ledger already has it; completes with the ledger's state.
   */
  CompletionStage<SessionState> seed(String workoutId, SessionStats restored, String ownerSub, long nowMs);

  /** Numbers a frame of an existing session; completes with null when the workout has no session. */
  CompletionStage<SessionState.Recorded> record(String workoutId, FrameStats frame, long timestampMs, long nowMs);

  /** Ends the session; completes with its final state, or null when the workout has no session. */
  CompletionStage<SessionState> end(String workoutId);

  /**
   * Ends the session if it is active and has had no frame (and no join) for {@code idleMs}, judged by the time the
   * ledger recorded — whichever node the frames went through; completes with the ended state, or null.
   */
  CompletionStage<SessionState> endIfIdle(String workoutId, long nowMs, long idleMs);

  /** The session's state, or null. */
  CompletionStage<SessionState> get(String workoutId);
}
