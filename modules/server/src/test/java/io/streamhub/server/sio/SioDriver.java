package io.streamhub.server.sio;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * One connection of a real third-party Socket.IO client, driven through src/test/clients/sio-driver.mjs (npm
 * socket.io-client) or sio_driver.py (Debian's python-socketio), which take JSON-line commands on stdin and report
 * JSON lines on stdout. Binary values are {"$bin": base64} both ways: see {@link #bin} and {@link #bytes}.
 *
 * <pre>
 * try (SioDriver client = SioDriver.node("http://127.0.0.1:" + port).transports("websocket").start()) {
 *   client.awaitConnect();
 *   JsonArray echoed = client.emitWithAck("echo", new JsonArray().add("hi"));
 * }
 * </pre>
 */
public final class SioDriver implements AutoCloseable {

  /** Which client library drives the connection. */
  public enum Kind {
    NODE, PYTHON
  }

  public static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final JsonLinesProcess process;
  private final AtomicInteger refs = new AtomicInteger();

  private SioDriver(String name, List<String> command) {
    SioClients.requireInstalled();
    process = new JsonLinesProcess(name, SioClients.dir(), command);
  }

  public static Builder node(String url) {
    return new Builder(Kind.NODE, url);
  }

  public static Builder python(String url) {
    return new Builder(Kind.PYTHON, url);
  }

  public static Builder of(Kind kind, String url) {
    return new Builder(kind, url);
  }

  /** The driver's start arguments; {@link #start()} launches it (it connects at once). */
  public static final class Builder {
    private final Kind kind;
    private final List<String> args = new ArrayList<>();

    private Builder(Kind kind, String url) {
      this.kind = kind;
      arg("url", url);
    }

    private Builder arg(String name, String value) {
      args.add("--" + name);
      args.add(value);
      return this;
    }

    public Builder namespace(String namespace) {
      return arg("namespace", namespace);
    }

    /** "polling", "websocket" or "polling,websocket"; without it, the client's default (polling, then upgrade). */
    public Builder transports(String transports) {
      return transports == null ? this : arg("transports", transports);
    }

    public Builder auth(JsonObject auth) {
      return arg("auth", auth.encode());
    }

    public Builder reconnection(boolean reconnection) {
      return arg("reconnection", String.valueOf(reconnection));
    }

    public Builder reconnectionDelayMs(long delayMs) {
      return arg("reconnection-delay-ms", String.valueOf(delayMs));
    }

    public SioDriver start() {
      List<String> command = new ArrayList<>();
      if (kind == Kind.NODE) {
        command.add("node");
        command.add("sio-driver.mjs");
      } else {
        command.add(SioClients.PYTHON);
        command.add("sio_driver.py");
      }
      command.addAll(args);
      return new SioDriver(kind.name().toLowerCase() + " driver " + String.join(" ", args), command);
    }
  }

  /** {"$bin": base64 of bytes}: a binary argument in commands and lines. */
  public static JsonObject bin(byte[] bytes) {
    return new JsonObject().put("$bin", Base64.getEncoder().encodeToString(bytes));
  }

  /** The bytes of a {"$bin": ...} value. */
  public static byte[] bytes(Object value) {
    if (!(value instanceof JsonObject json) || json.size() != 1 || !json.containsKey("$bin")) {
      throw new AssertionError("not a binary value: " + value);
    }
    return Base64.getDecoder().decode(json.getString("$bin"));
  }

  /** Emits without an ack. */
  public void emit(String event, JsonArray args) {
    process.send(new JsonObject().put("op", "emit").put("event", event).put("args", args).put("ack", false));
  }

  /** Emits with an ack callback and returns the args the server acked with. */
  public JsonArray emitWithAck(String event, JsonArray args) {
    return emitWithAck(event, args, TIMEOUT);
  }

  public JsonArray emitWithAck(String event, JsonArray args, Duration timeout) {
    String ref = "r" + refs.incrementAndGet();
    process.send(new JsonObject().put("op", "emit").put("event", event).put("args", args).put("ack", true)
        .put("ref", ref));
    return awaitLine("the ack of " + event + " (ref " + ref + ")",
        line -> "ack".equals(line.getString("type")) && ref.equals(line.getValue("ref")), timeout)
        .getJsonArray("args");
  }

  /** From now on, the server's {@code event} sent with an ack callback is acked with {@code args} at once. */
  public void replyTo(String event, JsonArray args) {
    process.send(new JsonObject().put("op", "reply_to").put("event", event).put("args", args));
  }

  /** Acks an event line's "ack_id" (one received while no replyTo was set for its event). */
  public void ack(int ackId, JsonArray args) {
    process.send(new JsonObject().put("op", "ack").put("ack_id", ackId).put("args", args));
  }

  public void disconnect() {
    process.send(new JsonObject().put("op", "disconnect"));
  }

  public void connect() {
    process.send(new JsonObject().put("op", "connect"));
  }

  /** Closes the engine under the socket as a network cut would: the client reconnects by itself (node only). */
  public void dropTransport() {
    process.send(new JsonObject().put("op", "drop_transport"));
  }

  public JsonObject awaitLine(Predicate<JsonObject> matches, Duration timeout) {
    return awaitLine("a matching line", matches, timeout);
  }

  /** The first line (earlier unmatched ones included) matching; lines passed over stay for later awaits. */
  public JsonObject awaitLine(String what, Predicate<JsonObject> matches, Duration timeout) {
    return process.awaitLine(what, matches, timeout);
  }

  public JsonObject awaitType(String type) {
    return awaitLine("a " + type + " line", line -> type.equals(line.getString("type")), TIMEOUT);
  }

  /** The next "event" line of {@code event}: its "args" and, when the server asked for an ack, its "ack_id". */
  public JsonObject awaitEvent(String event) {
    return awaitEvent(event, TIMEOUT);
  }

  public JsonObject awaitEvent(String event, Duration timeout) {
    return awaitLine("event " + event,
        line -> "event".equals(line.getString("type")) && event.equals(line.getString("event")), timeout);
  }

  /** The connect line ("id", "recovered", "transport"); fails at once on a connect_error. */
  public JsonObject awaitConnect() {
    JsonObject line = awaitLine("connect",
        l -> "connect".equals(l.getString("type")) || "connect_error".equals(l.getString("type")), TIMEOUT);
    if (!"connect".equals(line.getString("type"))) {
      throw new AssertionError("connect_error " + line.encode() + " instead of connect from " + process.describe());
    }
    return line;
  }

  /** The connect_error line ("message", "data"). */
  public JsonObject awaitConnectError() {
    return awaitType("connect_error");
  }

  public JsonObject awaitDisconnect() {
    return awaitType("disconnect");
  }

  /** Removes and returns, without waiting, the lines received so far that match. */
  public List<JsonObject> takeAll(Predicate<JsonObject> matches) {
    return process.takeAll(matches);
  }

  /** Sends exit, then destroys the process if it has not ended after a grace period. */
  @Override
  public void close() {
    process.close(new JsonObject().put("op", "exit"));
  }
}
