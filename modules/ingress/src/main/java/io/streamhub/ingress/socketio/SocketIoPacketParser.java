package io.streamhub.ingress.socketio;

import io.streamhub.ingress.protocol.JsonText;
import io.vertx.core.json.DecodeException;

/** Parses the text of one Socket.IO v5 packet, with placeholders still in place for a binary packet. */
final class SocketIoPacketParser {

  /** Longest ack id accepted, in digits (fits a long). */
  private static final int MAX_ACK_ID_DIGITS = 18;
  private static final int MAX_ATTACHMENT_DIGITS = 9;

  /** A parsed packet text; {@code attachments} is the count announced by a binary packet, else 0. */
  record Parsed(SocketIoPacket packet, int attachments) {
  }

  private SocketIoPacketParser() {
  }

  /** @throws SocketIoProtocolException naming the part of the packet that is wrong */
  static Parsed parse(String text, int maxAttachments) {
    if (text.isEmpty()) {
      throw new SocketIoProtocolException("empty Socket.IO packet");
    }
    SocketIoPacketType type = SocketIoPacketType.fromCode(text.charAt(0));
    int i = 1;
    int attachments = 0;
    if (type.isBinary()) {
      int dash = text.indexOf('-', 1);
      attachments = attachmentCount(dash < 0 ? text.substring(1) : text.substring(1, dash), dash >= 0, maxAttachments);
      i = dash + 1;
    }
    String namespace = SocketIoPacket.MAIN_NAMESPACE;
    if (i < text.length() && text.charAt(i) == '/') {
      int comma = text.indexOf(',', i);
      namespace = comma < 0 ? text.substring(i) : text.substring(i, comma);
      i = comma < 0 ? text.length() : comma + 1;
    }
    int idStart = i;
    while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
      i++;
    }
    Long ackId = null;
    if (i > idStart) {
      if (i - idStart > MAX_ACK_ID_DIGITS) {
        throw new SocketIoProtocolException(
            "ack id " + text.substring(idStart, i) + " has over " + MAX_ACK_ID_DIGITS + " digits");
      }
      ackId = Long.parseLong(text.substring(idStart, i));
    }
    Object data = i < text.length() ? json(text.substring(i)) : null;
    SocketIoPacketRules.check(type, ackId, data);
    return new Parsed(new SocketIoPacket(type, namespace, ackId, data), attachments);
  }

  private static int attachmentCount(String digits, boolean dashFound, int maxAttachments) {
    boolean digitsOnly = digits.chars().allMatch(c -> c >= '0' && c <= '9');
    if (!dashFound || digits.isEmpty() || digits.length() > MAX_ATTACHMENT_DIGITS || !digitsOnly) {
      throw new SocketIoProtocolException("binary packet must start with <attachment count>-, e.g. 51-");
    }
    int count = Integer.parseInt(digits);
    if (count < 1) {
      throw new SocketIoProtocolException("binary packet must announce at least 1 attachment");
    }
    if (count > maxAttachments) {
      throw new SocketIoProtocolException(
          count + " attachments is over the limit of " + maxAttachments + " per packet");
    }
    return count;
  }

  private static Object json(String text) {
    char first = text.charAt(0);
    if (first != '[' && first != '{') {
      throw new SocketIoProtocolException(
          "expected a namespace starting with '/', an ack id (digits) or JSON data, found '" + first + "'");
    }
    try {
      return JsonText.parse(text);
    } catch (DecodeException e) {
      String reason = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
      throw new SocketIoProtocolException("packet data is not valid JSON: " + reason);
    }
  }
}
