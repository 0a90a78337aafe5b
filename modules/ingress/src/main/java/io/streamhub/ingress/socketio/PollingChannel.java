package io.streamhub.ingress.socketio;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** The outbound side of HTTP long-polling: a bounded packet queue and at most one waiting {@code GET}. */
final class PollingChannel {

  private final int maxQueued;
  private final long maxPayloadBytes;
  private final Deque<EngineIoPacket> queue = new ArrayDeque<>();
  private PollResponder waiting;

  PollingChannel(int maxQueued, long maxPayloadBytes) {
    this.maxQueued = maxQueued;
    this.maxPayloadBytes = maxPayloadBytes;
  }

  /** Queues {@code packet}; false when that puts the queue over its bound (the packet is then not queued). */
  boolean enqueue(EngineIoPacket packet) {
    if (queue.size() >= maxQueued) {
      return false;
    }
    queue.addLast(packet);
    return true;
  }

  boolean hasWaitingPoll() {
    return waiting != null;
  }

  boolean isWaiting(PollResponder poll) {
    return waiting == poll;
  }

  void hold(PollResponder poll) {
    waiting = poll;
  }

  /** Answers the waiting poll with as many queued packets as fit in {@code maxPayloadBytes}, if both exist. */
  void flush() {
    if (waiting == null || queue.isEmpty()) {
      return;
    }
    int count = EngineIoPayload.countFitting(queue, maxPayloadBytes);
    List<EngineIoPacket> batch = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      batch.add(queue.pollFirst());
    }
    answer(EngineIoPayload.encode(batch));
  }

  /** Ends the channel: answers the waiting poll, if any, with {@code last} (a noop or close) and empties the queue. */
  void finish(EngineIoPacket last) {
    answerWith(last);
    queue.clear();
  }

  /** Answers the waiting poll, if any, with the single packet {@code packet} (a noop or close). */
  void answerWith(EngineIoPacket packet) {
    if (waiting != null) {
      answer(packet.encodeText());
    }
  }

  /** Forgets the waiting poll without answering it (its connection is gone). */
  void dropWaiting() {
    waiting = null;
  }

  /** Removes and returns every queued packet. */
  List<EngineIoPacket> drain() {
    List<EngineIoPacket> all = new ArrayList<>(queue);
    queue.clear();
    return all;
  }

  int size() {
    return queue.size();
  }

  private void answer(String payload) {
    PollResponder poll = waiting;
    waiting = null;
    poll.respond(payload);
  }
}
