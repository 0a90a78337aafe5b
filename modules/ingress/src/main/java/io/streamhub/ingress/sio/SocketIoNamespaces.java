package io.streamhub.ingress.sio;

import io.streamhub.contracts.Addresses;
import io.streamhub.contracts.socketio.RoomEmit;
import io.streamhub.ingress.socketio.SocketIoEncoder;
import io.streamhub.ingress.socketio.SocketIoPacket;
import io.vertx.core.eventbus.EventBus;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/** The namespaces and handlers an embedding application registered on this node. Thread-safe. */
public final class SocketIoNamespaces implements SocketIoServer {

  private static final Pattern NAME = Pattern.compile("/|/[A-Za-z0-9._~-]+(/[A-Za-z0-9._~-]+)*");

  private final EventBus bus;
  private final ConcurrentMap<String, AppNamespace> namespaces = new ConcurrentHashMap<>();

  /** @param bus where {@link SocketIoNamespace#emitToRoom} publishes, to reach every node */
  public SocketIoNamespaces(EventBus bus) {
    this.bus = bus;
  }

  @Override
  public SocketIoNamespace namespace(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("a namespace is / followed by letters, digits and ._~- (segments separated "
          + "by /), got " + name);
    }
    return namespaces.computeIfAbsent(name, AppNamespace::new);
  }

  Optional<AppNamespace> find(String name) {
    return Optional.ofNullable(namespaces.get(name));
  }

  /** One registered namespace. */
  final class AppNamespace implements SocketIoNamespace {

    private final String name;
    private final ConcurrentMap<String, SocketIoHandler> handlers = new ConcurrentHashMap<>();
    private final List<Consumer<SocketIoConnection>> connected = new CopyOnWriteArrayList<>();
    private final List<Consumer<SocketIoConnection>> disconnected = new CopyOnWriteArrayList<>();

    private AppNamespace(String name) {
      this.name = name;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public SocketIoNamespace onConnection(Consumer<SocketIoConnection> handler) {
      connected.add(handler);
      return this;
    }

    @Override
    public SocketIoNamespace onDisconnect(Consumer<SocketIoConnection> handler) {
      disconnected.add(handler);
      return this;
    }

    @Override
    public SocketIoNamespace on(String event, SocketIoHandler handler) {
      if (handlers.putIfAbsent(event, handler) != null) {
        throw new IllegalStateException("namespace " + name + " already has a handler for " + event);
      }
      return this;
    }

    @Override
    public void emitToRoom(String room, String event, Object... args) {
      SocketIoEncoder.Encoded encoded = SocketIoEncoder.encode(SocketIoPacket.event(name, null, event, args));
      bus.publish(Addresses.SOCKETIO_ROOM_EMIT, new RoomEmit(name, room, encoded.text(), encoded.attachments())
          .toJson());
    }

    SocketIoHandler handler(String event) {
      return handlers.get(event);
    }

    void connected(SocketIoConnection socket) {
      connected.forEach(handler -> handler.accept(socket));
    }

    void disconnected(SocketIoConnection socket) {
      disconnected.forEach(handler -> handler.accept(socket));
    }
  }
}
