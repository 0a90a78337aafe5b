package io.streamhub.replay.registry;

import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * The cluster-wide map visitor id → {@link StreamRecord}, and which nodes are alive. Ownership changes go through
 * {@link #claim}, an atomic compare-and-set on (stream id, owner), so two nodes racing to start or take over a
 * visitor's stream cannot both win. The owner then writes its record with {@link #save}.
 */
public interface StreamRegistry {

  /** This node's id. */
  String nodeId();

  /** Whether other nodes read this registry (and may take streams over), so owners must record every row. */
  boolean sharedAcrossNodes();

  /** Whether a node is a live cluster member. */
  boolean isAlive(String nodeId);

  /** Called (on an arbitrary thread) with the id of every node that leaves the cluster. */
  void onNodeLeft(Consumer<String> listener);

  /** The visitor's record, or null. */
  CompletionStage<StreamRecord> get(String visitorId);

  /**
   * Writes {@code update} only if the visitor's current record is the stream {@code expectedStreamId} owned by
   * {@code expectedOwner} (both null: only if there is no record). Completes with whether it wrote.
   */
  CompletionStage<Boolean> claim(String visitorId, String expectedStreamId, String expectedOwner, StreamRecord update);

  /** The owner's write of its record; ordered per visitor, fire and forget (failures are logged). */
  void save(StreamRecord record);

  /** Removes the visitor's record if it still is stream {@code streamId}. */
  CompletionStage<Void> remove(String visitorId, String streamId);

  /** Every record owned by {@code nodeId}. */
  CompletionStage<List<StreamRecord>> ownedBy(String nodeId);
}
