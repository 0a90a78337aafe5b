package io.streamhub.ingress.pressure;

import io.streamhub.ingress.auth.AuthenticatedUser;
import io.streamhub.ingress.auth.ConnectionAuth;
import java.util.function.BooleanSupplier;
import io.streamhub.contracts.Addresses;
import io.streamhub.contracts.FailureCodes;
import io.streamhub.contracts.JsonByReferenceCodec;
import io.streamhub.contracts.pressure.WorkoutId;
import io.streamhub.ingress.protocol.ClientConnection;
import io.streamhub.ingress.protocol.ErrorCode;
import io.streamhub.ingress.protocol.EventDispatcher;
import io.streamhub.ingress.protocol.Fields;
import io.streamhub.ingress.protocol.ProtocolException;
import io.streamhub.ingress.protocol.RoleFailures;
import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The pressure events of the client protocol — {@code join_session}, {@code pressure_frame},
 * {@code leave_session} — for every wire protocol. A connection may send frames only for workouts it joined; the
 * frame itself is validated, numbered and stored by the stats role.
 */
public final class PressureEvents {

  private final EventBus bus;
  private final String memberId;
  private final BooleanSupplier authRequired;
  private final Map<String, Set<String>> joinedByConnection = new HashMap<>();
  private final Map<String, ClientConnection> connections = new HashMap<>();

  /**
   * @param memberId this ingress instance, where the stats role pushes {@code frames_persisted}
   * @param authRequired {@code auth.required.pressure}: the events need an authenticated connection
   */
  public PressureEvents(EventBus bus, String memberId, BooleanSupplier authRequired) {
    this.bus = bus;
    this.memberId = memberId;
    this.authRequired = authRequired;
  }

  /** Whether pressure sessions need a token ({@code auth.required.pressure}). */
  public boolean authRequired() {
    return authRequired.getAsBoolean();
  }

  /** Pushes an event the stats role addressed to one connection ({@link Addresses#connectionPush}). */
  public void push(JsonObject body) {
    ClientConnection connection = connections.get(body.getString("connection_id"));
    if (connection != null && body.getValue("data") instanceof JsonObject data) {
      connection.send(body.getString("event"), data);
    }
  }

  public void register(EventDispatcher dispatcher) {
    dispatcher.register("join_session", this::join);
    dispatcher.register("pressure_frame", this::frame);
    dispatcher.register("leave_session", this::leave);
  }

  private Future<JsonObject> join(ClientConnection connection, JsonObject data) {
    requireAuth(connection, "join_session");
    String workoutId = workoutId(data);
    return joinOverHttp(workoutId, connection.user().map(AuthenticatedUser::sub).orElse(null))
        .map(joined -> {
          joinedByConnection.computeIfAbsent(connection.id(), c -> new HashSet<>()).add(workoutId);
          connections.put(connection.id(), connection);
          connection.send("session_joined", joined);
          return joined;
        });
  }

  private Future<JsonObject> frame(ClientConnection connection, JsonObject data) {
    requireAuth(connection, "pressure_frame");
    String workoutId = workoutId(data);
    if (!joinedByConnection.getOrDefault(connection.id(), Set.of()).contains(workoutId)) {
      throw new ProtocolException(ErrorCode.NOT_JOINED, "this connection has not joined workout " + workoutId
          + "; send join_session first");
    }
    JsonObject request = new JsonObject().put("workout_id", workoutId).put("frame", data).put("member_id", memberId)
        .put("connection_id", connection.id());
    return askByReference(Addresses.STATS_FRAME_PROCESS, request, "pressure_frame")
        .map(processed -> {
          connection.send("frame_processed", processed);
          return processed;
        });
  }

  /**
   * A frame over HTTP: the same validation and answer as {@code pressure_frame}; instead of a joined connection the
   * workout must have a session (joined by any device, or over HTTP).
   */
  public Future<JsonObject> frameOverHttp(String workoutId, JsonObject data) {
    return askByReference(Addresses.STATS_FRAME_PROCESS, new JsonObject().put("workout_id", workoutId)
        .put("frame", data), "pressure_frame");
  }

