package io.streamhub.ingress.replay;

import io.streamhub.contracts.replay.StreamDelivery;
import io.streamhub.ingress.protocol.ClientConnection;
import io.streamhub.ingress.protocol.OutboundEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The replay tabs held by this ingress instance: per visitor, the connections attached to its stream, each with
 * the last row it was sent. A row a tab already has is dropped, which makes re-sends harmless (an owner that died
 * between sending a row and recording it; a resume overlapping live rows). A tab whose join is still on its way
 * buffers what arrives meanwhile — at most {@value #MAX_PENDING} events; past that the oldest is dropped and logged.
 * Event-loop confined.
 */
public final class ReplayTabs {

  static final int MAX_PENDING = 10_000;
  private static final Logger LOG = LoggerFactory.getLogger(ReplayTabs.class);

  /** One connection attached to one visitor's stream. */
  static final class Tab {
    final ClientConnection connection;
    String streamId;
    long lastSeq;
    boolean completed;
    List<StreamDelivery> pending = new ArrayList<>();

    Tab(ClientConnection connection) {
      this.connection = connection;
    }
  }

  private final Map<String, Map<String, Tab>> byVisitor = new HashMap<>();
  private final Map<String, Set<String>> visitorsByConnection = new HashMap<>();

  /** Registers a tab whose join is being sent; events for it are buffered until {@link #joined}. */
  Tab pending(String visitorId, ClientConnection connection) {
    Tab tab = new Tab(connection);
    byVisitor.computeIfAbsent(visitorId, v -> new LinkedHashMap<>()).put(connection.id(), tab);
    visitorsByConnection.computeIfAbsent(connection.id(), c -> new LinkedHashSet<>()).add(visitorId);
    return tab;
  }

  /** The join answered: the tab is at {@code seq} of {@code streamId}; what was buffered is now applied. */
  void joined(Tab tab, String streamId, long seq) {
    tab.streamId = streamId;
    tab.lastSeq = seq;
    List<StreamDelivery> buffered = tab.pending;
    tab.pending = null;
    buffered.forEach(d -> apply(tab, d));
  }

  Tab get(String visitorId, ClientConnection connection) {
    Map<String, Tab> tabs = byVisitor.get(visitorId);
    return tabs == null ? null : tabs.get(connection.id());
  }

  /** Removes the tab if it is still {@code tab}; true when removed. */
  boolean remove(String visitorId, Tab tab) {
    Map<String, Tab> tabs = byVisitor.get(visitorId);
    if (tabs == null || !tabs.remove(tab.connection.id(), tab)) {
      return false;
    }
    if (tabs.isEmpty()) {
      byVisitor.remove(visitorId);
    }
    Set<String> visitors = visitorsByConnection.get(tab.connection.id());
    if (visitors != null && visitors.remove(visitorId) && visitors.isEmpty()) {
      visitorsByConnection.remove(tab.connection.id());
    }
    return true;
  }

  /** The visitors a connection has tabs for. */
  List<String> visitorsOf(ClientConnection connection) {
    return List.copyOf(visitorsByConnection.getOrDefault(connection.id(), Set.of()));
  }

  public void onDelivery(StreamDelivery d) {
    Map<String, Tab> tabs = byVisitor.get(d.visitorId());
    if (tabs == null) {
      return;
    }
    if (d.tabId() != null) {
      Tab tab = tabs.get(d.tabId());
      if (tab != null) {
        offer(tab, d);
      }
      return;
    }
    List.copyOf(tabs.values()).forEach(tab -> offer(tab, d));
  }

  private void offer(Tab tab, StreamDelivery d) {
    if (tab.pending == null) {
      apply(tab, d);
      return;
    }
    if (tab.pending.size() >= MAX_PENDING) {
      tab.pending.remove(0);
      LOG.warn("tab {} of visitor {} buffered {} events while joining; dropped the oldest", tab.connection.id(),
          d.visitorId(), MAX_PENDING);
    }
    tab.pending.add(d);
  }

  private void apply(Tab tab, StreamDelivery d) {
    if ("stream_started".equals(d.event())) {
      if (d.streamId().equals(tab.streamId)) {
        return;
      }
      tab.streamId = d.streamId();
      tab.lastSeq = 0;
      tab.completed = false;
    } else if (!d.streamId().equals(tab.streamId)) {
      return;
    } else if (d.rowEvent()) {
      if (d.seq() <= tab.lastSeq) {
        return;
      }
      tab.lastSeq = d.seq();
    } else if ("stream_complete".equals(d.event())) {
      if (tab.completed) {
        return;
      }
      tab.completed = true;
    }
    tab.connection.send(OutboundEvent.encoded(d.event(), d.data()));
  }
}
