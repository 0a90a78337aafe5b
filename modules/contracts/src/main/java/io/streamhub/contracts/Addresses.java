package io.streamhub.contracts;

/**
 * Every event-bus address Streamhub uses. Names are dotted and versioned: a breaking change to a
 * message gets a new {@code .vN} suffix so old and new nodes can run side by side during a rollout.
 * No other class spells an address.
 */
public final class Addresses {

  /**
   * Node-local request: "is this node ready?". Body: none. Reply: {@link io.streamhub.contracts.ops.Readiness}
   * as JSON. Answered by the launcher of each node, which knows what it deployed.
   */
  public static final String OPS_READINESS = "ops.readiness.v1";

  /**
   * Cluster-wide request answered by any persistence verticle: "does the store answer?". Body: none.
   * Reply: {@link io.streamhub.contracts.ops.StorePing} as JSON; failure code 503 when the store does not answer.
   */
  public static final String PERSISTENCE_STORE_PING = "persistence.store.ping.v1";

  /**
   * Node-local publish of the whole effective configuration ({@link io.streamhub.contracts.config.StreamhubConfig}
   * as JSON) after a watched config file changed and the new configuration validated.
   */
  public static final String CONFIG_CHANGED = "config.changed.v1";

  /**
   * Cluster-wide request to any persistence verticle: store emitted replay events. Body:
   * {@code {"events": [StreamEventRecord...]}} (at most {@value #MAX_EVENTS_PER_APPEND}). Reply:
   * {@code {"stored": n}} once the store acknowledged; 400 on a malformed body, 503 when the store does not answer.
   */
  public static final String PERSISTENCE_REPLAY_EVENTS_APPEND = "persistence.replay.events.append.v1";

  /** Largest batch of {@link #PERSISTENCE_REPLAY_EVENTS_APPEND}. */
  public static final int MAX_EVENTS_PER_APPEND = 1000;

  /**
   * Cluster-wide request: page through a visitor's stored events, newest first. Body:
   * {@link io.streamhub.contracts.replay.EventsQuery}. Reply: {@code {"events": [StreamEventRecord...]}}.
   */
  public static final String PERSISTENCE_REPLAY_EVENTS_QUERY = "persistence.replay.events.query.v1";

  /**
   * Cluster-wide request: upsert the status of a visitor's latest stream. Body:
   * {@link io.streamhub.contracts.replay.StreamStatus}. Reply: {@code {}} once stored. A status whose
   * {@code last_update} is older than the stored one is ignored (statuses may arrive out of order from two owners).
   */
  public static final String PERSISTENCE_REPLAY_STATUS_SAVE = "persistence.replay.status.save.v1";

  /**
   * Cluster-wide request: the stored status of a visitor's latest stream. Body: {@code {"visitor_id": ...}}.
   * Reply: {@link io.streamhub.contracts.replay.StreamStatus}; 404 for a visitor never seen.
   */
  public static final String PERSISTENCE_REPLAY_STATUS_GET = "persistence.replay.status.get.v1";

  /**
   * Cluster-wide request: delete a visitor's stored status and events. Body: {@code {"visitor_id": ...}}.
   * Reply: {@code {"deleted_events": n}}.
   */
  public static final String PERSISTENCE_REPLAY_CLEAR = "persistence.replay.clear.v1";

  /**
   * Cluster-wide request to any replay verticle: attach a tab to its visitor's stream, starting, joining, resuming
   * or taking it over as needed. Body: {@link io.streamhub.contracts.replay.JoinStream}. Reply:
   * {@link io.streamhub.contracts.replay.StreamJoined}. Failures: 400 malformed, 404 unknown dataset,
   * 422 dataset could not be loaded (text names the file), 429 node at {@code replay.max_streams_per_node},
   * 503 no owner could be settled.
   */
  public static final String REPLAY_STREAM_JOIN = "replay.stream.join.v1";

  /**
   * Cluster-wide request to any replay verticle: leave, pause, resume, re-pace or stop a visitor's stream. Body:
   * {@link io.streamhub.contracts.replay.StreamControl}. Reply: {@link io.streamhub.contracts.replay.StreamStatus};
   * 404 when the visitor has no running stream.
   */
  public static final String REPLAY_STREAM_CONTROL = "replay.stream.control.v1";

  /**
   * Cluster-wide request to any replay verticle: the status of a visitor's latest stream. Body:
   * {@code {"visitor_id": ...}}. Reply: {@link io.streamhub.contracts.replay.StreamStatus}; 404 for a visitor never
   * seen.
   */
  public static final String REPLAY_STREAM_STATUS = "replay.stream.status.v1";

