package io.streamhub.ingress.sio;

import io.streamhub.ingress.IngressMetrics;
import io.streamhub.ingress.auth.AuthenticatedUser;
import io.streamhub.ingress.auth.ConnectionAuth;
import io.streamhub.ingress.protocol.ClientConnection;
import io.streamhub.ingress.protocol.ErrorCode;
import io.streamhub.ingress.protocol.EventDispatcher;
import io.streamhub.ingress.protocol.OutboundEvent;
import io.streamhub.ingress.protocol.ProtocolException;
import io.streamhub.ingress.socketio.SocketIoPacket;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Optional;
import java.util.UUID;

/**
 * One Socket.IO socket in the main namespace {@code /}: a {@link ClientConnection} whose events go through the same
 * {@link EventDispatcher} as the JSON WebSocket protocol. {@code emit(event, data, ack)} is a request with its data
 * object as the only argument; the ack callback receives the answer, or {@code {error: {code, message}}} when the
 * request was refused — which, as on the JSON protocol, also sends the {@code error} event {@code {code, message}}.
 * At most {@link #MAX_IN_FLIGHT} requests are handled at once; beyond, a request is refused with
 * {@code backpressure} (nothing accepted is dropped).
 */
final class SocketIoSocket implements ClientConnection {

  /** Requests of one socket being handled at once. */
  static final int MAX_IN_FLIGHT = 256;

  private final String id = UUID.randomUUID().toString();
  private final SocketIoClient client;
  private final EventDispatcher dispatcher;
  private final IngressMetrics metrics;
  private final ConnectionAuth auth;
  private int inFlight;

  SocketIoSocket(SocketIoClient client, EventDispatcher dispatcher, IngressMetrics metrics, ConnectionAuth auth) {
    this.client = client;
    this.dispatcher = dispatcher;
    this.metrics = metrics;
    this.auth = auth;
  }

  @Override
  public String id() {
    return id;
  }

  ConnectionAuth auth() {
    return auth;
  }

  @Override
  public Optional<AuthenticatedUser> user() {
    return auth.user();
  }

  @Override
  public void send(OutboundEvent event) {
    metrics.sent(event.event());
    client.sendEventText(SocketIoPacket.MAIN_NAMESPACE, event.socketIoArgs());
  }

  /** The server ends the socket (token expired, shutdown, slow consumer): DISCONNECT, then the session closes. */
  @Override
  public void close(short code, String reason) {
    metrics.closed(code);
    client.disconnect(this, code);
  }

  /** An EVENT from the client: {@code [name, data?]}, with an ack id when it wants an answer. */
  void onEvent(String event, JsonArray args, Long ackId) {
    JsonObject data;
    if (args.isEmpty()) {
      data = new JsonObject();
    } else if (args.getValue(0) instanceof JsonObject object) {
      data = object;
    } else {
      metrics.received(event);
      refuse(ackId, new ProtocolException(ErrorCode.BAD_FRAME, "the argument of " + event
          + " must be a JSON object (the event's data), got " + describe(args.getValue(0))));
      return;
    }
    if (inFlight >= MAX_IN_FLIGHT) {
      metrics.received(event);
      refuse(ackId, new ProtocolException(ErrorCode.BACKPRESSURE, MAX_IN_FLIGHT
          + " requests of this socket are being handled; retry " + event + " later"));
      return;
    }
    inFlight++;
    dispatcher.dispatch(this, event, data).onComplete(result -> {
      inFlight--;
      if (result.succeeded()) {
        if (ackId != null) {
          client.sendAck(SocketIoPacket.MAIN_NAMESPACE, ackId,
              new JsonArray().add(result.result() == null ? new JsonObject() : result.result()));
        }
      } else {
        ProtocolException e = (ProtocolException) result.cause();
        refuse(ackId, e);
        if (e.closeCode() != 0) {
          close(e.closeCode(), e.getMessage());
        }
      }
    });
  }

  private void refuse(Long ackId, ProtocolException e) {
    metrics.error(e.code().wire());
    JsonObject error = new JsonObject().put("code", e.code().wire()).put("message", e.getMessage());
    if (ackId != null) {
      client.sendAck(SocketIoPacket.MAIN_NAMESPACE, ackId, new JsonArray().add(new JsonObject().put("error", error)));
    }
    send(new OutboundEvent("error", error));
  }

  private static String describe(Object value) {
    return value == null ? "null" : value instanceof JsonArray ? "an array" : value instanceof String ? "a string"
        : value instanceof byte[] ? "binary" : value.getClass().getSimpleName().toLowerCase();
  }
}
