package io.streamhub.ingress.socketio;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decodes the Socket.IO v5 packets of one connection, in arrival order. A binary packet's text is held until its
 * announced attachments (the binary Engine.IO messages that follow it) have all arrived; then its placeholders are
 * replaced by the attachments and it comes out as an EVENT or ACK. Not thread-safe: one per connection, used from
 * the connection's event loop.
 *
 * <p>Any {@link SocketIoProtocolException} means the client broke the protocol; the caller should close the
 * connection. The decoder drops any packet it was assembling, so it can be used again.
 */
public final class SocketIoDecoder {

  /** socket.io-parser's default limit of attachments per packet. */
  public static final int DEFAULT_MAX_ATTACHMENTS = 10;

  private final int maxAttachments;
  private SocketIoPacket pending;
  private int expected;
  private final List<byte[]> received = new ArrayList<>();

  /** @param maxAttachments most binary attachments one packet may announce (1 or more) */
  public SocketIoDecoder(int maxAttachments) {
    if (maxAttachments < 1) {
      throw new IllegalArgumentException("maxAttachments must be at least 1, was " + maxAttachments);
    }
    this.maxAttachments = maxAttachments;
  }

  /**
   * Takes the text of an Engine.IO message.
   *
   * @return the packet, or empty when it is a binary packet waiting for its attachments
   * @throws SocketIoProtocolException when the text is not a valid packet, or attachments are still pending
   */
  public Optional<SocketIoPacket> addText(String text) {
    if (pending != null) {
      int missing = expected - received.size();
      reset();
      throw new SocketIoProtocolException("got a text packet while " + missing + " binary attachment(s) are pending");
    }
    SocketIoPacketParser.Parsed parsed;
    try {
      parsed = SocketIoPacketParser.parse(text, maxAttachments);
    } catch (IllegalArgumentException e) {
      throw new SocketIoProtocolException(e.getMessage());
    }
    if (parsed.attachments() == 0) {
      return Optional.of(parsed.packet());
    }
    pending = parsed.packet();
    expected = parsed.attachments();
    return Optional.empty();
  }

  /**
   * Takes the bytes of a binary Engine.IO message: the next attachment of the pending binary packet.
   *
   * @return the completed packet once this was its last attachment, else empty
   * @throws SocketIoProtocolException when no binary packet is pending or a placeholder is out of range
   */
  public Optional<SocketIoPacket> addBinary(byte[] bytes) {
    if (pending == null) {
      throw new SocketIoProtocolException("got binary data while no binary packet is pending");
    }
    received.add(bytes);
    if (received.size() < expected) {
      return Optional.empty();
    }
    SocketIoPacket header = pending;
    List<byte[]> attachments = List.copyOf(received);
    reset();
    SocketIoPacketType type =
        header.type() == SocketIoPacketType.BINARY_EVENT ? SocketIoPacketType.EVENT : SocketIoPacketType.ACK;
    Object data = SocketIoBinary.reconstruct(header.data(), attachments);
    return Optional.of(new SocketIoPacket(type, header.namespace(), header.ackId(), data));
  }

  /** Whether a binary packet is waiting for attachments. */
  public boolean isWaitingForAttachments() {
    return pending != null;
  }

  /** Drops a partly received binary packet, e.g. when the connection closes. */
  public void reset() {
    pending = null;
    expected = 0;
    received.clear();
  }
}
