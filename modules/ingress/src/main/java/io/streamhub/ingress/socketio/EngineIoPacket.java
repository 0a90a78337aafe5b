package io.streamhub.ingress.socketio;

import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * One Engine.IO v4 packet: a type and either text data (possibly empty) or, for a binary
 * {@link EngineIoPacketType#MESSAGE}, bytes. Exactly one of {@link #text()} and {@link #binary()} is non-null.
 *
 * <p>WebSocket framing: a text frame is the type digit followed by the data ({@code 4hello}, {@code 2probe}); a binary
 * frame is the raw bytes and is always a message. Inside an HTTP long-polling payload (see {@link EngineIoPayload}) a
 * binary message is written as {@code b} followed by the base64 of the bytes.
 */
public record EngineIoPacket(EngineIoPacketType type, String text, byte[] binary) {

  public EngineIoPacket {
    Objects.requireNonNull(type, "type");
    if ((text == null) == (binary == null)) {
      throw new IllegalArgumentException("a packet has either text or binary data");
    }
    if (binary != null && type != EngineIoPacketType.MESSAGE) {
      throw new IllegalArgumentException("only a message packet can carry binary data, not " + type);
    }
  }

  /** A text packet of {@code type} with {@code data} ({@code ""} for none). */
  public static EngineIoPacket of(EngineIoPacketType type, String data) {
    return new EngineIoPacket(type, data, null);
  }

  /** A packet of {@code type} without data, e.g. {@code 2} (ping), {@code 6} (noop). */
  public static EngineIoPacket of(EngineIoPacketType type) {
    return new EngineIoPacket(type, "", null);
  }

  /** A text message, {@code 4<text>}. */
  public static EngineIoPacket message(String text) {
    return new EngineIoPacket(EngineIoPacketType.MESSAGE, text, null);
  }

  /** A binary message; sent as a binary WebSocket frame or as {@code b<base64>} in a polling payload. */
  public static EngineIoPacket binaryMessage(byte[] bytes) {
    return new EngineIoPacket(EngineIoPacketType.MESSAGE, null, bytes);
  }

  public boolean isBinary() {
    return binary != null;
  }

  /**
   * Decodes one text packet: a WebSocket text frame, or one element of a polling payload. A leading {@code b} is a
   * base64 binary message (as engine.io-parser accepts it in both places).
   *
   * @throws SocketIoProtocolException naming the problem: empty packet, unknown type, bad base64
   */
  public static EngineIoPacket decodeText(String encoded) {
    if (encoded.isEmpty()) {
      throw new SocketIoProtocolException("empty Engine.IO packet");
    }
    char first = encoded.charAt(0);
    if (first == 'b') {
      try {
        return binaryMessage(Base64.getDecoder().decode(encoded.substring(1)));
      } catch (IllegalArgumentException e) {
        throw new SocketIoProtocolException("binary Engine.IO packet is not valid base64: " + e.getMessage());
      }
    }
    return of(EngineIoPacketType.fromCode(first), encoded.substring(1));
  }

  /** Decodes a binary WebSocket frame: always a message, the frame bytes unchanged. */
  public static EngineIoPacket decodeBinaryFrame(byte[] frame) {
    return binaryMessage(frame);
  }

  /**
   * The text form: type digit and data for a text packet ({@code 4hello}), {@code b<base64>} for a binary one. Over a
   * WebSocket send binary packets with {@link #binary()} as a binary frame instead.
   */
  public String encodeText() {
    return binary != null ? "b" + Base64.getEncoder().encodeToString(binary) : type.code() + text;
  }

  /** Bytes this packet takes in a polling payload (UTF-8 of {@link #encodeText()}), without separator. */
  public long payloadBytes() {
    return binary != null ? 1 + 4L * ((binary.length + 2) / 3) : 1 + Utf8.byteLength(text);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof EngineIoPacket p && type == p.type && Objects.equals(text, p.text)
        && Arrays.equals(binary, p.binary);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, text, Arrays.hashCode(binary));
  }

  @Override
  public String toString() {
    return "EngineIoPacket[" + type + (binary != null ? ", " + binary.length + " bytes" : ", \"" + text + "\"") + "]";
  }
}
