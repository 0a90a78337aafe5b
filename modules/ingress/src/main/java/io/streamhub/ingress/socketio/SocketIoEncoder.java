package io.streamhub.ingress.socketio;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * Encodes Socket.IO v5 packets: {@code <type>[<attachments>-][<namespace>,][<ack id>][<JSON data>]}. An EVENT or ACK
 * whose data holds binaries anywhere becomes a BINARY_EVENT/BINARY_ACK whose JSON has placeholders, followed by the
 * binaries as attachments. Stateless and thread-safe.
 */
public final class SocketIoEncoder {

  /**
   * An encoded packet: the text, then the attachments, each to be sent as its own Engine.IO message in this order.
   *
   * @param text        the packet text, to send as Engine.IO message {@code 4<text>}
   * @param attachments binary attachments in placeholder order; empty for a packet without binaries
   */
  public record Encoded(String text, List<byte[]> attachments) {

    /** The Engine.IO messages to send, in order: the text message, then one binary message per attachment. */
    public List<EngineIoPacket> engineIoPackets() {
      List<EngineIoPacket> packets = new ArrayList<>(1 + attachments.size());
      packets.add(EngineIoPacket.message(text));
      attachments.forEach(bytes -> packets.add(EngineIoPacket.binaryMessage(bytes)));
      return packets;
    }
  }

  private SocketIoEncoder() {
  }

  /**
   * @throws SocketIoProtocolException when the packet breaks a Socket.IO rule (e.g. an EVENT without a string name)
   */
  public static Encoded encode(SocketIoPacket packet) {
    SocketIoPacketType type = switch (packet.type()) {
      case BINARY_EVENT -> SocketIoPacketType.EVENT;
      case BINARY_ACK -> SocketIoPacketType.ACK;
      default -> packet.type();
    };
    SocketIoPacketRules.check(type, packet.ackId(), packet.data());
    boolean canCarryBinary = type == SocketIoPacketType.EVENT || type == SocketIoPacketType.ACK;
    if (canCarryBinary && SocketIoBinary.hasBinary(packet.data())) {
      SocketIoBinary.Deconstructed parts = SocketIoBinary.deconstruct(packet.data());
      SocketIoPacketType binaryType =
          type == SocketIoPacketType.EVENT ? SocketIoPacketType.BINARY_EVENT : SocketIoPacketType.BINARY_ACK;
      String text = text(binaryType, parts.attachments().size(), packet.namespace(), packet.ackId(), parts.data());
      return new Encoded(text, List.copyOf(parts.attachments()));
    }
    return new Encoded(text(type, 0, packet.namespace(), packet.ackId(), packet.data()), List.of());
  }

  private static String text(SocketIoPacketType type, int attachments, String namespace, Long ackId, Object data) {
    StringBuilder text = new StringBuilder().append(type.code());
    if (type.isBinary()) {
      text.append(attachments).append('-');
    }
    if (!SocketIoPacket.MAIN_NAMESPACE.equals(namespace)) {
      text.append(namespace).append(',');
    }
    if (ackId != null) {
      text.append(ackId);
    }
    if (data instanceof JsonObject object) {
      text.append(object.encode());
    } else if (data instanceof JsonArray array) {
      text.append(array.encode());
    }
    return text.toString();
  }
}
