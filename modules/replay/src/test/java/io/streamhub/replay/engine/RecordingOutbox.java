package io.streamhub.replay.engine;

import io.streamhub.contracts.replay.StreamDelivery;
import io.streamhub.contracts.replay.StreamEventRecord;
import io.streamhub.contracts.replay.StreamStatus;
import io.streamhub.replay.registry.StreamRecord;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/** Keeps everything the engine sent, for assertions. */
final class RecordingOutbox implements Outbox {

  record Sent(String member, StreamDelivery delivery) {
  }

  final List<Sent> deliveries = new ArrayList<>();
  final List<StreamEventRecord> stored = new ArrayList<>();
  final List<StreamRecord> checkpoints = new ArrayList<>();
  final List<StreamStatus> statuses = new ArrayList<>();
  final List<StreamRecord> freed = new ArrayList<>();
  final List<Long> lateness = new ArrayList<>();

  @Override
  public void deliver(String memberId, StreamDelivery delivery) {
    deliveries.add(new Sent(memberId, delivery));
  }

  @Override
  public void store(String visitorId, String streamId, long seq, String event, String data, long tsMs) {
    stored.add(new StreamEventRecord(visitorId, streamId, seq, event, new JsonObject(data), tsMs));
  }

  @Override
  public void store(String visitorId, String streamId, long seq, String event, String data, long tsMs,
      String userId) {
    stored.add(new StreamEventRecord(visitorId, streamId, seq, event, new JsonObject(data), tsMs, userId));
  }

  @Override
  public void checkpoint(StreamRecord record) {
    checkpoints.add(record);
  }

  @Override
  public void status(StreamStatus status) {
    statuses.add(status);
  }

  @Override
  public void freed(StreamRecord record) {
    freed.add(record);
  }

  @Override
  public void emitted(long latenessMs) {
    lateness.add(latenessMs);
  }

  /** Row seqs delivered to a member (for every tab there, or for {@code tab} only when given). */
  List<Long> rowsTo(String member) {
    return deliveries.stream().filter(s -> s.member().equals(member) && s.delivery().rowEvent())
        .map(s -> s.delivery().seq()).toList();
  }

  List<String> eventsTo(String member) {
    return deliveries.stream().filter(s -> s.member().equals(member)).map(s -> s.delivery().event()).toList();
  }

  StreamRecord lastCheckpoint() {
    return checkpoints.get(checkpoints.size() - 1);
  }
}
