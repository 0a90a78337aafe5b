package io.streamhub.replay.registry;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Consumer;

/** The registry of a node that runs alone: an in-memory map, and this node is the only one alive. */
public final class LocalStreamRegistry implements StreamRegistry {

  private final String nodeId;
  private final ConcurrentMap<String, StreamRecord> records = new ConcurrentHashMap<>();

  public LocalStreamRegistry(String nodeId) {
    this.nodeId = nodeId;
  }

  @Override
  public String nodeId() {
    return nodeId;
  }

  @Override
  public boolean sharedAcrossNodes() {
    return false;
  }

  @Override
  public boolean isAlive(String id) {
    return nodeId.equals(id);
  }

  @Override
  public void onNodeLeft(Consumer<String> listener) {
    Objects.requireNonNull(listener);
  }

  @Override
  public CompletionStage<StreamRecord> get(String visitorId) {
    return CompletableFuture.completedFuture(records.get(visitorId));
  }

  @Override
  public CompletionStage<Boolean> claim(String visitorId, String expectedStreamId, String expectedOwner,
      StreamRecord update) {
    boolean[] written = {false};
    records.compute(visitorId, (id, current) -> {
      if (ClaimRule.matches(current, expectedStreamId, expectedOwner)) {
        written[0] = true;
        return update;
      }
      return current;
    });
    return CompletableFuture.completedFuture(written[0]);
  }

  @Override
  public void save(StreamRecord record) {
    records.put(record.visitorId(), record);
  }

  @Override
  public CompletionStage<Void> remove(String visitorId, String streamId) {
    records.computeIfPresent(visitorId, (id, current) -> current.streamId().equals(streamId) ? null : current);
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public CompletionStage<List<StreamRecord>> ownedBy(String owner) {
    return CompletableFuture.completedFuture(
        records.values().stream().filter(r -> r.owner().equals(owner)).toList());
  }
}
