package io.streamhub.ingress.socketio;

/** Socket.IO v5 packet types; {@link #code()} is the digit that starts an encoded packet. */
public enum SocketIoPacketType {
  CONNECT,
  DISCONNECT,
  EVENT,
  ACK,
  CONNECT_ERROR,
  BINARY_EVENT,
  BINARY_ACK;

  private static final SocketIoPacketType[] BY_DIGIT = values();

  public char code() {
    return (char) ('0' + ordinal());
  }

  public boolean isBinary() {
    return this == BINARY_EVENT || this == BINARY_ACK;
  }

  /** @throws SocketIoProtocolException when {@code code} is not one of the digits 0-6 */
  public static SocketIoPacketType fromCode(char code) {
    int index = code - '0';
    if (index < 0 || index >= BY_DIGIT.length) {
      throw new SocketIoProtocolException("unknown Socket.IO packet type '" + code + "'; expected a digit 0-6");
    }
    return BY_DIGIT[index];
  }
}
