package io.streamhub.dashboard;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** The states of a node running alone: every user's lease is this node's. */
public final class LocalUserStates implements UserStates {

  private final ConcurrentMap<String, UserState> states = new ConcurrentHashMap<>();

  @Override
  public CompletionStage<Boolean> claim(String user, String node, long nowMs, long leaseMs) {
    boolean[] granted = new boolean[1];
    states.compute(user, (u, s) -> {
      UserState state = UserState.orEmpty(s);
      granted[0] = state.grants(node, nowMs);
      return granted[0] ? state.leasedTo(node, nowMs + leaseMs) : state;
    });
    return CompletableFuture.completedFuture(granted[0]);
  }

  @Override
  public CompletionStage<Boolean> swapDigest(String user, String digest) {
    boolean[] changed = new boolean[1];
    states.compute(user, (u, s) -> {
      UserState state = UserState.orEmpty(s);
      changed[0] = !Objects.equals(state.digest(), digest);
      return state.withDigest(digest);
    });
    return CompletableFuture.completedFuture(changed[0]);
  }

  @Override
  public CompletionStage<String> view(String user) {
    return CompletableFuture.completedFuture(UserState.orEmpty(states.get(user)).view());
  }

  @Override
  public CompletionStage<Void> setView(String user, String view) {
    states.compute(user, (u, s) -> UserState.orEmpty(s).withView(view));
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public CompletionStage<Void> forget(String user, String node) {
    states.computeIfPresent(user, (u, s) -> node.equals(s.leaseHolder()) ? null : s);
    return CompletableFuture.completedFuture(null);
  }
}
