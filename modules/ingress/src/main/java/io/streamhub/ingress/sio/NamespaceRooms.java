package io.streamhub.ingress.sio;

import io.streamhub.contracts.socketio.RoomEmit;
import io.streamhub.ingress.socketio.EngineIoPacket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rooms of the application namespaces on this ingress: which local sockets are in which room, and delivery of a
 * {@link RoomEmit} to them (the packet is encoded once, by the emitter). Event-loop confined.
 */
final class NamespaceRooms {

  private final Map<String, Map<String, Set<SocketIoSocket>>> byNamespace = new HashMap<>();

  void join(SocketIoSocket socket, String room) {
    byNamespace.computeIfAbsent(socket.namespace(), n -> new HashMap<>())
        .computeIfAbsent(room, r -> new LinkedHashSet<>()).add(socket);
  }

  void leave(SocketIoSocket socket, String room) {
    Map<String, Set<SocketIoSocket>> rooms = byNamespace.get(socket.namespace());
    if (rooms == null) {
      return;
    }
    Set<SocketIoSocket> members = rooms.get(room);
    if (members != null && members.remove(socket) && members.isEmpty()) {
      rooms.remove(room);
      if (rooms.isEmpty()) {
        byNamespace.remove(socket.namespace());
      }
    }
  }

  void deliver(RoomEmit emit) {
    Set<SocketIoSocket> members = byNamespace.getOrDefault(emit.namespace(), Map.of()).get(emit.room());
    if (members == null) {
      return;
    }
    List<EngineIoPacket> packets = new ArrayList<>(1 + emit.attachments().size());
    packets.add(EngineIoPacket.message(emit.packet()));
    emit.attachments().forEach(bytes -> packets.add(EngineIoPacket.binaryMessage(bytes)));
    List.copyOf(members).forEach(socket -> socket.sendPackets(packets));
  }
}
