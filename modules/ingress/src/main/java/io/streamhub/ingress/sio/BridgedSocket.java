package io.streamhub.ingress.sio;

import io.streamhub.contracts.socketio.BridgeFrame;
import io.streamhub.ingress.socketio.EngineIoPacket;
import io.streamhub.ingress.socketio.SocketIoEncoder;
import io.streamhub.ingress.socketio.SocketIoPacket;
import io.vertx.core.json.JsonArray;
import java.util.ArrayList;
import java.util.List;

/**
 * The stand-in, in a client's new session, for a socket recovered on another node: the socket stays where it was
 * (with its rooms, streams and sessions) and this relays the client's packets to it and its packets to the client.
 * Packets that arrive from the socket before the recovery answer are held and sent after the missed events.
 */
final class BridgedSocket implements NamespaceMember {

  private final String namespace;
  private final String pid;
  private final SocketBridge bridge;
  private final SocketIoClient client;
  private List<List<EngineIoPacket>> early = new ArrayList<>();

  BridgedSocket(String namespace, String pid, SocketBridge bridge, SocketIoClient client) {
    this.namespace = namespace;
    this.pid = pid;
    this.bridge = bridge;
    this.client = client;
  }

  @Override
  public String namespace() {
    return namespace;
  }

  String pid() {
    return pid;
  }

  /** The recovery answer: CONNECT with the socket's id, the missed events, then what arrived meanwhile. */
  void recovered(String socketId, List<EngineIoPacket> missed) {
    client.connected(this, socketId, pid);
    if (!missed.isEmpty()) {
      client.send(missed);
    }
    early.forEach(client::send);
    early = null;
  }

  /** Packets from the socket for the client. */
  void deliver(List<EngineIoPacket> packets) {
    if (early != null) {
      early.add(packets);
    } else {
      client.send(packets);
    }
  }

  @Override
  public void onEvent(String event, JsonArray args, Long ackId) {
    relay(SocketIoPacket.event(namespace, ackId, event, args.getList().toArray()));
  }

  @Override
  public void onAck(long ackId, JsonArray args) {
    relay(SocketIoPacket.ack(namespace, ackId, args));
  }

  @Override
  public void clientLeft() {
    bridge.toOwner(BridgeFrame.Kind.LEFT, this, List.of());
  }

  @Override
  public void dropped(String reason) {
    bridge.toOwner(SocketIoClient.RECOVERABLE.contains(reason) ? BridgeFrame.Kind.GONE : BridgeFrame.Kind.LEFT, this,
        List.of());
  }

  private void relay(SocketIoPacket packet) {
    SocketIoEncoder.Encoded encoded = SocketIoEncoder.encode(packet);
    List<Object> packets = new ArrayList<>();
    packets.add(encoded.text());
    packets.addAll(encoded.attachments());
    bridge.toOwner(BridgeFrame.Kind.IN, this, packets);
  }
}
