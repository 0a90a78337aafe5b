package io.streamhub.ingress.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A JSON WebSocket protocol client for tests: frames land in a queue the test thread reads with a timeout, so tests
 * wait for events instead of sleeping.
 */
public final class WsClient implements AutoCloseable {

  public static final long TIMEOUT_S = 10;

  private final WebSocketClient client;
  private final WebSocket socket;
  private final LinkedBlockingQueue<JsonObject> frames = new LinkedBlockingQueue<>();
  private final CompletableFuture<Short> closeStatus = new CompletableFuture<>();
  private long nextAck = 1;

  private WsClient(WebSocketClient client, WebSocket socket) {
    this.client = client;
    this.socket = socket;
  }

  /**
   * Sets the handlers before the handshake starts, so no early frame is missed (a handler set when the connect future
   * completes may come too late: the future can complete before the caller attaches its callback).
   */
  private static WsClient open(WebSocketClient client, WebSocketConnectOptions options) {
    ClientWebSocket socket = client.webSocket();
    WsClient ws = new WsClient(client, socket);
    socket.textMessageHandler(text -> ws.frames.add(new JsonObject(text)));
    socket.closeHandler(v -> ws.closeStatus.complete(socket.closeStatusCode()));
    await(socket.connect(options));
    return ws;
  }

  public static WsClient connect(Vertx vertx, int port) {
    return connect(vertx, port, 8 * 1024 * 1024);
  }

  public static WsClient connect(Vertx vertx, int port, int maxFrameBytes) {
    WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions()
        .setMaxFrameSize(maxFrameBytes).setMaxMessageSize(maxFrameBytes));
    WsClient ws = open(client, new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port).setURI("/ws"));
    assertThat(ws.next().getString("event")).isEqualTo("connected");
    return ws;
  }

  /**
   * Opens a WebSocket with the caller's upgrade options (headers, URI) and returns without reading any frame, so
   * the test sees the first one ({@code connected} or an {@code error}). Sends no Origin unless the test adds one.
   */
  public static WsClient open(Vertx vertx, int port, java.util.function.Consumer<WebSocketConnectOptions> options) {
    WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions());
    WebSocketConnectOptions connect = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port).setURI("/ws")
        .setAllowOriginHeader(false);
    options.accept(connect);
    return open(client, connect);
  }

  /** Waits {@code ms} on a Vert.x timer: for tests that must show that nothing happens within a time. */
  public static void waitMs(Vertx vertx, long ms) {
    await(io.vertx.core.Future.<Void>future(p -> vertx.setTimer(ms, id -> p.complete())));
  }

  /** Waits for a future from a test thread, failing the test after {@link #TIMEOUT_S}. */
  public static <T> T await(io.vertx.core.Future<T> future) {
    try {
      return future.await(TIMEOUT_S, TimeUnit.SECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError("no result within " + TIMEOUT_S + " s", e);
    }
  }

  public WebSocket socket() {
    return socket;
  }

  public void sendText(String text) {
    socket.writeTextMessage(text);
  }

  public void sendBinary(byte[] bytes) {
    socket.writeBinaryMessage(Buffer.buffer(bytes));
  }

  public void emit(String event, JsonObject data) {
    sendText(new JsonObject().put("event", event).put("data", data).encode());
  }

  /** Sends with a fresh ack number and returns the next frame, which must be the ack (or error) for it. */
  public JsonObject request(String event, JsonObject data) {
    long ack = nextAck++;
    sendText(new JsonObject().put("event", event).put("data", data).put("ack", ack).encode());
    JsonObject reply = next();
    assertThat(reply.getLong("ack")).as("reply to %s: %s", event, reply).isEqualTo(ack);
    return reply;
  }

  /** The ack payload of a request that must succeed. */
  public JsonObject ok(String event, JsonObject data) {
    JsonObject reply = request(event, data);
    assertThat(reply.getString("event")).as("reply to %s: %s", event, reply).isEqualTo("ack");
    return reply.getJsonObject("data");
  }

  public JsonObject next() {
    try {
      JsonObject frame = frames.poll(TIMEOUT_S, TimeUnit.SECONDS);
      assertThat(frame).as("a frame within %d s", TIMEOUT_S).isNotNull();
      return frame;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The next frame, which must be this event; returns its data. */
  public JsonObject next(String event) {
    JsonObject frame = next();
    assertThat(frame.getString("event")).as("frame %s", frame).isEqualTo(event);
    return frame.getJsonObject("data");
  }

  public boolean hasNoFrame() {
    return frames.isEmpty();
  }

  public short awaitClose() {
    try {
      return closeStatus.get(TIMEOUT_S, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("connection did not close within " + TIMEOUT_S + " s", e);
    }
  }

  @Override
  public void close() {
    client.close();
  }
}
