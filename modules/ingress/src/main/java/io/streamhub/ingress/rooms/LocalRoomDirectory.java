package io.streamhub.ingress.rooms;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** The directory of a node that runs alone: a concurrent map, atomic per room through {@code compute}. */
public final class LocalRoomDirectory implements RoomDirectory {

  private final ConcurrentMap<String, RoomState> rooms = new ConcurrentHashMap<>();

  @Override
  public CompletionStage<Long> join(String room, String memberId) {
    long now = System.currentTimeMillis();
    long[] last = new long[1];
    rooms.compute(room, (k, s) -> {
      RoomState r = s == null ? new RoomState() : s;
      r.members.add(memberId);
      last[0] = r.lastSeq;
      return r.touch(now);
    });
    return CompletableFuture.completedFuture(last[0]);
  }

  @Override
  public CompletionStage<Void> leave(String room, String memberId) {
    rooms.computeIfPresent(room, (k, s) -> {
      s.members.remove(memberId);
      return s;
    });
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public CompletionStage<Sequenced> sequence(String room, int count) {
    long now = System.currentTimeMillis();
    Sequenced[] out = new Sequenced[1];
    rooms.compute(room, (k, s) -> {
      RoomState r = s == null ? new RoomState() : s;
      out[0] = r.reserve(count, now);
      return r;
    });
    return CompletableFuture.completedFuture(out[0]);
  }

  @Override
  public void expireIdle(long idleMs) {
    long cutoff = System.currentTimeMillis() - idleMs;
    for (String room : rooms.keySet()) {
      rooms.computeIfPresent(room, (k, s) -> s.members.isEmpty() && s.touchedAtMs < cutoff ? null : s);
    }
  }

  int size() {
    return rooms.size();
  }
}
