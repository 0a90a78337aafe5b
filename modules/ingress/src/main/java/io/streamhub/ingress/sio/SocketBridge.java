package io.streamhub.ingress.sio;

import io.streamhub.contracts.Addresses;
import io.streamhub.contracts.FailureCodes;
import io.streamhub.contracts.socketio.BridgeFrame.Kind;
import io.streamhub.contracts.socketio.BridgeFrame;
import io.streamhub.ingress.protocol.CloseCodes;
import io.streamhub.ingress.socketio.EngineIoPacket;
import io.streamhub.ingress.socketio.SocketIoDecoder;
import io.streamhub.ingress.socketio.SocketIoPacket;
import io.streamhub.ingress.socketio.SocketIoProtocolException;
import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connection state recovery across nodes. A socket's private id starts with its ingress's id; a client reconnecting
 * on another node asks that ingress ({@link Kind#RECOVER}); the socket stays there, linked to the client's new
 * session through the event bus ({@link Kind#OUT}, {@link Kind#IN}, ...), so its rooms, streams and sessions go on
 * untouched. Packets to the client are requests the holder acknowledges: when the holder's node does not (it is
 * gone, or the session is), the socket is parked again and ends after {@code max_disconnection_ms} unless its client
 * comes back once more. Event-loop confined.
 */
final class SocketBridge {

  private static final Logger LOG = LoggerFactory.getLogger(SocketBridge.class);

  private final EventBus bus;
  private final String memberId;
  private final ParkedSockets parked;
  private final Map<String, SocketIoSocket> bridged = new HashMap<>();

  SocketBridge(EventBus bus, String memberId, ParkedSockets parked) {
    this.bus = bus;
    this.memberId = memberId;
    this.parked = parked;
  }

  /** Serves frames for this ingress; completes once the consumer is registered cluster-wide. */
  Future<Void> serve(Function<String, SocketIoClient> clients) {
    return bus.<JsonObject>consumer(Addresses.socketIoBridge(memberId), message -> onFrame(message, clients))
        .completion();
  }

  /** Whether a private id names another ingress, whose socket must then be recovered over the bridge. */
  boolean isRemote(String pid) {
    String owner = PollForwarding.ownerOf(pid);
    return owner != null && !owner.equals(memberId);
  }

  /**
   * Holder side: asks the socket's ingress to link it to {@code client}'s session. Completes with false when it
   * cannot (no such socket, too many missed events, node gone); the client then gets a fresh socket.
   */
  Future<Boolean> recover(SocketIoClient client, String namespace, String pid, String offset) {
    BridgedSocket stand = new BridgedSocket(namespace, pid, this, client);
    client.bridging(stand);
    BridgeFrame request = new BridgeFrame(Kind.RECOVER, pid, client.session().sid(), namespace, offset, memberId,
        null, null);
    return bus.<JsonObject>request(Addresses.socketIoBridge(PollForwarding.ownerOf(pid)), request.toJson())
        .map(reply -> {
          BridgeFrame answer = BridgeFrame.fromJson(reply.body());
          stand.recovered(answer.socketId(), packets(answer.packets()));
          return true;
        })
        .otherwise(failure -> {
          LOG.debug("socket {} not recovered over the bridge: {}", pid, failure.getMessage());
          client.notBridged(stand);
          return false;
        });
  }

  void toOwner(Kind kind, BridgedSocket stand, List<Object> packets) {
    bus.send(Addresses.socketIoBridge(PollForwarding.ownerOf(stand.pid())),
        new BridgeFrame(kind, stand.pid(), null, stand.namespace(), null, memberId, null, packets).toJson());
  }

  private void onFrame(Message<JsonObject> message, Function<String, SocketIoClient> clients) {
    BridgeFrame frame;
    try {
      frame = BridgeFrame.fromJson(message.body());
    } catch (IllegalArgumentException e) {
      message.fail(FailureCodes.BAD_REQUEST, e.getMessage());
      return;
    }
    switch (frame.kind()) {
      case RECOVER -> onRecover(message, frame);
      case IN -> Optional.ofNullable(bridged.get(frame.pid())).ifPresent(socket -> inbound(socket, frame));
      case GONE -> Optional.ofNullable(bridged.remove(frame.pid())).ifPresent(parked::park);
      case LEFT -> Optional.ofNullable(bridged.remove(frame.pid())).ifPresent(SocketIoSocket::end);
      case OUT, CLOSE, DISCONNECT -> {
        SocketIoClient client = clients.apply(frame.sid());
        if (client == null) {
          message.fail(FailureCodes.NOT_FOUND, "no session " + frame.sid() + " here");
        } else {
          client.fromBridge(frame.kind(), frame.namespace(), packets(frame.packets()));
          message.reply(new JsonObject());
        }
      }
      default -> message.fail(FailureCodes.BAD_REQUEST, "unexpected bridge frame " + frame.kind());
    }
  }

  /** Owner side: links the parked socket to the client's new session, answering with the events it missed. */
  private void onRecover(Message<JsonObject> message, BridgeFrame frame) {
    Optional<SocketIoSocket> found = parked.take(frame.pid(), frame.namespace());
    if (found.isEmpty()) {
      message.fail(FailureCodes.NOT_FOUND, "no socket " + frame.pid() + " waits for recovery here");
      return;
    }
    SocketIoSocket socket = found.get();
    Optional<List<EngineIoPacket>> missed = socket.missedAfter(frame.offset());
    if (missed.isEmpty()) {
      socket.end();
      message.fail(FailureCodes.NOT_FOUND, "socket " + frame.pid() + " missed more events than are kept");
      return;
    }
    bridged.put(frame.pid(), socket);
    socket.reattach(new RemoteLink(frame.memberId(), frame.sid(), socket), List.of());
    List<Object> encoded = new ArrayList<>();
    missed.get().forEach(p -> encoded.add(p.isBinary() ? p.binary() : p.text()));
    message.reply(new BridgeFrame(Kind.RECOVERED, frame.pid(), frame.sid(), frame.namespace(), null, memberId,
        socket.id(), encoded).toJson());
  }

  private static void inbound(SocketIoSocket socket, BridgeFrame frame) {
    SocketIoDecoder decoder = new SocketIoDecoder(frame.packets().size());
    try {
      Optional<SocketIoPacket> packet = Optional.empty();
      for (Object part : frame.packets()) {
        packet = part instanceof String text ? decoder.addText(text) : decoder.addBinary((byte[]) part);
      }
      packet.ifPresent(p -> {
        switch (p.type()) {
          case EVENT, BINARY_EVENT -> socket.onEvent(p.eventName(), p.args(), p.ackId());
          case ACK, BINARY_ACK -> socket.onAck(p.ackId(), p.args());
          default -> LOG.debug("bridged {} packet ignored", p.type());
        }
      });
    } catch (SocketIoProtocolException e) {
      LOG.warn("bridged packet for socket {} dropped: {}", socket.id(), e.getMessage());
    }
  }

  private static List<EngineIoPacket> packets(List<Object> parts) {
    return parts.stream().map(p -> p instanceof String text ? EngineIoPacket.message(text)
        : EngineIoPacket.binaryMessage((byte[]) p)).toList();
  }

  /** Owner side: a bridged socket's way to its client, through the holder's ingress. */
  private final class RemoteLink implements SocketLink {

    private final String holder;
    private final String sid;
    private final SocketIoSocket socket;

    RemoteLink(String holder, String sid, SocketIoSocket socket) {
      this.holder = holder;
      this.sid = sid;
      this.socket = socket;
    }

    @Override
    public void send(List<EngineIoPacket> packets) {
      List<Object> encoded = new ArrayList<>(packets.size());
      packets.forEach(p -> encoded.add(p.isBinary() ? p.binary() : p.text()));
      frame(Kind.OUT, encoded);
    }

    @Override
    public void close(SocketIoSocket closing, short code) {
      if (code == CloseCodes.UNAUTHORIZED) {
        disconnect(closing);
      } else {
        frame(Kind.CLOSE, List.of());
      }
    }

    @Override
    public void disconnect(SocketIoSocket leaving) {
      frame(Kind.DISCONNECT, List.of());
      bridged.remove(leaving.pid());
      leaving.end();
    }

    private void frame(Kind kind, List<Object> packets) {
      bus.request(Addresses.socketIoBridge(holder), new BridgeFrame(kind, socket.pid(), sid, socket.namespace(), null,
          memberId, null, packets).toJson()).onFailure(e -> {
            if (bridged.get(socket.pid()) == socket) {
              LOG.debug("the session of bridged socket {} is gone ({}); it waits for its client again", socket.id(),
                  e.getMessage());
              bridged.remove(socket.pid());
              parked.park(socket);
            }
          });
    }
  }
}
