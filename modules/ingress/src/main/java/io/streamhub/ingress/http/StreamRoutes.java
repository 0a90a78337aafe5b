package io.streamhub.ingress.http;

import io.streamhub.contracts.Addresses;
import io.streamhub.contracts.FailureCodes;
import io.streamhub.contracts.replay.EventsQuery;
import io.streamhub.contracts.replay.VisitorId;
import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The replay status API: {@code GET /api/v1/streams/{visitor}}, {@code GET .../events?limit=&offset=} (newest first,
 * {@code limit} 1–1000, default 100) and {@code DELETE /api/v1/streams/{visitor}}.
 */
public final class StreamRoutes {

  static final int DEFAULT_LIMIT = 100;

  private final EventBus bus;

  private StreamRoutes(EventBus bus) {
    this.bus = bus;
  }

  public static void mount(Router router, EventBus bus) {
    StreamRoutes routes = new StreamRoutes(bus);
    router.get("/api/v1/streams/:visitor").handler(routes::status);
    router.get("/api/v1/streams/:visitor/events").handler(routes::events);
    router.delete("/api/v1/streams/:visitor").handler(routes::delete);
  }

  private void status(RoutingContext rc) {
    String visitor = visitor(rc);
    if (visitor != null) {
      reply(rc, bus.<JsonObject>request(Addresses.REPLAY_STREAM_STATUS, new JsonObject().put("visitor_id", visitor))
          .map(Message::body));
    }
  }

  private void events(RoutingContext rc) {
    String visitor = visitor(rc);
    if (visitor == null) {
      return;
    }
    EventsQuery query;
    try {
      query = new EventsQuery(visitor, intParam(rc, "limit", DEFAULT_LIMIT), intParam(rc, "offset", 0));
    } catch (IllegalArgumentException e) {
      HttpErrors.send(rc, 400, "invalid_parameter", e.getMessage());
      return;
    }
    reply(rc, bus.<JsonObject>request(Addresses.PERSISTENCE_REPLAY_EVENTS_QUERY, query.toJson())
        .map(m -> new JsonObject().put("visitor_id", visitor).put("limit", query.limit())
            .put("offset", query.offset()).put("events", m.body().getJsonArray("events"))));
  }

  private void delete(RoutingContext rc) {
    String visitor = visitor(rc);
    if (visitor != null) {
      reply(rc, bus.<JsonObject>request(Addresses.REPLAY_STREAM_DELETE, new JsonObject().put("visitor_id", visitor))
          .map(m -> m.body().put("visitor_id", visitor)));
    }
  }

  private static String visitor(RoutingContext rc) {
    String visitor = rc.pathParam("visitor");
    if (!VisitorId.isValid(visitor)) {
      HttpErrors.send(rc, 400, "invalid_visitor_id", "visitor id must be 1-64 characters of [A-Za-z0-9_-]");
      return null;
    }
    return visitor;
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

  static void reply(RoutingContext rc, Future<JsonObject> result) {
    result.onSuccess(body -> rc.response().putHeader("content-type", "application/json").end(body.encode()))
        .onFailure(failure -> {
          if (failure instanceof ReplyException re && re.failureType() == ReplyFailure.RECIPIENT_FAILURE) {
            int status = re.failureCode() >= 400 && re.failureCode() < 600 ? re.failureCode() : 500;
            HttpErrors.send(rc, status, status == FailureCodes.NOT_FOUND ? "not_found" : "failed", re.getMessage());
          } else {
            HttpErrors.send(rc, 503, "unavailable", "no node with the replay and persistence roles answered: "
                + failure.getMessage());
          }
        });
  }
}
