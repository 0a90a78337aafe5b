package io.streamhub.ingress.socketio;

/** Engine.IO v4 packet types; {@link #code()} is the digit that starts a text packet. */
public enum EngineIoPacketType {
  OPEN('0'),
  CLOSE('1'),
  PING('2'),
  PONG('3'),
  MESSAGE('4'),
  UPGRADE('5'),
  NOOP('6');

  private static final EngineIoPacketType[] BY_DIGIT = values();

  private final char code;

  EngineIoPacketType(char code) {
    this.code = code;
  }

  /** The type digit written first in a text packet, {@code '0'}..{@code '6'}. */
  public char code() {
    return code;
  }

  /** @throws SocketIoProtocolException when {@code code} is not one of the digits 0-6 */
  public static EngineIoPacketType fromCode(char code) {
    int index = code - '0';
    if (index < 0 || index >= BY_DIGIT.length) {
      throw new SocketIoProtocolException("unknown Engine.IO packet type '" + code + "'; expected a digit 0-6");
    }
    return BY_DIGIT[index];
  }
}
