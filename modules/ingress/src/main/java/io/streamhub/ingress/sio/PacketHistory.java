package io.streamhub.ingress.sio;

import io.streamhub.ingress.socketio.EngineIoPacket;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * The latest events sent to one socket, for connection state recovery. Each event gets the next offset (a decimal
 * counter, as text), written into the event as its last argument, which the client reports back when it reconnects.
 * At most {@code capacity} events are kept; a client whose offset is older than the oldest kept cannot be recovered.
 */
final class PacketHistory {

  private record Entry(long offset, List<EngineIoPacket> packets) {
  }

  private final int capacity;
  private final Deque<Entry> entries = new ArrayDeque<>();
  private long lastOffset;

  PacketHistory(int capacity) {
    this.capacity = capacity;
  }

  /**
   * Numbers an event and keeps it: returns its packets with the offset appended to the event's arguments (the
   * first packet's text ends with the JSON array of the event; binary attachments follow unchanged).
   */
  List<EngineIoPacket> record(List<EngineIoPacket> packets) {
    long offset = ++lastOffset;
    String text = packets.get(0).text();
    List<EngineIoPacket> numbered = new ArrayList<>(packets);
    numbered.set(0, EngineIoPacket.message(text.substring(0, text.length() - 1) + ",\"" + offset + "\"]"));
    entries.addLast(new Entry(offset, List.copyOf(numbered)));
    if (entries.size() > capacity) {
      entries.removeFirst();
    }
    return numbered;
  }

  /**
   * The events after {@code offset}, in order; empty when they are no longer all kept, or when the offset was never
   * given out. A null offset (the client received no event) asks for everything, which is only complete while
   * nothing has been dropped yet.
   */
  Optional<List<EngineIoPacket>> after(String offset) {
    long from;
    if (offset == null) {
      from = 0;
    } else {
      try {
        from = Long.parseLong(offset);
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }
    long oldestKept = entries.isEmpty() ? lastOffset + 1 : entries.getFirst().offset();
    if (from < oldestKept - 1 || from > lastOffset) {
      return Optional.empty();
    }
    List<EngineIoPacket> missed = new ArrayList<>();
    entries.stream().filter(e -> e.offset() > from).forEach(e -> missed.addAll(e.packets()));
    return Optional.of(missed);
  }
}
