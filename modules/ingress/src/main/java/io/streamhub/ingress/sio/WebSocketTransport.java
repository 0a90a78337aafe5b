package io.streamhub.ingress.sio;

import io.streamhub.ingress.protocol.CloseCodes;
import io.streamhub.ingress.socketio.WsTransport;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An Engine.IO session's WebSocket. Writes never block; past {@code maxPending} frames written but not yet flushed
 * the client is a slow consumer and the socket is closed (4008), which closes the session.
 */
final class WebSocketTransport implements WsTransport {

  private static final Logger LOG = LoggerFactory.getLogger(WebSocketTransport.class);

  private final ServerWebSocket socket;
  private final IntSupplier maxPending;
  private int pending;
  private boolean closed;

  WebSocketTransport(ServerWebSocket socket, IntSupplier maxPending) {
    this.socket = socket;
    this.maxPending = maxPending;
  }

  @Override
  public void sendText(String frame) {
    if (admit()) {
      socket.writeTextMessage(frame).onComplete(ar -> pending--);
    }
  }

  @Override
  public void sendBinary(byte[] frame) {
    if (admit()) {
      socket.writeBinaryMessage(Buffer.buffer(frame)).onComplete(ar -> pending--);
    }
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      socket.close();
    }
  }

  private boolean admit() {
    if (closed) {
      return false;
    }
    if (pending >= maxPending.getAsInt()) {
      LOG.info("Socket.IO WebSocket {} is a slow consumer ({} frames unflushed); closing it", socket.remoteAddress(),
          pending);
      closed = true;
      socket.close(CloseCodes.SLOW_CONSUMER, "slow consumer: too many unread messages");
      return false;
    }
    pending++;
    return true;
  }
}
