package io.streamhub.ingress.socketio;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Binary attachments of Socket.IO packets: replaces {@code byte[]}/{@code Buffer} values by placeholders
 * {@code {"_placeholder":true,"num":N}} (numbered in depth-first order) and back, as socket.io-parser's
 * {@code deconstructPacket}/{@code reconstructPacket} do. Works on copies; the input is never changed.
 */
final class SocketIoBinary {

  static final String PLACEHOLDER = "_placeholder";
  static final String NUM = "num";

  /** Packet data with placeholders instead of binaries, and the binaries in placeholder order. */
  record Deconstructed(Object data, List<byte[]> attachments) {
  }

  private SocketIoBinary() {
  }

  /** Whether {@code value} holds a {@code byte[]} or {@code Buffer} anywhere (nested arrays and objects included). */
  static boolean hasBinary(Object value) {
    if (value instanceof byte[] || value instanceof Buffer) {
      return true;
    }
    if (value instanceof JsonObject || value instanceof Map<?, ?>) {
      return asMap(value).values().stream().anyMatch(SocketIoBinary::hasBinary);
    }
    if (value instanceof JsonArray || value instanceof List<?>) {
      return asList(value).stream().anyMatch(SocketIoBinary::hasBinary);
    }
    return false;
  }

  static Deconstructed deconstruct(Object data) {
    List<byte[]> attachments = new ArrayList<>();
    Object replaced = deconstruct(data, attachments);
    return new Deconstructed(replaced, attachments);
  }

  private static Object deconstruct(Object value, List<byte[]> attachments) {
    if (value instanceof byte[] || value instanceof Buffer) {
      attachments.add(value instanceof Buffer buffer ? buffer.getBytes() : (byte[]) value);
      return new JsonObject().put(PLACEHOLDER, true).put(NUM, attachments.size() - 1);
    }
    if (value instanceof JsonObject || value instanceof Map<?, ?>) {
      Map<String, Object> copy = new LinkedHashMap<>();
      asMap(value).forEach((key, item) -> copy.put(key, deconstruct(item, attachments)));
      return new JsonObject(copy);
    }
    if (value instanceof JsonArray || value instanceof List<?>) {
      List<Object> copy = new ArrayList<>();
      asList(value).forEach(item -> copy.add(deconstruct(item, attachments)));
      return new JsonArray(copy);
    }
    return value;
  }

  /**
   * Replaces each placeholder in {@code data} by its attachment.
   *
   * @throws SocketIoProtocolException when a placeholder's {@code num} is not an integer in [0, attachments)
   */
  static Object reconstruct(Object data, List<byte[]> attachments) {
    if (data instanceof JsonObject || data instanceof Map<?, ?>) {
      Map<String, Object> map = asMap(data);
      if (Boolean.TRUE.equals(map.get(PLACEHOLDER))) {
        return attachments.get(placeholderIndex(map.get(NUM), attachments.size()));
      }
      Map<String, Object> copy = new LinkedHashMap<>();
      map.forEach((key, item) -> copy.put(key, reconstruct(item, attachments)));
      return new JsonObject(copy);
    }
    if (data instanceof JsonArray || data instanceof List<?>) {
      List<Object> copy = new ArrayList<>();
      asList(data).forEach(item -> copy.add(reconstruct(item, attachments)));
      return new JsonArray(copy);
    }
    return data;
  }

  private static int placeholderIndex(Object num, int count) {
    if (num instanceof Integer || num instanceof Long) {
      long index = ((Number) num).longValue();
      if (index >= 0 && index < count) {
        return (int) index;
      }
    }
    throw new SocketIoProtocolException(
        "binary placeholder num " + num + " is not an attachment index 0-" + (count - 1));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(Object value) {
    return value instanceof JsonObject object ? object.getMap() : (Map<String, Object>) value;
  }

  @SuppressWarnings("unchecked")
  private static List<Object> asList(Object value) {
    return value instanceof JsonArray array ? array.getList() : (List<Object>) value;
  }
}
