package io.streamhub.stats.session;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.IMap;
import io.streamhub.stats.SessionStats;
import io.streamhub.stats.frame.FrameStats;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * The ledger of a clustered node: a Hazelcast map (map {@value #MAP}, backed up like every map of the cluster)
 * changed only by entry processors, which Hazelcast runs one at a time on the partition that owns the workout.
 */
public final class HazelcastSessionLedger implements SessionLedger {

  public static final String MAP = "streamhub.pressure.sessions";

  private final IMap<String, SessionState> sessions;

  public HazelcastSessionLedger(HazelcastInstance hazelcast) {
    this.sessions = hazelcast.getMap(MAP);
  }

  @Override
  public CompletionStage<SessionState> join(String workoutId, String userId, long nowMs) {
    return sessions.submitToKey(workoutId, new Join(userId, nowMs));
  }

  @Override
  public CompletionStage<SessionState> seed(String workoutId, SessionStats restored, String ownerSub, long nowMs) {
    return sessions.submitToKey(workoutId, new Seed(restored, ownerSub, nowMs));
  }

  @Override
  public CompletionStage<SessionState.Recorded> record(String workoutId, FrameStats frame, long timestampMs,
      long nowMs) {
    return sessions.submitToKey(workoutId, new Record(frame, timestampMs, nowMs));
  }

  @Override
  public CompletionStage<SessionState> end(String workoutId) {
    return sessions.submitToKey(workoutId, new End());
  }

  @Override
  public CompletionStage<SessionState> endIfIdle(String workoutId, long nowMs, long idleMs) {
    return sessions.submitToKey(workoutId, new EndIfIdle(nowMs, idleMs));
  }

  @Override
  public CompletionStage<SessionState> get(String workoutId) {
    return sessions.getAsync(workoutId);
  }

  private record Join(String userId, long nowMs) implements EntryProcessor<String, SessionState, SessionState> {
    @Override
    public SessionState process(Map.Entry<String, SessionState> entry) {
      SessionState state = entry.getValue() == null ? new SessionState(userId, nowMs) : entry.getValue();
      if (!state.mayJoin(userId)) {
        return state;
      }
      state.reactivate(nowMs);
      entry.setValue(state);
      return state;
    }
  }

  private record Seed(SessionStats restored, String ownerSub, long nowMs)
      implements EntryProcessor<String, SessionState, SessionState> {
    @Override
    public SessionState process(Map.Entry<String, SessionState> entry) {
      if (entry.getValue() != null) {
        return entry.getValue();
      }
      SessionState state = new SessionState(restored, ownerSub, nowMs);
      entry.setValue(state);
      return state;
    }
  }

  private record Record(FrameStats frame, long timestampMs, long nowMs)
      implements EntryProcessor<String, SessionState, SessionState.Recorded> {
    @Override
    public SessionState.Recorded process(Map.Entry<String, SessionState> entry) {
      SessionState state = entry.getValue();
      if (state == null) {
        return null;
      }
      SessionState.Recorded recorded = state.record(frame, timestampMs, nowMs);
      entry.setValue(state);
      return recorded;
    }
  }

  private record EndIfIdle(long nowMs, long idleMs) implements EntryProcessor<String, SessionState, SessionState> {
    @Override
    public SessionState process(Map.Entry<String, SessionState> entry) {
      SessionState state = entry.getValue();
      if (state == null || !state.idleSince(nowMs, idleMs)) {
        return null;
      }
      state.end();
      entry.setValue(state);
      return state;
    }
  }

  private record End() implements EntryProcessor<String, SessionState, SessionState> {
    @Override
    public SessionState process(Map.Entry<String, SessionState> entry) {
      SessionState state = entry.getValue();
      if (state == null) {
        return null;
      }
      state.end();
      entry.setValue(state);
      return state;
    }
  }
}
