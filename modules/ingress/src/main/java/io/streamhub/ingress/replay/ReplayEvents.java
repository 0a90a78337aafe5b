package io.streamhub.ingress.replay;

import io.streamhub.ingress.auth.AuthenticatedUser;
import io.streamhub.ingress.auth.ConnectionAuth;
import java.util.function.BooleanSupplier;
import io.streamhub.contracts.Addresses;
import io.streamhub.contracts.FailureCodes;
import io.streamhub.contracts.replay.JoinStream;
import io.streamhub.contracts.replay.StreamControl;
import io.streamhub.contracts.replay.StreamJoined;
import io.streamhub.contracts.replay.StreamStatus;
import io.streamhub.ingress.protocol.ClientConnection;
import io.streamhub.ingress.protocol.ErrorCode;
import io.streamhub.ingress.protocol.EventDispatcher;
import io.streamhub.ingress.protocol.Fields;
import io.streamhub.ingress.protocol.ProtocolException;
import io.streamhub.ingress.protocol.RoleFailures;
import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;

/**
 * The replay events of the client protocol — {@code join_stream}, {@code leave_stream}, {@code stream_control} —
 * for every wire protocol: requests go to the replay role over the event bus, and the stream's events come back
 * through {@link ReplayTabs}.
 */
public final class ReplayEvents {

  private final EventBus bus;
  private final ReplayTabs tabs;
  private final String memberId;
  private final String nodeId;
  private final BooleanSupplier authRequired;

  /** @param authRequired {@code auth.required.replay}: {@code join_stream} needs an authenticated connection */
  public ReplayEvents(EventBus bus, ReplayTabs tabs, String memberId, String nodeId, BooleanSupplier authRequired) {
    this.bus = bus;
    this.tabs = tabs;
    this.memberId = memberId;
    this.nodeId = nodeId;
    this.authRequired = authRequired;
  }

  public void register(EventDispatcher dispatcher) {
    dispatcher.register("join_stream", this::join);
    dispatcher.register("leave_stream", (connection, data) -> leave(connection, Fields.visitorId(data, "visitor_id"))
        .map(v -> new JsonObject().put("visitor_id", data.getString("visitor_id")).put("left", true)));
    dispatcher.register("stream_control", this::control);
  }

  private Future<JsonObject> join(ClientConnection connection, JsonObject data) {
    if (authRequired.getAsBoolean()) {
      ConnectionAuth.requireUser(connection, "join_stream");
    }
    String visitor = Fields.visitorId(data, "visitor_id");
    String dataset = Fields.optionalString(data, "dataset");
    JsonObject resume = Fields.optionalObject(data, "resume");
    String resumeStream = resume == null ? null : Fields.requiredString(resume, "stream_id");
    long afterSeq = resume == null ? 0 : Fields.requiredLong(resume, "after_seq", 0);
    JoinStream request = new JoinStream(visitor, dataset, connection.id(), memberId, nodeId, resumeStream, afterSeq,
        connection.user().map(AuthenticatedUser::sub).orElse(null));
    ReplayTabs.Tab previous = tabs.get(visitor, connection);
    if (previous != null) {
      tabs.remove(visitor, previous);
    }
    ReplayTabs.Tab tab = tabs.pending(visitor, connection);
    return bus.<JsonObject>request(Addresses.REPLAY_STREAM_JOIN, request.toJson())
        .map(reply -> StreamJoined.fromJson(reply.body()))
        .map(joined -> announce(connection, tab, joined, resumeStream))
        .recover(failure -> {
          tabs.remove(visitor, tab);
          if (failure instanceof ReplyException re && re.failureCode() == FailureCodes.UNPROCESSABLE) {
            JsonObject error = new JsonObject().put("visitor_id", visitor).putNull("stream_id")
                .put("message", re.getMessage());
            connection.send("stream_error", error);
            return Future.succeededFuture(error);
          }
          return Future.failedFuture(translate(failure, "join_stream"));
        });
  }