  /**
   * Cluster-wide request to any replay verticle: stop a visitor's stream and delete its stored status and events.
   * Body: {@code {"visitor_id": ...}}. Reply: {@code {"stopped": bool, "deleted_events": n}}.
   */
  public static final String REPLAY_STREAM_DELETE = "replay.stream.delete.v1";

  /**
   * Cluster-wide request to any replay verticle: the baseline points of a dataset. Body:
   * {@link io.streamhub.contracts.replay.BaselineQuery}. Reply: {@link io.streamhub.contracts.replay.DatasetBaseline};
   * 400 malformed, 404 unknown dataset or a dataset without {@code baseline}, 422 baseline file could not be loaded
   * (text names the file).
   */
  public static final String REPLAY_DATASET_BASELINE = "replay.dataset.baseline.v1";

  /**
   * Cluster-wide request to any ingress verticle: publish into a room as a client would (for roles that produce
   * room traffic, e.g. the stats of every pressure frame into {@code workout.<id>}). Body: {@code {"room", "data"}}.
   * Reply: {@code {"room", "seq"}}; 400 bad room or data, 429 backpressure, 503 cluster unavailable.
   */
  public static final String ROOMS_PUBLISH = "rooms.publish.v1";

  /**
   * Cluster-wide request to any stats verticle: join a workout session (creating it, or continuing its count).
   * Body: {@code {"workout_id", "user_id"?}}: a new workout belongs to {@code user_id} (absent: to nobody, open to
   * anyone). Reply: {@code {"workout_id", "status": "active", "frame_count"}}; 403 when the workout belongs to
   * another user.
   */
  public static final String STATS_SESSION_JOIN = "stats.session.join.v1";

  /**
   * Cluster-wide request to any stats verticle: validate, number, compute and store one pressure frame. Body:
   * {@code {"workout_id", "frame": <the client's pressure_frame data>, "member_id", "connection_id"}} — the last two
   * say where to push {@code frames_persisted} when a frame stored late. Reply:
   * {@code {"workout_id", "frame_count", "stats", "timestamp", "persisted"}} — {@code persisted} is true only once
   * the store acknowledged the frame. Failures: 400 invalid frame (the text names the field), 404 no session for the
   * workout, 429 too many frames not yet stored ({@code pressure.max_unpersisted_frames}; the frame got no number).
   */
  public static final String STATS_FRAME_PROCESS = "stats.frame.process.v1";

  /**
   * Cluster-wide publish by the stats role when a session ended for being idle ({@code pressure.idle_timeout_ms}).
   * Body: {@code {"workout_id", "frame_count", "summary"}}. Every ingress sends it as {@code session_ended} to its
   * connections that joined the workout.
   */
  public static final String PRESSURE_SESSION_ENDED = "pressure.session.ended.v1";

  /**
   * Cluster-wide request to any stats verticle: a workout session's state. Body: {@code {"workout_id"}}. Reply:
   * {@code {"workout_id", "status": "active"|"ended", "frame_count", "summary", "owner_sub"}} ({@code owner_sub}
   * null: nobody's), from the live session or, when the cluster no longer holds it, from the store; 404 for a
   * workout never seen.
   */
  public static final String STATS_SESSION_GET = "stats.session.get.v1";

  /**
   * Cluster-wide request to any stats verticle: end a workout session. Body: {@code {"workout_id"}}. Reply:
   * {@code {"workout_id", "frame_count", "summary"}}; 404 when the workout has no session.
   */
  public static final String STATS_SESSION_LEAVE = "stats.session.leave.v1";

  /**
   * Cluster-wide publish to every ingress: push one event to every connection of a user. Body:
   * {@code {"user_id", "event", "data"}} where {@code user_id} is the token's {@code sub} and {@code data} a JSON
   * object. Used by the dashboard role for {@code dashboard_update}, {@code new_prediction}, {@code system_alert}.
   */
  public static final String USER_PUSH = "ingress.user.push.v1";

  /**
   * Cluster-wide publish by an ingress when an authenticated connection opens or closes, and again every
   * {@code auth.ws.presence_refresh_ms} for each still-open one (so a dead node's users expire). Body:
   * {@code {"user_id", "member_id", "connection_id", "online": boolean}}.
   */
  public static final String DASHBOARD_PRESENCE = "dashboard.presence.v1";

  /**
   * Cluster-wide request to any dashboard verticle: the user's current dashboard. Body: {@code {"user_id"}}. Reply:
   * DashboardData ({@code {"user_id", "timestamp", "metrics", "recent_activity", "trends", "alerts"}}); 400 on a
   * missing {@code user_id}.
   */
  public static final String DASHBOARD_DATA_GET = "dashboard.data.get.v1";

