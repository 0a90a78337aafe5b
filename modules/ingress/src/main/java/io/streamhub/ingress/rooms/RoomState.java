package io.streamhub.ingress.rooms;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Set;

/** Mutable per-room record held by a directory; always changed atomically (map compute or entry processor). */
final class RoomState implements Serializable {

  private static final long serialVersionUID = 1L;

  long lastSeq;
  final Set<String> members = new LinkedHashSet<>();
  long touchedAtMs;

  RoomState touch(long nowMs) {
    touchedAtMs = nowMs;
    return this;
  }

  Sequenced reserve(int count, long nowMs) {
    long first = lastSeq + 1;
    lastSeq += count;
    touchedAtMs = nowMs;
    return new Sequenced(first, new ArrayList<>(members), nowMs);
  }
}