  /**
   * Joins a session (over HTTP, or for a connection); answers as {@code session_joined}. A new workout belongs to
   * {@code userId} (null: to nobody, open to anyone); another user's workout fails as {@code forbidden}.
   */
  public Future<JsonObject> joinOverHttp(String workoutId, String userId) {
    JsonObject request = new JsonObject().put("workout_id", workoutId);
    if (userId != null) {
      request.put("user_id", userId);
    }
    return ask(Addresses.STATS_SESSION_JOIN, request, "join_session");
  }

  /** The {@code sub} a workout belongs to; null when it has none, or no session at all. */
  public Future<String> ownerOf(String workoutId) {
    return statusOverHttp(workoutId).map(status -> status.getString("owner_sub"))
        .recover(e -> e instanceof ProtocolException pe && pe.code() == ErrorCode.NOT_JOINED
            ? Future.succeededFuture() : Future.failedFuture(e));
  }

  private void requireAuth(ClientConnection connection, String event) {
    if (authRequired.getAsBoolean()) {
      ConnectionAuth.requireUser(connection, event);
    }
  }

  /** A session's status and summary. */
  public Future<JsonObject> statusOverHttp(String workoutId) {
    return ask(Addresses.STATS_SESSION_GET, new JsonObject().put("workout_id", workoutId), "session status");
  }

  private Future<JsonObject> leave(ClientConnection connection, JsonObject data) {
    requireAuth(connection, "leave_session");
    String workoutId = workoutId(data);
    Set<String> joined = joinedByConnection.getOrDefault(connection.id(), Set.of());
    if (!joined.contains(workoutId)) {
      throw new ProtocolException(ErrorCode.NOT_JOINED, "this connection has not joined workout " + workoutId);
    }
    joined.remove(workoutId);
    return ask(Addresses.STATS_SESSION_LEAVE, new JsonObject().put("workout_id", workoutId), "leave_session")
        .map(ended -> {
          connection.send("session_ended", ended);
          return ended;
        });
  }

  /** A session ended for being idle: every connection here that joined it gets {@code session_ended}. */
  public void sessionEnded(JsonObject ended) {
    String workoutId = ended.getString("workout_id");
    joinedByConnection.forEach((connectionId, workouts) -> {
      ClientConnection connection = connections.get(connectionId);
      if (workouts.remove(workoutId) && connection != null) {
        connection.send("session_ended", ended);
      }
    });
  }

  /** Forgets the workouts of a closed connection; their sessions go on for other devices. */
  public void connectionClosed(ClientConnection connection) {
    joinedByConnection.remove(connection.id());
    connections.remove(connection.id());
  }

  private static String workoutId(JsonObject data) {
    String id = Fields.requiredString(data, "workout_id");
    try {
      return WorkoutId.require(id);
    } catch (IllegalArgumentException e) {
      throw ProtocolException.invalidField("workout_id", e.getMessage().replaceFirst("^workout_id ", ""));
    }
  }

  private Future<JsonObject> ask(String address, JsonObject body, String event) {
    return bus.<JsonObject>request(address, body).map(Message::body)
        .recover(failure -> Future.failedFuture(translate(failure, event)));
  }

  /** As {@link #ask}, handing a frame (matrix and all) to a stats role on this node without copying it. */
  private Future<JsonObject> askByReference(String address, JsonObject body, String event) {
    return bus.<JsonObject>request(address, body, JsonByReferenceCodec.options()).map(Message::body)
        .recover(failure -> Future.failedFuture(translate(failure, event)));
  }

  private static ProtocolException translate(Throwable failure, String event) {
    return RoleFailures.translate(failure, "stats", event, re -> switch (re.failureCode()) {
      case FailureCodes.BAD_REQUEST -> new ProtocolException(ErrorCode.INVALID_FIELD, re.getMessage());
      case FailureCodes.NOT_FOUND -> new ProtocolException(ErrorCode.NOT_JOINED, re.getMessage());
      case FailureCodes.FORBIDDEN -> new ProtocolException(ErrorCode.FORBIDDEN, re.getMessage());
      case FailureCodes.BACKPRESSURE -> new ProtocolException(ErrorCode.BACKPRESSURE, re.getMessage());
      default -> new ProtocolException(ErrorCode.UNAVAILABLE, event + " failed: " + re.getMessage());
    });
  }

}
