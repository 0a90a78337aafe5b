package io.streamhub.ingress.rooms;

import java.util.concurrent.CompletionStage;

/**
 * The cluster-wide truth about rooms: the last {@code seq} given out and which ingress instances (members) have
 * subscribers. Each operation is atomic per room, so a member that has joined is guaranteed to be in the member list
 * of every later {@link #sequence}: that is what lets a subscribe be acknowledged only once every later publish,
 * from any node, will reach it.
 */
public interface RoomDirectory {

  /** Adds a member (idempotent; also keeps the room from expiring). Completes with the last seq given out, 0 if none. */
  CompletionStage<Long> join(String room, String memberId);

  /** Removes a member. */
  CompletionStage<Void> leave(String room, String memberId);

  /** Reserves {@code count} consecutive seqs and returns the first, with the members to deliver them to. */
  CompletionStage<Sequenced> sequence(String room, int count);

  /** Forgets rooms untouched for {@code idleMs}, for directories that do not expire entries by themselves. */
  void expireIdle(long idleMs);
}
