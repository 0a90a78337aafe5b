package io.streamhub.replay.registry;

import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.IMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry of a clustered node: a Hazelcast map of JSON-encoded records (map {@value #MAP}, with the cluster's
 * default backup count so a member's death loses nothing), claims as entry processors run atomically on the key's
 * partition owner.
 */
public final class HazelcastStreamRegistry implements StreamRegistry {

  /** Name of the Hazelcast map. */
  public static final String MAP = "streamhub.replay.streams";

  private static final Logger LOG = LoggerFactory.getLogger(HazelcastStreamRegistry.class);

  private final HazelcastInstance hazelcast;
  private final IMap<String, String> records;
  private final String nodeId;

  public HazelcastStreamRegistry(HazelcastInstance hazelcast) {
    this.hazelcast = hazelcast;
    this.records = hazelcast.getMap(MAP);
    this.nodeId = hazelcast.getCluster().getLocalMember().getUuid().toString();
  }

  @Override
  public String nodeId() {
    return nodeId;
  }

  @Override
  public boolean sharedAcrossNodes() {
    return true;
  }

  @Override
  public boolean isAlive(String id) {
    for (Member member : hazelcast.getCluster().getMembers()) {
      if (member.getUuid().toString().equals(id)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void onNodeLeft(Consumer<String> listener) {
    hazelcast.getCluster().addMembershipListener(new MembershipListener() {
      @Override
      public void memberAdded(MembershipEvent event) {
      }

      @Override
      public void memberRemoved(MembershipEvent event) {
        listener.accept(event.getMember().getUuid().toString());
      }
    });
  }

  @Override
  public CompletionStage<StreamRecord> get(String visitorId) {
    return records.getAsync(visitorId).thenApply(v -> v == null ? null : StreamRecord.fromJsonString(v));
  }

  @Override
  public CompletionStage<Boolean> claim(String visitorId, String expectedStreamId, String expectedOwner,
      StreamRecord update) {
    return records.submitToKey(visitorId, new Claim(expectedStreamId, expectedOwner, update.toJsonString()));
  }

  @Override
  public void save(StreamRecord record) {
    records.setAsync(record.visitorId(), record.toJsonString()).exceptionally(failure -> {
      LOG.warn("saving stream {} of visitor {} to the cluster failed: {}", record.streamId(), record.visitorId(),
          failure.toString());
      return null;
    });
  }

  @Override
  public CompletionStage<Void> remove(String visitorId, String streamId) {
    return records.submitToKey(visitorId, new RemoveIfStream(streamId)).thenApply(removed -> null);
  }

  @Override
  public CompletionStage<List<StreamRecord>> ownedBy(String owner) {
    return CompletableFuture.supplyAsync(() -> records.values().stream().map(StreamRecord::fromJsonString)
        .filter(r -> r.owner().equals(owner)).toList());
  }

  /** Compare-and-set on (stream id, owner); runs on the partition owner of the key. */
  private record Claim(String expectedStreamId, String expectedOwner, String update)
      implements EntryProcessor<String, String, Boolean> {

    @Override
    public Boolean process(Map.Entry<String, String> entry) {
      StreamRecord current = entry.getValue() == null ? null : StreamRecord.fromJsonString(entry.getValue());
      if (!ClaimRule.matches(current, expectedStreamId, expectedOwner)) {
        return false;
      }
      entry.setValue(update);
      return true;
    }
  }

  /** Deletes the entry if it still holds the given stream. */
  private record RemoveIfStream(String streamId) implements EntryProcessor<String, String, Boolean> {

    @Override
    public Boolean process(Map.Entry<String, String> entry) {
      if (entry.getValue() == null || !StreamRecord.fromJsonString(entry.getValue()).streamId().equals(streamId)) {
        return false;
      }
      entry.setValue(null);
      return true;
    }
  }
}
