package io.streamhub.ingress.http;

import io.streamhub.contracts.Addresses;
import io.streamhub.contracts.pressure.SessionRecord;
import io.streamhub.contracts.pressure.SessionsQuery;
import io.streamhub.contracts.pressure.StoredSessions;
import io.streamhub.ingress.auth.AuthenticatedUser;
import io.streamhub.ingress.protocol.ErrorCode;
import io.vertx.core.Future;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/v1/sessions?limit=20}: the stored workouts the caller may open, most recently updated first, as
 * {@code {"sessions": [{"workout_id", "status", "frame_count", "updated_at"}]}} ({@code limit} 1–100, default 20).
 * The list comes from the store ({@link Addresses#PERSISTENCE_PRESSURE_SESSIONS_LIST}); each active session's status
 * and frame count are then taken from the live session of the cluster ({@link Addresses#STATS_SESSION_GET}, one
 * Hazelcast map read each, in parallel), since the stored count only changes on join and leave. A live read that
 * fails or takes longer than {@value #LIVE_TIMEOUT_MS} ms keeps the stored values.
 */
final class SessionListRoute {

  static final int DEFAULT_LIMIT = 20;
  static final long LIVE_TIMEOUT_MS = 2_000;
  private static final Logger LOG = LoggerFactory.getLogger(SessionListRoute.class);

  private final EventBus bus;

  SessionListRoute(EventBus bus) {
    this.bus = bus;
  }

  /** Answers the request for {@code caller} (empty: anonymous), who has passed the session routes' auth check. */
  void list(RoutingContext rc, Optional<AuthenticatedUser> caller) {
    int limit;
    try {
      limit = limit(rc.queryParams().get("limit"));
    } catch (IllegalArgumentException e) {
      HttpErrors.send(rc, 400, "invalid_parameter", e.getMessage());
      return;
    }
    SessionsQuery query = new SessionsQuery(limit, caller.map(AuthenticatedUser::sub).orElse(null));
    bus.<JsonObject>request(Addresses.PERSISTENCE_PRESSURE_SESSIONS_LIST, query.toJson())
        .map(reply -> StoredSessions.fromJson(reply.body()))
        .onFailure(e -> HttpErrors.send(rc, 503, ErrorCode.UNAVAILABLE.wire(), "no persistence node answered: "
            + e.getMessage()))
        .compose(this::withLiveCounts)
        .onSuccess(sessions -> rc.response().putHeader("content-type", "application/json")
            .end(sessions.toJson().encode()));
  }

  /** {@code limit} as a whole number 1–100, {@value #DEFAULT_LIMIT} when absent; the message names {@code limit}. */
  static int limit(String raw) {
    if (raw == null) {
      return DEFAULT_LIMIT;
    }
    int limit;
    try {
      limit = Integer.parseInt(raw);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("limit must be a whole number from 1 to " + SessionsQuery.MAX_LIMIT
          + ", got \"" + raw + "\"");
    }
    if (limit < 1 || limit > SessionsQuery.MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be from 1 to " + SessionsQuery.MAX_LIMIT + ", got " + limit);
    }
    return limit;
  }

  private Future<StoredSessions> withLiveCounts(StoredSessions stored) {
    List<Future<StoredSessions.Entry>> entries = stored.sessions().stream()
        .map(entry -> SessionRecord.ACTIVE.equals(entry.status()) ? live(entry) : Future.succeededFuture(entry))
        .toList();
    return Future.all(entries).map(all -> new StoredSessions(entries.stream().map(Future::result).toList()));
  }

  /** The entry with the cluster's live status and count; the stored entry when the stats role does not answer. */
  private Future<StoredSessions.Entry> live(StoredSessions.Entry entry) {
    JsonObject request = new JsonObject().put("workout_id", entry.workoutId());
    return bus.<JsonObject>request(Addresses.STATS_SESSION_GET, request,
            new DeliveryOptions().setSendTimeout(LIVE_TIMEOUT_MS))
        .map(Message::body)
        .map(live -> new StoredSessions.Entry(entry.workoutId(), live.getString("status", entry.status()),
            Math.max(entry.frameCount(), live.getLong("frame_count", 0L)), entry.updatedAtMs()))
        .otherwise(failure -> {
          LOG.debug("live count of workout {} unknown, listing the stored one: {}", entry.workoutId(),
              failure.getMessage());
          return entry;
        });
  }
}
