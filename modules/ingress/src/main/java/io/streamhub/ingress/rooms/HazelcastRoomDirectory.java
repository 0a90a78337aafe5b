package io.streamhub.ingress.rooms;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.IMap;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * The clustered directory: one {@link IMap} entry per room, changed only by entry processors, which Hazelcast runs
 * one at a time on the partition owning the room. That makes join, leave and sequence linearizable per room without
 * locks. Idle rooms expire through the map's max-idle setting ({@code rooms.idle_expiry_s}), configured where the
 * Hazelcast config is built; subscribed members refresh their rooms by joining again.
 */
public final class HazelcastRoomDirectory implements RoomDirectory {

  /** Name of the map; its config (max idle, backups) is set by the node's Hazelcast config. */
  public static final String MAP_NAME = "streamhub.rooms";

  private final IMap<String, RoomState> rooms;

  public HazelcastRoomDirectory(HazelcastInstance hazelcast) {
    this.rooms = hazelcast.getMap(MAP_NAME);
  }

  @Override
  public CompletionStage<Long> join(String room, String memberId) {
    return rooms.submitToKey(room, new Join(memberId));
  }

  @Override
  public CompletionStage<Void> leave(String room, String memberId) {
    return rooms.submitToKey(room, new Leave(memberId)).thenApply(ignored -> null);
  }

  @Override
  public CompletionStage<Sequenced> sequence(String room, int count) {
    return rooms.submitToKey(room, new Sequence(count));
  }

  @Override
  public void expireIdle(long idleMs) {
    // The map's max-idle-seconds does this cluster-wide.
  }

  private static RoomState stateOf(Map.Entry<String, RoomState> entry) {
    RoomState state = entry.getValue();
    return state == null ? new RoomState() : state;
  }

  private record Join(String memberId) implements EntryProcessor<String, RoomState, Long> {
    @Override
    public Long process(Map.Entry<String, RoomState> entry) {
      RoomState state = stateOf(entry);
      state.members.add(memberId);
      entry.setValue(state.touch(System.currentTimeMillis()));
      return state.lastSeq;
    }
  }

  private record Leave(String memberId) implements EntryProcessor<String, RoomState, Boolean> {
    @Override
    public Boolean process(Map.Entry<String, RoomState> entry) {
      if (entry.getValue() == null) {
        return false;
      }
      RoomState state = entry.getValue();
      boolean removed = state.members.remove(memberId);
      entry.setValue(state);
      return removed;
    }
  }

  private record Sequence(int count) implements EntryProcessor<String, RoomState, Sequenced> {
    @Override
    public Sequenced process(Map.Entry<String, RoomState> entry) {
      RoomState state = stateOf(entry);
      Sequenced out = state.reserve(count, System.currentTimeMillis());
      entry.setValue(state);
      return out;
    }
  }
}
