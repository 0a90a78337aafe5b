package io.streamhub.ingress.rooms;

import io.streamhub.contracts.rooms.RoomMessage;
import io.streamhub.ingress.protocol.ClientConnection;
import io.streamhub.ingress.protocol.ErrorCode;
import io.streamhub.ingress.protocol.OutboundEvent;
import io.streamhub.ingress.protocol.ProtocolException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rooms of one ingress instance (one directory member): which local connections subscribe to what, and the
 * in-order delivery of room messages to them. Messages from different publishers can arrive out of seq order, so
 * each room holds early ones until the gap fills, or until {@code rooms.reorder_timeout_ms} passes (the publisher
 * died between sequencing and sending) and the gap is skipped. Join and leave of one room run one after another.
 * Confined to one event loop.
 */
public final class RoomSubscriptions {

  private static final Logger LOG = LoggerFactory.getLogger(RoomSubscriptions.class);

  /** Messages held per room while waiting for a gap; past it the gap is skipped at once. */
  static final int MAX_HELD = 10_000;

  private static final long UNKNOWN = -1;

  private final String memberId;
  private final RoomDirectory directory;
  private final StageAdapter adapter;
  private final Timers timers;
  private final LongSupplier reorderTimeoutMs;
  private final Map<String, LocalRoom> rooms = new HashMap<>();
  private final Map<String, Set<String>> roomsByConnection = new HashMap<>();
  private long skippedSeqs;

  public RoomSubscriptions(String memberId, RoomDirectory directory, StageAdapter adapter, Timers timers,
      LongSupplier reorderTimeoutMs) {
    this.memberId = memberId;
    this.directory = directory;
    this.adapter = adapter;
    this.timers = timers;
    this.reorderTimeoutMs = reorderTimeoutMs;
  }

  private static final class LocalRoom {
    final String name;
    final Set<ClientConnection> subscribers = new LinkedHashSet<>();
    final TreeMap<Long, RoomMessage> held = new TreeMap<>();
    long nextSeq = UNKNOWN;
    boolean joined;
    long gapTimer = UNKNOWN;
    Future<Void> ops = Future.succeededFuture();
    int queuedOps;

    LocalRoom(String name) {
      this.name = name;
    }
  }

  /**
   * Completes once every message published anywhere after completion will be delivered to {@code connection}.
   * Subscribing twice is harmless.
   */
  public Future<Void> subscribe(ClientConnection connection, String room) {
    Set<String> mine = roomsByConnection.computeIfAbsent(connection.id(), id -> new LinkedHashSet<>());
    if (!mine.add(room)) {
      return enqueue(room, r -> Future.succeededFuture());
    }
    return enqueue(room, r -> addSubscriber(r, connection)).onFailure(e -> {
      Set<String> set = roomsByConnection.get(connection.id());
      if (set != null) {
        set.remove(room);
      }
    });
  }

  public Future<Void> unsubscribe(ClientConnection connection, String room) {
    Set<String> mine = roomsByConnection.get(connection.id());
    if (mine == null || !mine.remove(room)) {
      return Future.succeededFuture();
    }
    if (mine.isEmpty()) {
      roomsByConnection.remove(connection.id());
    }
    return enqueue(room, r -> removeSubscriber(r, connection));
  }

  /** Called when a connection closes. */
  public void unsubscribeAll(ClientConnection connection) {
    Set<String> mine = roomsByConnection.remove(connection.id());
    if (mine != null) {
      for (String room : mine) {
        enqueue(room, r -> removeSubscriber(r, connection));
      }
    }
  }

  public Set<String> roomsOf(ClientConnection connection) {
    return Set.copyOf(roomsByConnection.getOrDefault(connection.id(), Set.of()));
  }

  /** Rooms this member has joined in the directory, for periodic refresh against idle expiry. */
  public Set<String> joinedRooms() {
    Set<String> out = new LinkedHashSet<>();
    rooms.values().stream().filter(r -> r.joined).forEach(r -> out.add(r.name));
    return out;
  }

