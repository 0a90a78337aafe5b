package io.streamhub.dashboard;

import java.io.Serializable;

/**
 * The cluster-wide dashboard state of one user, changed only through the pure transitions below (which the
 * Hazelcast implementation runs as entry processors on the partition owning the user, one at a time).
 *
 * @param leaseHolder the node computing the user's periodic dashboard; {@code null} when none
 * @param leaseUntilMs when the lease lapses unless its holder renews it, epoch milliseconds
 * @param digest the digest of the last dashboard pushed ({@link DashboardCalculator#digest}); {@code null} before
 * @param view the user's {@link DashboardView} as JSON; {@code null} for the default view
 */
record UserState(String leaseHolder, long leaseUntilMs, String digest, String view) implements Serializable {

  static final UserState EMPTY = new UserState(null, 0, null, null);

  static UserState orEmpty(UserState state) {
    return state == null ? EMPTY : state;
  }

  /** Whether {@code node} holds the lease after trying to take or renew it at {@code nowMs}. */
  boolean grants(String node, long nowMs) {
    return node.equals(leaseHolder) || leaseHolder == null || leaseUntilMs <= nowMs;
  }

  UserState leasedTo(String node, long untilMs) {
    return new UserState(node, untilMs, digest, view);
  }

  UserState withDigest(String newDigest) {
    return new UserState(leaseHolder, leaseUntilMs, newDigest, view);
  }

  UserState withView(String newView) {
    return new UserState(leaseHolder, leaseUntilMs, digest, newView);
  }
}
