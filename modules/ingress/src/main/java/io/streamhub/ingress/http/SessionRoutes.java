package io.streamhub.ingress.http;

import io.streamhub.ingress.auth.AuthFailure;
import io.streamhub.ingress.auth.AuthenticatedUser;
import java.util.Optional;
import io.streamhub.contracts.Addresses;
import io.streamhub.contracts.pressure.WorkoutId;
import io.streamhub.ingress.pressure.PressureEvents;
import io.streamhub.ingress.protocol.ErrorCode;
import io.streamhub.ingress.protocol.ProtocolException;
import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * The HTTP fallback of pressure sessions: {@code GET /api/v1/sessions?limit=} (the stored workouts the caller may
 * open, see {@link SessionListRoute}), {@code POST /api/v1/sessions/{workout}} (join), {@code POST .../frames}
 * (one frame object, or an array processed in order), {@code GET /api/v1/sessions/{workout}} (status and summary)
 * and {@code GET .../frames?limit=&offset=} (newest first, limit 1–1000, default 100).
 */
public final class SessionRoutes {

  private final PressureEvents pressure;
  private final EventBus bus;
  private final BearerAuth auth;
  private final SessionListRoute list;

  private SessionRoutes(PressureEvents pressure, EventBus bus, BearerAuth auth) {
    this.pressure = pressure;
    this.bus = bus;
    this.auth = auth;
    this.list = new SessionListRoute(bus);
  }

  public static void mount(Router router, PressureEvents pressure, EventBus bus, int bodyLimit, BearerAuth auth) {
    SessionRoutes routes = new SessionRoutes(pressure, bus, auth);
    router.get("/api/v1/sessions").handler(rc -> routes.caller(rc).onSuccess(user -> routes.list.list(rc, user)));
    router.post("/api/v1/sessions/:workout").handler(routes::join);
    router.post("/api/v1/sessions/:workout/frames").handler(BodyHandler.create(false).setBodyLimit(bodyLimit))
        .handler(routes::frames);
    router.get("/api/v1/sessions/:workout").handler(routes::status);
    router.get("/api/v1/sessions/:workout/frames").handler(routes::listFrames);
  }

  private void join(RoutingContext rc) {
    String workout = workout(rc);
    if (workout != null) {
      caller(rc).onSuccess(user -> reply(rc, pressure.joinOverHttp(workout,
          user.map(AuthenticatedUser::sub).orElse(null))));
    }
  }

  private void status(RoutingContext rc) {
    String workout = workout(rc);
    if (workout != null) {
      owned(rc, workout).onSuccess(v -> reply(rc, pressure.statusOverHttp(workout)));
    }
  }

  /**
   * The caller: {@code Authorization: Bearer} is required when {@code auth.required.pressure}, optional otherwise
   * (a token given is checked, and makes the caller the owner of a workout it creates). Answers 401 itself.
   */
  private Future<Optional<AuthenticatedUser>> caller(RoutingContext rc) {
    Future<Optional<AuthenticatedUser>> user = pressure.authRequired() ? auth.requireUser(rc).map(Optional::of)
        : auth.user(rc);
    return user.onFailure(e -> BearerAuth.refuse(rc, e));
  }

  /**
   * Succeeds when the caller may use the workout: it has no owner, or the caller is its owner. Answers 401 or 403
   * itself.
   */
  private Future<Void> owned(RoutingContext rc, String workout) {
    return caller(rc).compose(user -> pressure.ownerOf(workout).<Void>compose(owner -> {
      if (owner == null || owner.equals(user.map(AuthenticatedUser::sub).orElse(null))) {
        return Future.succeededFuture();
      }
      if (user.isEmpty()) {
        BearerAuth.refuse(rc, AuthFailure.unauthorized("workout " + workout + " belongs to a user; send "
            + "Authorization: Bearer <token>"));
      } else {
        HttpErrors.send(rc, 403, ErrorCode.FORBIDDEN.wire(), "workout " + workout + " belongs to another user");
      }
      return Future.failedFuture(AuthFailure.unauthorized("refused"));
    }).onFailure(e -> HttpErrors.send(rc, 503, ErrorCode.UNAVAILABLE.wire(), "session owner unknown: "
        + e.getMessage())));
  }

  private void frames(RoutingContext rc) {
    String workout = workout(rc);
    if (workout != null) {
      owned(rc, workout).onSuccess(v -> processFrames(rc, workout));
    }
  }

