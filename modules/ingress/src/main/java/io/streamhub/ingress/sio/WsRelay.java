package io.streamhub.ingress.sio;

import io.streamhub.contracts.Addresses;
import io.streamhub.contracts.FailureCodes;
import io.streamhub.contracts.socketio.WsRelayFrame;
import io.streamhub.ingress.socketio.EngineIoSession;
import io.streamhub.ingress.socketio.WsTransport;
import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Engine.IO WebSockets without session affinity. A WebSocket upgrade that reaches another node than its session's
 * is accepted there (the <em>edge</em>) and relayed over the event bus: the session on its own ingress (the
 * <em>owner</em>) sees a {@link WsTransport} whose frames travel to the edge and back, so the probe, the upgrade and
 * everything after work as on a direct connection. If the owner does not take the relay (session gone), the edge
 * closes the WebSocket and the client stays on polling. Event-loop confined.
 */
final class WsRelay {

  private static final Logger LOG = LoggerFactory.getLogger(WsRelay.class);

  private record Owned(EngineIoSession session, RemoteWs transport) {
  }

  private final EventBus bus;
  private final String memberId;
  private final IntSupplier maxPending;
  private final Map<String, WebSocketTransport> edges = new HashMap<>();
  private final Map<String, Owned> owned = new HashMap<>();

  WsRelay(EventBus bus, String memberId, IntSupplier maxPending) {
    this.bus = bus;
    this.memberId = memberId;
    this.maxPending = maxPending;
  }

  /** Serves relay frames for this ingress; completes once the consumer is registered cluster-wide. */
  Future<Void> serve(Function<String, EngineIoSession> sessions) {
    return bus.<JsonObject>consumer(Addresses.socketIoWsRelay(memberId), message -> onFrame(message, sessions))
        .completion();
  }

  /** Edge side: relays an accepted WebSocket of session {@code sid} to its {@code owner}. */
  void relay(ServerWebSocket socket, String sid, String owner) {
    String relayId = UUID.randomUUID().toString();
    String address = Addresses.socketIoWsRelay(owner);
    WebSocketTransport transport = new WebSocketTransport(socket, maxPending);
    edges.put(relayId, transport);
    socket.pause();
    socket.textMessageHandler(text -> bus.send(address, WsRelayFrame.text(relayId, text).toJson()));
    socket.binaryMessageHandler(buffer -> bus.send(address, WsRelayFrame.binary(relayId, buffer.getBytes()).toJson()));
    socket.closeHandler(v -> {
      if (edges.remove(relayId) != null) {
        bus.send(address, WsRelayFrame.close(relayId).toJson());
      }
    });
    socket.exceptionHandler(e -> transport.close());
    bus.request(address, new WsRelayFrame(WsRelayFrame.Kind.OPEN, sid, relayId, memberId, null, null).toJson())
        .onSuccess(accepted -> socket.resume())
        .onFailure(e -> {
          LOG.debug("WebSocket of session {} not relayed to {}: {}", sid, owner, e.getMessage());
          edges.remove(relayId);
          transport.close();
        });
  }

  private void onFrame(Message<JsonObject> message, Function<String, EngineIoSession> sessions) {
    WsRelayFrame frame;
    try {
      frame = WsRelayFrame.fromJson(message.body());
    } catch (IllegalArgumentException e) {
      message.fail(FailureCodes.BAD_REQUEST, e.getMessage());
      return;
    }
    WebSocketTransport edge = edges.get(frame.relayId());
    Owned mine = owned.get(frame.relayId());
    switch (frame.kind()) {
      case OPEN -> open(message, frame, sessions.apply(frame.sid()));
      case TEXT -> {
        if (edge != null) {
          edge.sendText(frame.text());
        } else if (mine != null) {
          mine.session().onWebSocketText(mine.transport(), frame.text());
        }
      }
      case BINARY -> {
        if (edge != null) {
          edge.sendBinary(frame.binary());
        } else if (mine != null) {
          mine.session().onWebSocketBinary(mine.transport(), frame.binary());
        }
      }
      case CLOSE -> {
        if (edges.remove(frame.relayId()) != null) {
          edge.close();
        } else if (owned.remove(frame.relayId()) != null) {
          mine.session().onWebSocketClosed(mine.transport());
        }
      }
      default -> throw new IllegalStateException(frame.kind().name());
    }
  }

  /** Owner side: the session takes the relayed WebSocket as an upgrade probe, or refuses it. */
  private void open(Message<JsonObject> message, WsRelayFrame frame, EngineIoSession session) {
    if (session == null) {
      message.fail(FailureCodes.NOT_FOUND, "no session " + frame.sid() + " here");
      return;
    }
    RemoteWs transport = new RemoteWs(frame.relayId(), Addresses.socketIoWsRelay(frame.memberId()));
    owned.put(frame.relayId(), new Owned(session, transport));
    message.reply(new JsonObject());
    session.onWebSocketUpgrade(transport);
  }

  /** Owner side: a WebSocket on the edge node. */
  private final class RemoteWs implements WsTransport {

    private final String relayId;
    private final String edge;

    RemoteWs(String relayId, String edge) {
      this.relayId = relayId;
      this.edge = edge;
    }

    @Override
    public void sendText(String frame) {
      bus.send(edge, WsRelayFrame.text(relayId, frame).toJson());
    }

    @Override
    public void sendBinary(byte[] frame) {
      bus.send(edge, WsRelayFrame.binary(relayId, frame).toJson());
    }

    @Override
    public void close() {
      if (owned.remove(relayId) != null) {
        bus.send(edge, WsRelayFrame.close(relayId).toJson());
      }
    }
  }
}
