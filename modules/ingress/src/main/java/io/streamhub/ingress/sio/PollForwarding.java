package io.streamhub.ingress.sio;

import io.streamhub.contracts.Addresses;
import io.streamhub.contracts.FailureCodes;
import io.streamhub.contracts.socketio.ForwardedPoll;
import io.streamhub.contracts.socketio.PollAnswer;
import io.streamhub.ingress.socketio.EngineIoError;
import io.streamhub.ingress.socketio.EngineIoPostResult;
import io.streamhub.ingress.socketio.EngineIoSession;
import io.streamhub.ingress.socketio.PollResponder;
import io.vertx.core.Future;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Engine.IO long-polling without sticky sessions. A session id starts with the id of the ingress that holds the
 * session ({@code <member>.<random>}); a polling request for it that a load balancer sent to another node is
 * forwarded over the event bus to that ingress, which answers it as if it had arrived there, and the answer is written
 * back unchanged. A held poll whose client connection closes is aborted on the owner too. A session whose ingress is
 * gone answers as an unknown sid, so the client reconnects (and recovers its state, see the README).
 */
final class PollForwarding {

  private final EventBus bus;
  private final String memberId;
  private final Map<String, MessagePoll> held = new HashMap<>();

  PollForwarding(EventBus bus, String memberId) {
    this.bus = bus;
    this.memberId = memberId;
  }

  /** A new session id owned by this ingress. */
  String newSid(String random) {
    return memberId + "." + random;
  }

  /** The ingress that holds {@code sid}, or null when the id names none. */
  static String ownerOf(String sid) {
    int dot = sid.lastIndexOf('.');
    return dot <= 0 ? null : sid.substring(0, dot);
  }

  boolean isMine(String sid) {
    return memberId.equals(ownerOf(sid));
  }

  /** Serves requests forwarded to this ingress; completes once the consumer is registered cluster-wide. */
  Future<Void> serve(Function<String, EngineIoSession> sessions) {
    return bus.<JsonObject>consumer(Addresses.socketIoForward(memberId), message -> onForwarded(message, sessions))
        .completion();
  }

  /** Sends a polling {@code GET} on to its session's ingress, held until answered there. */
  void forwardGet(HttpServerResponse response, String sid, String owner, long timeoutMs) {
    String pollId = UUID.randomUUID().toString();
    response.closeHandler(v -> {
      if (!response.ended()) {
        bus.send(Addresses.socketIoForward(owner), new ForwardedPoll(ForwardedPoll.Kind.ABORT, sid, pollId, null)
            .toJson());
      }
    });
    forward(response, owner, new ForwardedPoll(ForwardedPoll.Kind.GET, sid, pollId, null), timeoutMs);
  }

  /** Sends a polling {@code POST} on to its session's ingress. */
  void forwardPost(HttpServerResponse response, String sid, String owner, String body, long timeoutMs) {
    forward(response, owner, new ForwardedPoll(ForwardedPoll.Kind.POST, sid, null, body), timeoutMs);
  }

  private void forward(HttpServerResponse response, String owner, ForwardedPoll poll, long timeoutMs) {
    bus.<JsonObject>request(Addresses.socketIoForward(owner), poll.toJson(),
        new DeliveryOptions().setSendTimeout(timeoutMs))
        .map(reply -> PollAnswer.fromJson(reply.body()))
        .onSuccess(answer -> write(response, answer))
        .onFailure(e -> EngineIoHttp.reject(response, EngineIoError.SESSION_ID_UNKNOWN, "session id unknown: "
            + poll.sid() + " (its node did not answer: " + e.getMessage() + ")"));
  }

  private static void write(HttpServerResponse response, PollAnswer answer) {
    if (response.ended() || response.closed()) {
      return;
    }
    response.setStatusCode(answer.status());
    if (answer.contentType() != null) {
      response.putHeader(HttpHeaders.CONTENT_TYPE, answer.contentType());
    }
    response.end(answer.body());
  }

  private void onForwarded(Message<JsonObject> message, Function<String, EngineIoSession> sessions) {
    ForwardedPoll poll;
    try {
      poll = ForwardedPoll.fromJson(message.body());
    } catch (IllegalArgumentException e) {
      message.fail(FailureCodes.BAD_REQUEST, e.getMessage());
      return;
    }
    EngineIoSession session = sessions.apply(poll.sid());
    switch (poll.kind()) {
      case ABORT -> {
        MessagePoll waiting = held.remove(poll.pollId());
        if (waiting != null && session != null) {
          session.onPollAborted(waiting);
        }
      }
      case GET -> {
        if (session == null) {
          message.reply(error(EngineIoError.SESSION_ID_UNKNOWN).toJson());
          return;
        }
        MessagePoll waiting = new MessagePoll(message, () -> held.remove(poll.pollId()));
        held.put(poll.pollId(), waiting);
        session.onPoll(waiting);
      }
      case POST -> {
        if (session == null) {
          message.reply(error(EngineIoError.SESSION_ID_UNKNOWN).toJson());
          return;
        }
        EngineIoPostResult result = session.onPost(poll.body());
        message.reply(new PollAnswer(result.httpStatus(), result.contentType(), result.body()).toJson());
      }
      default -> throw new IllegalStateException(poll.kind().name());
    }
  }

  private static PollAnswer error(EngineIoError error) {
    return new PollAnswer(error.httpStatus(), "application/json", error.body().encode());
  }

  /** A forwarded poll held by a session: answered by replying to the forwarding node. */
  private static final class MessagePoll implements PollResponder {

    private final Message<JsonObject> message;
    private final Runnable done;

    MessagePoll(Message<JsonObject> message, Runnable done) {
      this.message = message;
      this.done = done;
    }

    @Override
    public void respond(String payload) {
      done.run();
      message.reply(new PollAnswer(200, "text/plain; charset=UTF-8", payload).toJson());
    }

    @Override
    public void reject(EngineIoError error) {
      done.run();
      message.reply(PollForwarding.error(error).toJson());
    }
  }
}