  /** Seqs given up on because they never arrived within the reorder timeout. */
  public long skippedSeqs() {
    return skippedSeqs;
  }

  /** Delivery from the sequencer of any node. */
  public void onMessage(RoomMessage message) {
    LocalRoom room = rooms.get(message.room());
    if (room == null || message.seq() < room.nextSeq) {
      return;
    }
    room.held.put(message.seq(), message);
    if (room.nextSeq != UNKNOWN) {
      drain(room);
    }
    if (room.held.size() > MAX_HELD) {
      if (room.nextSeq == UNKNOWN) {
        room.held.pollFirstEntry();
      } else {
        skipGap(room);
      }
    }
  }

  private Future<Void> enqueue(String name, java.util.function.Function<LocalRoom, Future<Void>> op) {
    LocalRoom room = rooms.computeIfAbsent(name, LocalRoom::new);
    room.queuedOps++;
    Future<Void> next = room.ops.transform(ignored -> op.apply(room));
    room.ops = next.transform(ignored -> {
      room.queuedOps--;
      if (room.queuedOps == 0 && room.subscribers.isEmpty() && !room.joined) {
        cancelGapTimer(room);
        rooms.remove(room.name, room);
      }
      return Future.succeededFuture();
    });
    return next;
  }

  private Future<Void> addSubscriber(LocalRoom room, ClientConnection connection) {
    if (room.joined) {
      room.subscribers.add(connection);
      return Future.succeededFuture();
    }
    return adapter.adapt(directory.join(room.name, memberId))
        .recover(e -> Future.failedFuture(new ProtocolException(ErrorCode.UNAVAILABLE,
            "could not join room " + room.name + ": " + e.getMessage())))
        .map(lastSeq -> {
          room.joined = true;
          room.nextSeq = lastSeq + 1;
          room.held.headMap(room.nextSeq).clear();
          room.subscribers.add(connection);
          drain(room);
          return null;
        });
  }

  private Future<Void> removeSubscriber(LocalRoom room, ClientConnection connection) {
    room.subscribers.remove(connection);
    if (!room.subscribers.isEmpty() || !room.joined) {
      return Future.succeededFuture();
    }
    room.joined = false;
    room.nextSeq = UNKNOWN;
    room.held.clear();
    cancelGapTimer(room);
    return adapter.adapt(directory.leave(room.name, memberId)).otherwise(e -> {
      LOG.warn("leaving room {} failed; the directory keeps a stale member until the room expires: {}",
          room.name, e.getMessage());
      return null;
    });
  }

  private void drain(LocalRoom room) {
    while (!room.held.isEmpty() && room.held.firstKey() == room.nextSeq) {
      RoomMessage message = room.held.pollFirstEntry().getValue();
      room.nextSeq++;
      deliver(room, message);
    }
    if (room.held.isEmpty()) {
      cancelGapTimer(room);
    } else if (room.gapTimer == UNKNOWN) {
      room.gapTimer = timers.schedule(reorderTimeoutMs.getAsLong(), () -> {
        room.gapTimer = UNKNOWN;
        skipGap(room);
      });
    }
  }

  private void skipGap(LocalRoom room) {
    if (room.held.isEmpty() || room.nextSeq == UNKNOWN) {
      return;
    }
    long first = room.held.firstKey();
    long missing = first - room.nextSeq;
    skippedSeqs += missing;
    LOG.warn("room {}: seq {} to {} never arrived; skipping them", room.name, room.nextSeq, first - 1);
    room.nextSeq = first;
    drain(room);
  }

  private void cancelGapTimer(LocalRoom room) {
    if (room.gapTimer != UNKNOWN) {
      timers.cancel(room.gapTimer);
      room.gapTimer = UNKNOWN;
    }
  }

  private static void deliver(LocalRoom room, RoomMessage message) {
    OutboundEvent event = new OutboundEvent("message",
        new JsonObject().put("room", message.room()).put("seq", message.seq()).put("data", message.data()));
    for (ClientConnection subscriber : room.subscribers.toArray(new ClientConnection[0])) {
      subscriber.send(event);
    }
  }
}
