package io.streamhub.ingress.http;

import io.streamhub.contracts.config.RoomRule.Action;
import io.streamhub.ingress.auth.RoomAccess;
import io.streamhub.contracts.rooms.RoomName;
import io.streamhub.ingress.protocol.ErrorCode;
import io.streamhub.ingress.protocol.ProtocolException;
import io.streamhub.ingress.rooms.RoomSequencer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.function.IntSupplier;

/**
 * {@code POST /api/v1/rooms/{room}/publish}: the body (a JSON object) becomes the message's {@code data}, exactly as
 * if a client had sent {@code publish}. Answers {@code 200 {"room", "seq"}}. The API is for backends: a backend
 * authenticates with {@code Authorization: Bearer <token>} (a token whose claims satisfy the room rules, e.g.
 * {@code role: backend}); without one it may publish only where anonymous clients may (401 elsewhere, 403 when the
 * token's claims do not grant the room).
 */
public final class PublishRoute {

  private final RoomSequencer sequencer;
  private final IntSupplier maxMessageBytes;
  private final BearerAuth auth;
  private final RoomAccess access;

  public PublishRoute(RoomSequencer sequencer, IntSupplier maxMessageBytes, BearerAuth auth, RoomAccess access) {
    this.sequencer = sequencer;
    this.maxMessageBytes = maxMessageBytes;
    this.auth = auth;
    this.access = access;
  }

  public void handle(RoutingContext rc) {
    String room = rc.pathParam("room");
    if (!RoomName.isValid(room)) {
      HttpErrors.send(rc, 400, ErrorCode.INVALID_FIELD.wire(), "room must be 1-128 characters of letters, digits and . _ : -");
      return;
    }
    int limit = maxMessageBytes.getAsInt();
    if (rc.body().length() > limit) {
      HttpErrors.send(rc, 413, ErrorCode.MESSAGE_TOO_LARGE.wire(), "body is " + rc.body().length() + " bytes; the limit is " + limit);
      return;
    }
    JsonObject data;
    try {
      Object parsed = rc.body().buffer() == null ? null : io.vertx.core.json.Json.decodeValue(rc.body().buffer());
      if (!(parsed instanceof JsonObject object)) {
        HttpErrors.send(rc, 400, ErrorCode.BAD_FRAME.wire(), "body must be a JSON object");
        return;
      }
      data = object;
    } catch (DecodeException e) {
      HttpErrors.send(rc, 400, ErrorCode.BAD_JSON.wire(), "body is not valid JSON");
      return;
    }
    JsonObject body = data;
    auth.user(rc).onFailure(e -> BearerAuth.refuse(rc, e))
        .onSuccess(user -> access.check(user, room, Action.PUBLISH).onSuccess(ok -> publish(rc, room, body))
            .onFailure(e -> refused(rc, e)));
  }

  private static void refused(RoutingContext rc, Throwable e) {
    ErrorCode code = e instanceof ProtocolException pe ? pe.code() : ErrorCode.UNAVAILABLE;
    int status = switch (code) {
      case FORBIDDEN -> 403;
      case UNAUTHORIZED -> 401;
      default -> 503;
    };
    HttpErrors.send(rc, status, code.wire(), e.getMessage());
  }

  private void publish(RoutingContext rc, String room, JsonObject data) {
    sequencer.publish(room, data).onComplete(result -> {
      if (result.succeeded()) {
        rc.response().putHeader("content-type", "application/json")
            .end(new JsonObject().put("room", room).put("seq", result.result()).encode());
      } else {
        ProtocolException e = (ProtocolException) result.cause();
        int status = e.code() == ErrorCode.BACKPRESSURE ? 429 : 503;
        HttpErrors.send(rc, status, e.code().wire(), e.getMessage());
      }
    });
  }
}