  private JsonObject announce(ClientConnection connection, ReplayTabs.Tab tab, StreamJoined joined, String resumed) {
    ReplayTabs.Tab current = tabs.get(joined.visitorId(), connection);
    if (current != tab) {
      if (current == null) {
        // The connection closed or left while this join was on its way: detach the tab it attached.
        bus.request(Addresses.REPLAY_STREAM_CONTROL,
            new StreamControl(joined.visitorId(), StreamControl.Action.LEAVE, 1, connection.id()).toJson());
      }
      return joined.toJson();
    }
    JsonObject event = new JsonObject().put("visitor_id", joined.visitorId()).put("stream_id", joined.streamId())
        .put("dataset", joined.dataset()).put("total", joined.total());
    if (joined.resumeGone()) {
      connection.send("stream_gone", new JsonObject().put("visitor_id", joined.visitorId()).put("stream_id", resumed)
          .put("message", "stream " + resumed + " no longer exists; attached to " + joined.streamId()));
    }
    String name = switch (joined.kind()) {
      case STARTED -> "stream_started";
      case JOINED_EXISTING -> "joined_existing_stream";
      case RESUMED -> "stream_resumed";
    };
    if (joined.kind() != StreamJoined.Kind.STARTED) {
      event.put("seq", joined.seq());
    }
    if (joined.kind() == StreamJoined.Kind.RESUMED) {
      event.put("lost", joined.lost());
    }
    connection.send(name, event);
    tabs.joined(tab, joined.streamId(), joined.seq());
    return event;
  }

  private Future<JsonObject> control(ClientConnection connection, JsonObject data) {
    String visitor = Fields.visitorId(data, "visitor_id");
    String actionName = Fields.requiredString(data, "action");
    StreamControl.Action action = StreamControl.Action.ofClient(actionName);
    if (action == null) {
      throw ProtocolException.invalidField("action", "must be one of pause, resume, speed, stop; got \""
          + actionName + "\"");
    }
    Double value = Fields.optionalNumber(data, "value");
    if (action == StreamControl.Action.SPEED && (value == null || value < StreamControl.MIN_SPEED
        || value > StreamControl.MAX_SPEED)) {
      throw ProtocolException.invalidField("value", "must be a number between " + StreamControl.MIN_SPEED + " and "
          + StreamControl.MAX_SPEED + " for speed");
    }
    if (tabs.get(visitor, connection) == null) {
      throw new ProtocolException(ErrorCode.NOT_JOINED, "this connection has not joined the stream of visitor "
          + visitor + "; send join_stream first");
    }
    StreamControl request = new StreamControl(visitor, action, value == null ? 1 : value, null);
    return bus.<JsonObject>request(Addresses.REPLAY_STREAM_CONTROL, request.toJson())
        .map(reply -> StreamStatus.fromJson(reply.body()).toJson())
        .recover(failure -> Future.failedFuture(translate(failure, "stream_control")));
  }

  /** Detaches the connection's tab from the visitor's stream; fails with not_joined when it has none. */
  public Future<Void> leave(ClientConnection connection, String visitor) {
    ReplayTabs.Tab tab = tabs.get(visitor, connection);
    if (tab == null) {
      return Future.failedFuture(new ProtocolException(ErrorCode.NOT_JOINED,
          "this connection has not joined the stream of visitor " + visitor));
    }
    tabs.remove(visitor, tab);
    StreamControl request = new StreamControl(visitor, StreamControl.Action.LEAVE, 1, connection.id());
    return bus.<JsonObject>request(Addresses.REPLAY_STREAM_CONTROL, request.toJson())
        .<Void>mapEmpty()
        .recover(failure -> failure instanceof ReplyException re && re.failureCode() == FailureCodes.NOT_FOUND
            ? Future.succeededFuture() : Future.failedFuture(translate(failure, "leave_stream")));
  }

  /** Every tab of a closed connection leaves. */
  public void connectionClosed(ClientConnection connection) {
    tabs.visitorsOf(connection).forEach(visitor -> leave(connection, visitor));
  }

  private static ProtocolException translate(Throwable failure, String event) {
    return RoleFailures.translate(failure, "replay", event, re -> switch (re.failureCode()) {
      case FailureCodes.BAD_REQUEST -> new ProtocolException(ErrorCode.INVALID_FIELD, re.getMessage());
      case FailureCodes.NOT_FOUND -> new ProtocolException(event.equals("join_stream") ? ErrorCode.UNKNOWN_DATASET
          : ErrorCode.NOT_JOINED, re.getMessage());
      case FailureCodes.BACKPRESSURE -> new ProtocolException(ErrorCode.CAPACITY, re.getMessage());
      case FailureCodes.UNAVAILABLE -> new ProtocolException(ErrorCode.UNAVAILABLE, re.getMessage());
      default -> new ProtocolException(ErrorCode.INTERNAL, event + " failed: " + re.getMessage());
    });
  }

}
