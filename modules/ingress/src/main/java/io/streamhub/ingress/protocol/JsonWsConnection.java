package io.streamhub.ingress.protocol;

import io.netty.buffer.ByteBufUtil;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.streamhub.contracts.config.WsConfig;
import io.streamhub.ingress.IngressMetrics;
import io.streamhub.ingress.auth.AuthenticatedUser;
import io.streamhub.ingress.auth.ConnectionAuth;
import java.util.Optional;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The plain JSON WebSocket transport: decodes text frames into events for the {@link EventDispatcher}, encodes
 * acknowledgements, errors and pushes. Inbound: at most {@link #MAX_IN_FLIGHT} requests are handled at once; past
 * that the socket is paused, so a flooding client is slowed by TCP instead of growing server memory. Outbound: past
 * {@code ws.max_pending_messages} unflushed messages the client is closed as a slow consumer.
 */
public final class JsonWsConnection implements ClientConnection {

  private static final Logger LOG = LoggerFactory.getLogger(JsonWsConnection.class);

  /** Requests of one connection being handled at once before the server stops reading from it. */
  public static final int MAX_IN_FLIGHT = 256;

  private final String id = UUID.randomUUID().toString();
  private final ServerWebSocket socket;
  private final EventDispatcher dispatcher;
  private final IngressMetrics metrics;
  private final Supplier<WsConfig> config;
  private final Consumer<JsonWsConnection> onClosed;
  private final ConnectionAuth auth;
  private int inFlight;
  private int pendingWrites;
  private boolean paused;
  private boolean closed;

  public JsonWsConnection(ServerWebSocket socket, EventDispatcher dispatcher, IngressMetrics metrics,
      Supplier<WsConfig> config, ConnectionAuth auth, Consumer<JsonWsConnection> onClosed) {
    this.socket = socket;
    this.dispatcher = dispatcher;
    this.metrics = metrics;
    this.config = config;
    this.onClosed = onClosed;
    this.auth = auth;
  }

  /** Its authentication: the user, the {@code auth} window and the token's timers. */
  public ConnectionAuth auth() {
    return auth;
  }

  @Override
  public Optional<AuthenticatedUser> user() {
    return auth.user();
  }

  /**
   * Starts reading and sends {@code connected}: {@code {status: "success", user_id, connection_id}} when already
   * authenticated (a token on the upgrade), {@code {connection_id}} otherwise.
   */
  public void start() {
    metrics.connectionOpened();
    socket.textMessageHandler(this::onText);
    socket.binaryMessageHandler(buffer -> close(CloseCodes.UNSUPPORTED_DATA, "binary frames are not supported; send JSON text"));
    socket.exceptionHandler(this::onSocketException);
    socket.closeHandler(v -> onSocketClosed());
    send("connected", auth.user().map(u -> ConnectionAuth.connected(this, u))
        .orElseGet(() -> new JsonObject().put("connection_id", id)));
  }

  /** Refuses the connection before it starts: the error, then the close code it carries. */
  public void refuse(ProtocolException e) {
    metrics.connectionOpened();
    socket.closeHandler(v -> onSocketClosed());
    replyError(null, e.code(), e.getMessage());
    close(e.closeCode() == 0 ? CloseCodes.UNAUTHORIZED : e.closeCode(), e.getMessage());
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public void send(OutboundEvent event) {
    write(event.jsonFrame(), event.event());
  }

  @Override
  public void close(short code, String reason) {
    if (closed) {
      return;
    }
    closed = true;
    metrics.closed(code);
    socket.close(code, reason);
  }

  private void onText(String text) {
    int maxBytes = config.get().maxMessageBytes();
    if (text.length() > maxBytes || ByteBufUtil.utf8Bytes(text) > maxBytes) {
      replyError(null, ErrorCode.MESSAGE_TOO_LARGE,
          "message is " + ByteBufUtil.utf8Bytes(text) + " bytes; the limit is " + maxBytes);
      return;
    }
    Frame frame;
    try {
      frame = Frame.parse(text);
    } catch (ProtocolException e) {
      replyError(e.ack(), e.code(), e.getMessage());
      return;
    }
    inFlight++;
    if (inFlight >= MAX_IN_FLIGHT && !paused) {
      paused = true;
      socket.pause();
    }
    dispatcher.dispatch(this, frame.event(), frame.data()).onComplete(result -> {
      inFlight--;
      if (paused && inFlight < MAX_IN_FLIGHT / 2) {
        paused = false;
        socket.resume();
      }
      if (result.succeeded()) {
        if (frame.ack() != null) {
          write(Frame.encodeAck(frame.ack(), result.result() == null ? new JsonObject() : result.result()), "ack");
        }
      } else {
        ProtocolException e = (ProtocolException) result.cause();
        replyError(frame.ack(), e.code(), e.getMessage());
        if (e.closeCode() != 0) {
          close(e.closeCode(), e.getMessage());
        }
      }
    });
  }

  private void replyError(Long ack, ErrorCode code, String message) {
    metrics.error(code.wire());
    write(Frame.encodeError(ack, code, message), "error");
  }

  private void write(String text, String event) {
    if (closed) {
      return;
    }
    if (pendingWrites >= config.get().maxPendingMessages()) {
      LOG.info("connection {} is a slow consumer ({} messages unread); closing it", id, pendingWrites);
      close(CloseCodes.SLOW_CONSUMER, "slow consumer: too many unread messages");
      return;
    }
    pendingWrites++;
    metrics.sent(event);
    socket.writeTextMessage(text).onComplete(ar -> pendingWrites--);
  }

  private void onSocketException(Throwable e) {
    if (e instanceof CorruptedWebSocketFrameException) {
      close(CloseCodes.MESSAGE_TOO_BIG, "frame exceeds ws.max_frame_bytes or breaks the WebSocket protocol");
    } else {
      LOG.debug("connection {}: {}", id, e.toString());
    }
  }

  private void onSocketClosed() {
    closed = true;
    auth.close();
    metrics.connectionClosed();
    onClosed.accept(this);
  }
}