  private void processFrames(RoutingContext rc, String workout) {
    Object body;
    try {
      body = rc.body().buffer() == null ? null : Json.decodeValue(rc.body().buffer());
    } catch (DecodeException e) {
      HttpErrors.send(rc, 400, ErrorCode.BAD_JSON.wire(), "body is not valid JSON");
      return;
    }
    if (body instanceof JsonObject frame) {
      reply(rc, pressure.frameOverHttp(workout, frame));
    } else if (body instanceof JsonArray batch) {
      processInOrder(workout, batch, 0, new JsonArray())
          .onSuccess(results -> rc.response().putHeader("content-type", "application/json")
              .end(new JsonObject().put("results", results).encode()));
    } else {
      HttpErrors.send(rc, 400, ErrorCode.BAD_FRAME.wire(), "body must be a frame object or an array of frames");
    }
  }

  /** Frames of one request are processed one after another, so they are numbered in the order sent. */
  private Future<JsonArray> processInOrder(String workout, JsonArray batch, int i, JsonArray results) {
    if (i == batch.size()) {
      return Future.succeededFuture(results);
    }
    Future<JsonObject> one = batch.getValue(i) instanceof JsonObject frame ? pressure.frameOverHttp(workout, frame)
        : Future.failedFuture(ProtocolException.invalidField("[" + i + "]", "must be a frame object"));
    return one.map(processed -> results.add(processed))
        .recover(e -> Future.succeededFuture(results.add(errorJson(e))))
        .compose(r -> processInOrder(workout, batch, i + 1, r));
  }

  private void listFrames(RoutingContext rc) {
    String workout = workout(rc);
    if (workout != null) {
      owned(rc, workout).onSuccess(v -> queryFrames(rc, workout));
    }
  }

  private void queryFrames(RoutingContext rc, String workout) {
    int limit;
    int offset;
    try {
      limit = intParam(rc, "limit", 100);
      offset = intParam(rc, "offset", 0);
    } catch (IllegalArgumentException e) {
      HttpErrors.send(rc, 400, "invalid_parameter", e.getMessage());
      return;
    }
    if (limit < 1 || limit > 1000 || offset < 0) {
      HttpErrors.send(rc, 400, "invalid_parameter", "limit must be 1-1000 and offset 0 or more, got limit " + limit
          + ", offset " + offset);
      return;
    }
    bus.<JsonObject>request(Addresses.PERSISTENCE_PRESSURE_FRAMES_QUERY, new JsonObject().put("workout_id", workout)
            .put("limit", limit).put("offset", offset))
        .onSuccess(m -> rc.response().putHeader("content-type", "application/json").end(new JsonObject()
            .put("workout_id", workout).put("limit", limit).put("offset", offset)
            .put("frames", m.body().getJsonArray("frames")).encode()))
        .onFailure(e -> HttpErrors.send(rc, 503, ErrorCode.UNAVAILABLE.wire(), "no persistence node answered: "
            + e.getMessage()));
  }

  private static String workout(RoutingContext rc) {
    String workout = rc.pathParam("workout");
    if (!WorkoutId.isValid(workout)) {
      HttpErrors.send(rc, 400, ErrorCode.INVALID_FIELD.wire(), "workout_id must be 1-64 characters of [A-Za-z0-9_-]");
      return null;
    }
    return workout;
  }

  private static int intParam(RoutingContext rc, String name, int absent) {
    String raw = rc.queryParams().get(name);
    if (raw == null) {
      return absent;
    }
    try {
      return Integer.parseInt(raw);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number, got \"" + raw + "\"");
    }
  }

  private static JsonObject errorJson(Throwable e) {
    ErrorCode code = e instanceof ProtocolException pe ? pe.code() : ErrorCode.INTERNAL;
    return new JsonObject().put("error", new JsonObject().put("code", code.wire()).put("message", e.getMessage()));
  }

  private static void reply(RoutingContext rc, Future<JsonObject> result) {
    result.onSuccess(body -> rc.response().putHeader("content-type", "application/json").end(body.encode()))
        .onFailure(e -> {
          ErrorCode code = e instanceof ProtocolException pe ? pe.code() : ErrorCode.INTERNAL;
          int status = switch (code) {
            case INVALID_FIELD, BAD_FRAME, BAD_JSON -> 400;
            case NOT_JOINED -> 404;
            case UNAUTHORIZED, TOKEN_EXPIRED -> 401;
            case FORBIDDEN -> 403;
            case BACKPRESSURE -> 429;
            case UNAVAILABLE -> 503;
            default -> 500;
          };
          HttpErrors.send(rc, status, code.wire(), e.getMessage());
        });
  }
}
