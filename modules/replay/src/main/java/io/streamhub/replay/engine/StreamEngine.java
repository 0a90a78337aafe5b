package io.streamhub.replay.engine;

import io.streamhub.contracts.config.ReplayConfig;
import io.streamhub.contracts.replay.JoinStream;
import io.streamhub.contracts.replay.StreamControl;
import io.streamhub.contracts.replay.StreamDelivery;
import io.streamhub.contracts.replay.StreamJoined;
import io.streamhub.contracts.replay.StreamJoined.Kind;
import io.streamhub.contracts.replay.StreamStatus;
import io.streamhub.replay.registry.StreamRecord;
import io.streamhub.replay.registry.StreamRecord.Tab;
import io.streamhub.replay.registry.StreamState;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Runs the streams this node owns: one timer per stream, rows fanned out to the ingress instances holding its tabs.
 * Confined to one thread (the replay verticle's event loop); it never blocks and does no I/O itself — everything
 * leaves through the {@link Outbox}.
 */
public final class StreamEngine {

  private final String nodeId;
  private final Supplier<ReplayConfig> config;
  private final Outbox outbox;
  private final Timers timers;
  private final Map<String, ActiveStream> streams = new HashMap<>();

  public StreamEngine(String nodeId, Supplier<ReplayConfig> config, Outbox outbox, Timers timers) {
    this.nodeId = nodeId;
    this.config = config;
    this.outbox = outbox;
    this.timers = timers;
  }

  public boolean runs(String visitorId) {
    return streams.containsKey(visitorId);
  }

  public int size() {
    return streams.size();
  }

  /** A new record for a fresh stream of {@code request}'s visitor, to claim in the registry before {@link #start}. */
  public StreamRecord freshRecord(JoinStream request, RowSource source) {
    long now = timers.nowMs();
    return new StreamRecord(request.visitorId(), UUID.randomUUID().toString(), source.name(), source.total(), nodeId,
        0, StreamState.RUNNING, 1, Map.of(request.tabId(), tabOf(request)), now, 0, now, request.userId());
  }

  /** Starts a stream claimed with a record from {@link #freshRecord}. */
  public StreamJoined start(StreamRecord claimed, RowSource source, JoinStream request) {
    ActiveStream s = new ActiveStream(claimed.visitorId(), config.get().historySize());
    streams.put(s.visitorId, s);
    s.restart(claimed.streamId(), source, 0, timers.nowMs());
    s.userId = request.userId();
    s.tabs.put(request.tabId(), tabOf(request));
    changed(s);
    scheduleNext(s);
    return joined(Kind.STARTED, s, 0, 0, request.resuming());
  }

  /** Continues a stream whose owner died, from its last checkpointed row; tabs on dead nodes are dropped. */
  public void adopt(StreamRecord record, RowSource source, Predicate<String> nodeAlive) {
    ActiveStream s = new ActiveStream(record.visitorId(), config.get().historySize());
    streams.put(s.visitorId, s);
    // The last checkpointed row is sent again: its delivery may have died with the owner; tabs drop it if they have it.
    long at = record.state().ended() ? record.seq() : Math.max(0, record.seq() - 1);
    s.restart(record.streamId(), source, (int) at, timers.nowMs());
    s.startedAtMs = record.startedAtMs();
    s.state = record.state();
    s.speed = record.speed();
    s.userId = record.userId();
    record.tabs().forEach((id, tab) -> {
      if (nodeAlive.test(tab.nodeId())) {
        s.tabs.put(id, tab);
      }
    });
    if (s.detached()) {
      detach(s);
    } else {
      changed(s);
      scheduleNext(s);
    }
  }

  /** A tab joins a stream this node runs: the same stream, a resume of it, or a fresh one replacing it. */
  public StreamJoined join(JoinStream request, RowSource freshSource) {
    ActiveStream s = streams.get(request.visitorId());
    boolean resumeThis = request.resuming() && request.resumeStreamId().equals(s.streamId);
    attach(s, request);
    if (resumeThis) {
      return resume(s, request);
    }
    if (s.tabs.size() > 1 && !s.state.ended()) {
      changed(s);
      return joined(Kind.JOINED_EXISTING, s, s.seq, 0, request.resuming());
    }
    s.restart(UUID.randomUUID().toString(), freshSource, 0, timers.nowMs());
    s.userId = request.userId();
    cancelTimer(s);
    changed(s);
    deliverToAll(s, "stream_started", startedPayload(s).encode(), false, request.tabId());
    scheduleNext(s);
    return joined(Kind.STARTED, s, 0, 0, request.resuming());
  }

  private StreamJoined resume(ActiveStream s, JoinStream request) {
    long after = Math.min(request.resumeAfterSeq(), s.seq);
    int from = Math.max((int) after + 1, s.oldestKept());
    long lost = from - (after + 1);
    for (int seq = from; seq <= s.seq; seq++) {
      deliver(s, s.tabs.get(request.tabId()), request.tabId(), s.source.event(),
          s.source.payload(s.streamId, seq, s.emittedAtMs(seq)), seq, true);
    }
    if (s.state.ended()) {
      deliver(s, s.tabs.get(request.tabId()), request.tabId(), "stream_complete", completePayload(s).encode(), s.seq,
          false);
    } else if (s.timerId < 0 && s.state == StreamState.RUNNING) {
      scheduleNext(s);
    }
    changed(s);
    return joined(Kind.RESUMED, s, from - 1, lost, false);
  }

  /** Applies a control request to a stream this node runs and returns its status. */
  public StreamStatus control(StreamControl control) {
    ActiveStream s = streams.get(control.visitorId());
    switch (control.action()) {
      case LEAVE -> {
        if (s.tabs.remove(control.tabId()) != null && s.detached()) {
          detach(s);
          return s.status(true);
        }
      }
      case PAUSE -> {
        if (s.state == StreamState.RUNNING) {
          s.state = StreamState.PAUSED;
          cancelTimer(s);
        }
      }
      case RESUME -> {
        if (s.state == StreamState.PAUSED) {
          s.state = StreamState.RUNNING;
          scheduleNext(s);
        }
      }
      case SPEED -> s.speed = control.speed();
      case STOP -> {
        if (!s.state.ended()) {
          end(s, StreamState.STOPPED, "stopped");
        }
      }
    }
    changed(s);
    if (control.action() != StreamControl.Action.LEAVE && control.action() != StreamControl.Action.STOP) {
      deliverToAll(s, "stream_state", new JsonObject().put("stream_id", s.streamId).put("state", s.stateName())
          .put("paused", s.state == StreamState.PAUSED).put("speed", s.speed).put("seq", s.seq).encode(), false, null);
    }
    return s.status(true);
  }

  public StreamStatus status(String visitorId) {
    ActiveStream s = streams.get(visitorId);
    return s == null ? null : s.status(true);
  }

  /**
   * Stops every timer for a node shutdown and returns the last status of each stream, as the store should keep it.
   * The registry records stay: in a cluster the other replay nodes take the streams over once this node has left.
   */
  public List<StreamStatus> halt() {
    long now = timers.nowMs();
    return streams.values().stream().map(s -> {
      cancelTimer(s);
      if (s.graceTimerId >= 0) {
        timers.cancel(s.graceTimerId);
      }
      s.lastUpdateMs = Math.max(now, s.lastUpdateMs + 1);
      return s.status(false);
    }).toList();
  }

  /** Drops every tab held on a node that left the cluster. */
  public void dropNode(String deadNodeId) {
    for (ActiveStream s : List.copyOf(streams.values())) {
      if (s.tabs.values().removeIf(tab -> tab.nodeId().equals(deadNodeId))) {
        if (s.detached()) {
          detach(s);
        } else {
          changed(s);
        }
      }
    }
  }

  private void attach(ActiveStream s, JoinStream request) {
    s.tabs.put(request.tabId(), tabOf(request));
    if (s.userId == null) {
      s.userId = request.userId();
    }
    if (s.graceTimerId >= 0) {
      timers.cancel(s.graceTimerId);
      s.graceTimerId = -1;
    }
    s.detachedAtMs = 0;
  }

  private void detach(ActiveStream s) {
    cancelTimer(s);
    s.detachedAtMs = timers.nowMs();
    changed(s);
    s.graceTimerId = timers.schedule(config.get().resumeGraceMs(), () -> {
      s.graceTimerId = -1;
      free(s);
    });
  }

  private void free(ActiveStream s) {
    cancelTimer(s);
    if (s.graceTimerId >= 0) {
      timers.cancel(s.graceTimerId);
    }
    streams.remove(s.visitorId);
    s.lastUpdateMs = Math.max(timers.nowMs(), s.lastUpdateMs + 1);
    outbox.status(s.status(false));
    outbox.freed(s.record(nodeId));
  }

  private void fire(ActiveStream s) {
    s.timerId = -1;
    long now = timers.nowMs();
    outbox.emitted(Math.max(0, now - s.scheduledAtMs));
    int seq = s.seq + 1;
    String payload = s.source.payload(s.streamId, seq, now);
    deliverToAll(s, s.source.event(), payload, true, null);
    s.seq = seq;
    s.recordEmit(seq, now);
    s.lastUpdateMs = now;
    outbox.store(s.visitorId, s.streamId, seq, s.source.event(), payload, now, s.userId);
    if (seq >= s.source.total()) {
      end(s, StreamState.COMPLETE, "complete");
      changed(s);
    } else {
      if (outbox.checkpointsRows()) {
        outbox.checkpoint(s.record(nodeId));
      }
      scheduleNext(s);
    }
  }

  private void end(ActiveStream s, StreamState state, String reason) {
    cancelTimer(s);
    s.state = state;
    deliverToAll(s, "stream_complete", completePayload(s).put("reason", reason).encode(), false, null);
  }

  private void scheduleNext(ActiveStream s) {
    if (s.state != StreamState.RUNNING || s.detached() || s.seq >= s.source.total()) {
      return;
    }
    cancelTimer(s);
    ReplayConfig c = config.get();
    long delay = DelayPolicy.delayMs(c.delayOf(s.source.name()), c.seed(), s.seq + 1L, s.speed);
    s.scheduledAtMs = timers.nowMs() + delay;
    s.timerId = timers.schedule(delay, () -> fire(s));
  }

  private void cancelTimer(ActiveStream s) {
    if (s.timerId >= 0) {
      timers.cancel(s.timerId);
      s.timerId = -1;
    }
  }

  /** Each change gets a later {@code last_update} than the one before, so the store keeps the latest of two saves. */
  private void changed(ActiveStream s) {
    s.lastUpdateMs = Math.max(timers.nowMs(), s.lastUpdateMs + 1);
    outbox.checkpoint(s.record(nodeId));
    outbox.status(s.status(true));
  }

  /** One delivery per ingress instance holding tabs of the stream (except {@code exceptTab}), however many tabs. */
  private void deliverToAll(ActiveStream s, String event, String data, boolean row, String exceptTab) {
    StreamDelivery delivery = new StreamDelivery(s.visitorId, s.streamId, s.seq + (row ? 1 : 0), row, event, data,
        null);
    List<String> sent = s.tabs.size() > 1 ? new ArrayList<>(2) : null;
    for (Map.Entry<String, Tab> entry : s.tabs.entrySet()) {
      String member = entry.getValue().memberId();
      if (entry.getKey().equals(exceptTab) || (sent != null && sent.contains(member))) {
        continue;
      }
      if (sent != null) {
        sent.add(member);
      }
      outbox.deliver(member, delivery);
    }
  }

  private void deliver(ActiveStream s, Tab tab, String tabId, String event, String data, int seq, boolean row) {
    outbox.deliver(tab.memberId(), new StreamDelivery(s.visitorId, s.streamId, seq, row, event, data, tabId));
  }

  private static JsonObject startedPayload(ActiveStream s) {
    return new JsonObject().put("visitor_id", s.visitorId).put("stream_id", s.streamId)
        .put("dataset", s.source.name()).put("total", s.source.total());
  }

  private static JsonObject completePayload(ActiveStream s) {
    return new JsonObject().put("stream_id", s.streamId).put("total", s.source.total()).put("streamed", s.seq);
  }

  private static Tab tabOf(JoinStream request) {
    return new Tab(request.memberId(), request.nodeId());
  }

  private static StreamJoined joined(Kind kind, ActiveStream s, long seq, long lost, boolean resumeGone) {
    return new StreamJoined(kind, s.visitorId, s.streamId, s.source.name(), s.source.total(), seq, lost, resumeGone);
  }
}