  /**
   * Cluster-wide request to any dashboard verticle: a {@code user_action} of the client protocol. Body:
   * {@code {"user_id", "action": "filter"|"date_range"|"refresh"|"export", "data", "timestamp"}}. Reply:
   * {@code {"dashboard_update": DashboardData, "export": {"format", "content_type", "body"}?}}; 400 naming the field
   * on a bad action.
   */
  public static final String DASHBOARD_USER_ACTION = "dashboard.user.action.v1";

  /**
   * Cluster-wide send (point to point, one dashboard verticle handles each) by the replay role for every scored row
   * of a stream that belongs to a user. Body: {@link io.streamhub.contracts.dashboard.PredictionEvent}. The dashboard
   * pushes {@code new_prediction} to the user, and a {@code system_alert} for a high-risk one.
   */
  public static final String DASHBOARD_PREDICTION = "dashboard.prediction.v1";

  /**
   * Cluster-wide send (point to point) by the persistence role after it stored frames of a workout that has an
   * owner. Body: {@code {"user_id", "workout_id", "frames", "peak_pressure", "timestamp"}} ({@code peak_pressure}:
   * the largest cell of the stored frames). The dashboard sends a {@code system_alert} when the peak reaches
   * {@code dashboard.pressure_peak_alert}.
   */
  public static final String DASHBOARD_PRESSURE_STORED = "dashboard.pressure.stored.v1";

  /**
   * Cluster-wide request to any persistence verticle: what is stored about one user, for a dashboard. Body:
   * {@link io.streamhub.contracts.dashboard.DashboardSnapshot#request}. Reply:
   * {@link io.streamhub.contracts.dashboard.DashboardSnapshot}; 400 on a malformed body, 503 when the store does not
   * answer.
   */
  public static final String PERSISTENCE_DASHBOARD_SNAPSHOT = "persistence.dashboard.snapshot.v1";

  /**
   * Cluster-wide request to any persistence verticle: store processed pressure frames. Body:
   * {@code {"frames": [FrameRecord#toJson...]}} (matrix packed; at most {@value #MAX_FRAMES_PER_APPEND}, in frame
   * order). Reply:
   * {@code {"stored": n}} once the store acknowledged every one of them; a frame already stored (same workout and
   * frame number) is not stored twice and still counts as acknowledged. 400 on a malformed body, 503 when the store
   * does not answer.
   */
  public static final String PERSISTENCE_PRESSURE_FRAMES_APPEND = "persistence.pressure.frames.append.v1";

  /** Largest batch of {@link #PERSISTENCE_PRESSURE_FRAMES_APPEND}. */
  public static final int MAX_FRAMES_PER_APPEND = 10_000;

  /**
   * Cluster-wide request: page through a workout's stored frames, newest first. Body:
   * {@code {"workout_id", "limit" (1..1000), "offset" (>= 0)}}. Reply: {@code {"frames": [FrameRecord#toApiJson...]}}
   * (matrix as rows, as clients see it).
   */
  public static final String PERSISTENCE_PRESSURE_FRAMES_QUERY = "persistence.pressure.frames.query.v1";

  /**
   * Cluster-wide request: upsert a workout session. Body: {@link io.streamhub.contracts.pressure.SessionRecord}.
   * Reply: {@code {}} once stored; a record whose {@code frame_count} is lower than the stored one is ignored.
   */
  public static final String PERSISTENCE_PRESSURE_SESSION_SAVE = "persistence.pressure.session.save.v1";

  /**
   * Cluster-wide request: a stored workout session. Body: {@code {"workout_id": ...}}. Reply:
   * {@link io.streamhub.contracts.pressure.SessionRecord}; 404 for a workout never seen.
   */
  public static final String PERSISTENCE_PRESSURE_SESSION_GET = "persistence.pressure.session.get.v1";

  /**
   * Cluster-wide request to any persistence verticle: the stored workouts a caller may open, most recently updated
   * first. Body: {@link io.streamhub.contracts.pressure.SessionsQuery} ({@code {"limit" (1..100), "viewer_sub"}};
   * {@code viewer_sub} null: an anonymous caller, who sees only workouts that belong to nobody; a user sees its own
   * and those of nobody). Reply: {@link io.streamhub.contracts.pressure.StoredSessions}
   * ({@code {"sessions": [{"workout_id", "status", "frame_count", "updated_at" (epoch ms)}]}}, ordered by
   * {@code updated_at} descending, then workout id). The {@code frame_count} of an active session is the stored one,
   * which lags the live count of the cluster. 400 on a malformed body (the text names the field), 503 when the store
   * does not answer.
   */
  public static final String PERSISTENCE_PRESSURE_SESSIONS_LIST = "persistence.pressure.sessions.list.v1";

