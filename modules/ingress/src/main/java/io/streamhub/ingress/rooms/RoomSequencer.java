package io.streamhub.ingress.rooms;

import io.streamhub.contracts.rooms.RoomMessage;
import io.streamhub.ingress.protocol.ErrorCode;
import io.streamhub.ingress.protocol.ProtocolException;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;

/**
 * Gives published messages their room seq and hands them to every member with subscribers. Per room, at most one
 * directory call is in flight; publishes arriving meanwhile wait in a bounded queue and are sequenced together in
 * the next call. So messages from one publisher keep their order, and a hot room costs one directory round trip
 * per batch rather than per message. Confined to one event loop.
 */
public final class RoomSequencer {

  /** Largest number of publishes sequenced by one directory call. */
  static final int MAX_BATCH = 512;

  /** Where sequenced messages go: the delivery address of one member. */
  @FunctionalInterface
  public interface Delivery {
    void deliver(String memberId, RoomMessage message);
  }

  private record Pending(JsonObject data, Promise<Long> promise) {
  }

  private static final class Queue {
    final ArrayDeque<Pending> waiting = new ArrayDeque<>();
    int inFlight;
  }

  private final RoomDirectory directory;
  private final StageAdapter adapter;
  private final Delivery delivery;
  private final IntSupplier maxPending;
  private final Map<String, Queue> queues = new HashMap<>();

  public RoomSequencer(RoomDirectory directory, StageAdapter adapter, Delivery delivery, IntSupplier maxPending) {
    this.directory = directory;
    this.adapter = adapter;
    this.delivery = delivery;
    this.maxPending = maxPending;
  }

  /** Completes with the message's seq once it was handed to every member; fails with a {@link ProtocolException}. */
  public Future<Long> publish(String room, JsonObject data) {
    Queue queue = queues.computeIfAbsent(room, r -> new Queue());
    int bound = maxPending.getAsInt();
    if (queue.waiting.size() + queue.inFlight >= bound) {
      return Future.failedFuture(new ProtocolException(ErrorCode.BACKPRESSURE,
          "room " + room + " already has " + bound + " publishes waiting on this node; retry later"));
    }
    Promise<Long> promise = Promise.promise();
    queue.waiting.add(new Pending(data, promise));
    if (queue.inFlight == 0) {
      flush(room, queue);
    }
    return promise.future();
  }

  /** Publishes waiting or in flight, all rooms. */
  public int pending() {
    return queues.values().stream().mapToInt(q -> q.waiting.size() + q.inFlight).sum();
  }

  private void flush(String room, Queue queue) {
    List<Pending> batch = new ArrayList<>(Math.min(queue.waiting.size(), MAX_BATCH));
    while (!queue.waiting.isEmpty() && batch.size() < MAX_BATCH) {
      batch.add(queue.waiting.poll());
    }
    queue.inFlight = batch.size();
    adapter.adapt(directory.sequence(room, batch.size())).onComplete(result -> {
      queue.inFlight = 0;
      if (result.succeeded()) {
        deliver(room, batch, result.result());
      } else {
        ProtocolException failure = new ProtocolException(ErrorCode.UNAVAILABLE,
            "room " + room + " could not be sequenced: " + result.cause().getMessage());
        batch.forEach(p -> p.promise().fail(failure));
      }
      if (queue.waiting.isEmpty()) {
        queues.remove(room);
      } else {
        flush(room, queue);
      }
    });
  }

  private void deliver(String room, List<Pending> batch, Sequenced sequenced) {
    for (int i = 0; i < batch.size(); i++) {
      Pending pending = batch.get(i);
      long seq = sequenced.firstSeq() + i;
      RoomMessage message = new RoomMessage(room, seq, pending.data(), sequenced.atMs());
      for (String member : sequenced.members()) {
        delivery.deliver(member, message);
      }
      pending.promise().complete(seq);
    }
  }
}
