package io.streamhub.ingress.socketio;

import java.util.ArrayList;
import java.util.List;

/**
 * The HTTP long-polling body of Engine.IO v4: packets in text form joined by the record separator {@code \x1e}, e.g.
 * {@code 4hello\x1e2\x1ebAQIDBA==}. Request and response bodies are UTF-8 ({@code text/plain; charset=UTF-8}).
 */
public final class EngineIoPayload {

  /** The record separator between packets. */
  public static final char SEPARATOR = '\u001e';

  private EngineIoPayload() {
  }

  /** Joins {@code packets} (at least one) into a payload; binary packets become {@code b<base64>}. */
  public static String encode(List<EngineIoPacket> packets) {
    if (packets.isEmpty()) {
      throw new IllegalArgumentException("a payload holds at least one packet");
    }
    StringBuilder body = new StringBuilder();
    for (EngineIoPacket packet : packets) {
      if (!body.isEmpty()) {
        body.append(SEPARATOR);
      }
      body.append(packet.encodeText());
    }
    return body.toString();
  }

  /**
   * Splits a POST body into packets.
   *
   * @param body     the request body decoded as UTF-8
   * @param maxBytes the largest body accepted, in UTF-8 bytes (the {@code maxPayload} of the handshake)
   * @throws SocketIoProtocolException when the body is over {@code maxBytes}, empty, or one packet is bad (the message
   *                                   names its index)
   */
  public static List<EngineIoPacket> decode(String body, long maxBytes) {
    long bytes = Utf8.byteLength(body);
    if (bytes > maxBytes) {
      throw new SocketIoProtocolException("payload of " + bytes + " bytes is over the limit of " + maxBytes + " bytes");
    }
    if (body.isEmpty()) {
      throw new SocketIoProtocolException("empty Engine.IO payload");
    }
    List<EngineIoPacket> packets = new ArrayList<>();
    int start = 0;
    while (start <= body.length()) {
      int end = body.indexOf(SEPARATOR, start);
      if (end < 0) {
        end = body.length();
      }
      try {
        packets.add(EngineIoPacket.decodeText(body.substring(start, end)));
      } catch (SocketIoProtocolException e) {
        throw new SocketIoProtocolException("payload packet " + packets.size() + ": " + e.getMessage());
      }
      start = end + 1;
    }
    return packets;
  }

  /**
   * How many packets from the head of {@code packets} fit in one response of at most {@code maxBytes} UTF-8 bytes,
   * separators included; at least 1 when there is a packet, so one oversized packet still goes out alone.
   */
  public static int countFitting(Iterable<EngineIoPacket> packets, long maxBytes) {
    long total = -1;
    int count = 0;
    for (EngineIoPacket packet : packets) {
      total += 1 + packet.payloadBytes();
      if (total > maxBytes) {
        return Math.max(count, 1);
      }
      count++;
    }
    return count;
  }
}