  /**
   * Published by an application embedding Streamhub to emit an event to a room of one of its Socket.IO namespaces;
   * every ingress delivers it to its sockets in that room. Body: {@link io.streamhub.contracts.socketio.RoomEmit}.
   */
  public static final String SOCKETIO_ROOM_EMIT = "socketio.room.emit.v1";

  /** Prefix of the address of the replay verticle on one node; requests are forwarded there to a stream's owner. */
  private static final String REPLAY_OWNER_PREFIX = "replay.stream.owner.v1.";

  /** Prefix of the per-ingress-instance address receiving pushes for one connection, see {@link #connectionPush}. */
  private static final String CONNECTION_PUSH_PREFIX = "ingress.connection.push.v1.";

  /** Prefix of the per-ingress-instance address receiving {@link io.streamhub.contracts.replay.StreamDeliveries}. */
  private static final String REPLAY_DELIVER_PREFIX = "replay.deliver.v1.";

  /**
   * Prefix of the per-ingress-instance delivery address; the full address is the prefix plus the member id
   * registered in the room directory. Body: {@link io.streamhub.contracts.rooms.RoomMessage} as JSON.
   */
  private static final String ROOMS_DELIVER_PREFIX = "rooms.deliver.v1.";

  /** Prefix of the per-ingress address serving forwarded Socket.IO polling requests, see {@link #socketIoForward}. */
  private static final String SOCKETIO_FORWARD_PREFIX = "socketio.polling.forward.v1.";

  /** Prefix of the per-ingress address of recovered sockets bridged between nodes, see {@link #socketIoBridge}. */
  private static final String SOCKETIO_BRIDGE_PREFIX = "socketio.bridge.v1.";

  /** Prefix of the per-ingress-instance address of relayed Engine.IO WebSockets, see {@link #socketIoWsRelay}. */
  private static final String SOCKETIO_WS_RELAY_PREFIX = "socketio.ws.relay.v1.";

  private Addresses() {
  }

  /** The delivery address of one ingress instance (one member of the room directory). */
  public static String roomsDeliver(String memberId) {
    return ROOMS_DELIVER_PREFIX + memberId;
  }

  /**
   * The replay verticle of one node, to which other replay verticles forward join and control requests for the
   * streams that node owns. Same bodies and replies as {@link #REPLAY_STREAM_JOIN} and
   * {@link #REPLAY_STREAM_CONTROL}, with a header {@code op} of {@code join} or {@code control}; failure 410 when
   * the node no longer runs the stream.
   */
  public static String replayOwner(String nodeId) {
    return REPLAY_OWNER_PREFIX + nodeId;
  }

  /** The address where one ingress instance receives stream events for the tabs it holds. */
  public static String replayDeliver(String memberId) {
    return REPLAY_DELIVER_PREFIX + memberId;
  }

  /**
   * The address where one ingress instance pushes an event to one of its connections (e.g. {@code frames_persisted}
   * to the device that sent the frames). Body: {@code {"connection_id", "event", "data"}}; a connection that has gone
   * is skipped.
   */
  public static String connectionPush(String memberId) {
    return CONNECTION_PUSH_PREFIX + memberId;
  }

  /**
   * The address of one ingress instance that serves the Engine.IO polling requests of its sessions which a load
   * balancer sent to another node. Body: {@link io.streamhub.contracts.socketio.ForwardedPoll}; reply:
   * {@link io.streamhub.contracts.socketio.PollAnswer}. No consumer means the session's node is gone.
   */
  public static String socketIoForward(String memberId) {
    return SOCKETIO_FORWARD_PREFIX + memberId;
  }

  /**
   * The address of one ingress instance for Socket.IO sockets recovered on another node: the socket stays on the
   * ingress that held it and talks to its client's new session through this address on both sides. Body and reply:
   * {@link io.streamhub.contracts.socketio.BridgeFrame}.
   */
  public static String socketIoBridge(String memberId) {
    return SOCKETIO_BRIDGE_PREFIX + memberId;
  }

  /**
   * The address of one ingress instance for Engine.IO WebSockets relayed between nodes: a WebSocket upgrade that a
   * load balancer sent to another node than its session's is accepted there and its frames travel over this address
   * to and from the session's ingress. Body: {@link io.streamhub.contracts.socketio.WsRelayFrame}.
   */
  public static String socketIoWsRelay(String memberId) {
    return SOCKETIO_WS_RELAY_PREFIX + memberId;
  }
}
