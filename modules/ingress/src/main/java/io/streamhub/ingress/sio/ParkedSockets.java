package io.streamhub.ingress.sio;

import io.streamhub.ingress.socketio.EngineIoTimers;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Sockets whose connection dropped, kept by private id for connection state recovery: still in their rooms and
 * streams, recording what is sent to them, until their client comes back or {@code max_disconnection_ms} passes and
 * they end. Event-loop confined.
 */
final class ParkedSockets {

  private record Parked(SocketIoSocket socket, EngineIoTimers.Cancellable expiry) {
  }

  private final EngineIoTimers timers;
  private final LongSupplier maxDisconnectionMs;
  private final Map<String, Parked> byPid = new HashMap<>();

  ParkedSockets(EngineIoTimers timers, LongSupplier maxDisconnectionMs) {
    this.timers = timers;
    this.maxDisconnectionMs = maxDisconnectionMs;
  }

  void park(SocketIoSocket socket) {
    socket.detach();
    EngineIoTimers.Cancellable expiry = timers.schedule(maxDisconnectionMs.getAsLong(), () -> {
      Parked gone = byPid.remove(socket.pid());
      if (gone != null) {
        gone.socket().end();
      }
    });
    byPid.put(socket.pid(), new Parked(socket, expiry));
  }

  /** Takes the parked socket with this private id out, if it is here and of this namespace. */
  Optional<SocketIoSocket> take(String pid, String namespace) {
    Parked parked = byPid.get(pid);
    if (parked == null || !parked.socket().namespace().equals(namespace)) {
      return Optional.empty();
    }
    byPid.remove(pid);
    parked.expiry().cancel();
    return Optional.of(parked.socket());
  }

  int size() {
    return byPid.size();
  }

  /** Ends every parked socket (shutdown). */
  void endAll() {
    List<Parked> all = List.copyOf(byPid.values());
    byPid.clear();
    all.forEach(parked -> {
      parked.expiry().cancel();
      parked.socket().end();
    });
  }
}
