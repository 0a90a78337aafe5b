package io.streamhub.stats.session;

import io.streamhub.stats.SessionStats;
import io.streamhub.stats.frame.FrameStats;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** The ledger of a node running alone: a map whose per-key compute is the atomic step. */
public final class LocalSessionLedger implements SessionLedger {

  private final ConcurrentMap<String, SessionState> sessions = new ConcurrentHashMap<>();

  @Override
  public CompletionStage<SessionState> join(String workoutId, String userId, long nowMs) {
    return CompletableFuture.completedFuture(sessions.compute(workoutId, (id, state) -> {
      SessionState s = state == null ? new SessionState(userId, nowMs) : state;
      if (s.mayJoin(userId)) {
        s.reactivate(nowMs);
      }
      return s;
    }));
  }

  @Override
  public CompletionStage<SessionState> seed(String workoutId, SessionStats restored, String ownerSub, long nowMs) {
    return CompletableFuture.completedFuture(
        sessions.computeIfAbsent(workoutId, id -> new SessionState(restored, ownerSub, nowMs)));
  }

  @Override
  public CompletionStage<SessionState.Recorded> record(String workoutId, FrameStats frame, long timestampMs,
      long nowMs) {
    SessionState.Recorded[] out = new SessionState.Recorded[1];
    sessions.computeIfPresent(workoutId, (id, state) -> {
      out[0] = state.record(frame, timestampMs, nowMs);
      return state;
    });
    return CompletableFuture.completedFuture(out[0]);
  }

  @Override
  public CompletionStage<SessionState> end(String workoutId) {
    return CompletableFuture.completedFuture(sessions.computeIfPresent(workoutId, (id, state) -> {
      state.end();
      return state;
    }));
  }

  @Override
  public CompletionStage<SessionState> endIfIdle(String workoutId, long nowMs, long idleMs) {
    SessionState[] ended = new SessionState[1];
    sessions.computeIfPresent(workoutId, (id, state) -> {
      if (state.idleSince(nowMs, idleMs)) {
        state.end();
        ended[0] = state;
      }
      return state;
    });
    return CompletableFuture.completedFuture(ended[0]);
  }

  @Override
  public CompletionStage<SessionState> get(String workoutId) {
    return CompletableFuture.completedFuture(sessions.get(workoutId));
  }
}
