package io.streamhub.dashboard;

import java.util.concurrent.CompletionStage;

/**
 * Where each user's {@link UserState} lives: one map per node when alone ({@link LocalUserStates}), one Hazelcast map
 * for the cluster ({@link HazelcastUserStates}). Every operation is atomic per user.
 */
public interface UserStates {

  /**
   * Takes or renews the user's lease for {@code node} until {@code nowMs + leaseMs}, unless another node holds an
   * unexpired one. Completes with whether {@code node} holds it: the one node that computes and pushes for the user.
   */
  CompletionStage<Boolean> claim(String user, String node, long nowMs, long leaseMs);

  /** Stores the digest of the dashboard about to be pushed; completes with whether it differs from the last one. */
  CompletionStage<Boolean> swapDigest(String user, String digest);

  /** The user's view as JSON, or {@code null} for the default. */
  CompletionStage<String> view(String user);

  CompletionStage<Void> setView(String user, String view);

  /** Forgets the user's state (lease, digest, view) once the user is offline, if {@code node} holds the lease. */
  CompletionStage<Void> forget(String user, String node);
}
