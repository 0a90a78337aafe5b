package io.streamhub.dashboard;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.IMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletionStage;

/**
 * The states of a clustered node: a Hazelcast map ({@value #MAP}) changed only by entry processors, which Hazelcast
 * runs one at a time on the partition that owns the user — so of several nodes claiming a user's lease at once,
 * exactly one gets it.
 */
public final class HazelcastUserStates implements UserStates {

  public static final String MAP = "streamhub.dashboard.users";

  private final IMap<String, UserState> states;

  public HazelcastUserStates(HazelcastInstance hazelcast) {
    this.states = hazelcast.getMap(MAP);
  }

  @Override
  public CompletionStage<Boolean> claim(String user, String node, long nowMs, long leaseMs) {
    return states.submitToKey(user, new Claim(node, nowMs, leaseMs));
  }

  @Override
  public CompletionStage<Boolean> swapDigest(String user, String digest) {
    return states.submitToKey(user, new SwapDigest(digest));
  }

  @Override
  public CompletionStage<String> view(String user) {
    return states.getAsync(user).thenApply(state -> UserState.orEmpty(state).view());
  }

  @Override
  public CompletionStage<Void> setView(String user, String view) {
    return states.submitToKey(user, new SetView(view)).thenApply(done -> null);
  }

  @Override
  public CompletionStage<Void> forget(String user, String node) {
    return states.submitToKey(user, new Forget(node)).thenApply(done -> null);
  }

  private record Claim(String node, long nowMs, long leaseMs) implements EntryProcessor<String, UserState, Boolean> {
    @Override
    public Boolean process(Map.Entry<String, UserState> entry) {
      UserState state = UserState.orEmpty(entry.getValue());
      if (!state.grants(node, nowMs)) {
        return false;
      }
      entry.setValue(state.leasedTo(node, nowMs + leaseMs));
      return true;
    }
  }

  private record SwapDigest(String digest) implements EntryProcessor<String, UserState, Boolean> {
    @Override
    public Boolean process(Map.Entry<String, UserState> entry) {
      UserState state = UserState.orEmpty(entry.getValue());
      entry.setValue(state.withDigest(digest));
      return !Objects.equals(state.digest(), digest);
    }
  }

  private record SetView(String view) implements EntryProcessor<String, UserState, Boolean> {
    @Override
    public Boolean process(Map.Entry<String, UserState> entry) {
      entry.setValue(UserState.orEmpty(entry.getValue()).withView(view));
      return true;
    }
  }

  private record Forget(String node) implements EntryProcessor<String, UserState, Boolean> {
    @Override
    public Boolean process(Map.Entry<String, UserState> entry) {
      if (entry.getValue() != null && node.equals(entry.getValue().leaseHolder())) {
        entry.setValue(null);
        return true;
      }
      return false;
    }
  }
}
