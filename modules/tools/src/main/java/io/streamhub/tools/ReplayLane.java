package io.streamhub.tools;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The visitors of one event loop in {@code bench replay}: its share of the connections, the joins sent over them,
 * and what their frames say. Each frame is parsed and counted on arrival, nothing is queued. Every method hops onto
 * the lane's own context, so all state is confined to one event loop; only the latency histogram is shared (locked).
 */
final class ReplayLane extends VerticleBase {

  private static final Set<String> NOT_ROWS = Set.of("connected", "ack", "error", "stream_started",
      "stream_complete", "stream_error", "stream_gone", "stream_state", "joined_existing_stream", "stream_resumed");

  /** A visitor of this lane and the connection its tab is on. */
  private record Visitor(String id, WebSocket ws) {
  }

  private final ReplayBenchOptions options;
  private final int lane;
  private final int lanes;
  private final String runId;
  private final LatencyHistogram lag;
  private final StreamContiguity contiguity = new StreamContiguity();
  private final List<Visitor> visitors = new ArrayList<>();
  private final List<WebSocket> sockets = new ArrayList<>();
  private final Map<String, Visitor> byId = new HashMap<>();
  private final Map<String, Visitor> byStream = new HashMap<>();
  private final Map<Long, Visitor> pendingAcks = new HashMap<>();
  private final Promise<Void> allStarted = Promise.promise();
  private final Set<String> startedVisitors = new HashSet<>();
  private long nextAck = 1;
  private int joinsSent;
  private long rowsTotal;
  private long rowsInWindow;
  private long windowStartNs;
  /** The measurement window: 0 not opened yet, 1 open, 2 closed. */
  private int window;
  private long rejoins;
  private long joinErrors;
  private long unexpectedCloses;
  private String firstError;
  private boolean closing;
  /** Held for the lane's life: an unreachable client is closed by Vert.x, connections and all. */
  private WebSocketClient client;

  ReplayLane(ReplayBenchOptions options, int lane, int lanes, String runId, LatencyHistogram lag) {
    this.options = options;
    this.lane = lane;
    this.lanes = lanes;
    this.runId = runId;
    this.lag = lag;
  }

  /** Opens this lane's connections and assigns their visitors. */
  @Override
  public Future<?> start() {
    client = vertx.createWebSocketClient(new WebSocketClientOptions()
        .setMaxConnections(options.connections()).setMaxFrameSize(1 << 20).setMaxMessageSize(1 << 22));
    List<Future<WebSocket>> connecting = new ArrayList<>();
    for (int c = lane; c < options.connections(); c += lanes) {
      connecting.add(client.connect(new WebSocketConnectOptions().setHost(options.url().getHost())
          .setPort(options.url().getPort()).setURI(options.wsPath())).onSuccess(this::attach));
    }
    return Future.all(connecting).onSuccess(all -> {
      List<WebSocket> ordered = all.list();
      for (int v = 0; v < options.streams(); v++) {
        int connection = v % options.connections();
        if (connection % lanes == lane) {
          Visitor visitor = new Visitor("bench-" + runId + "-" + v, ordered.get(connection / lanes));
          visitors.add(visitor);
          byId.put(visitor.id(), visitor);
        }
      }
    });
  }

  @Override
  public Future<?> stop() {
    closing = true;
    return Future.join(sockets.stream().map(WebSocket::close).toList()).eventually(() -> client.close());
  }

  /** Sends the joins at this lane's share of the join rate; completes once every visitor's stream has started. */
  Future<Void> joinAll() {
    return onContext(() -> {
      double perMs = options.joinRate() / (double) lanes / 1000.0;
      long startNs = System.nanoTime();
      checkAllStarted();
      if (!visitors.isEmpty()) {
        vertx.setPeriodic(10, timer -> {
          double due = Math.min(visitors.size(), (System.nanoTime() - startNs) / 1e6 * perMs + 1);
          while (joinsSent < due) {
            join(visitors.get(joinsSent++));
          }
          if (joinsSent >= visitors.size() || allStarted.future().failed()) {
            vertx.cancelTimer(timer);
          }
        });
      }
      return allStarted.future();
    });
  }

  Future<Void> beginWindow() {
    return onContext(() -> {
      window = 1;
      windowStartNs = System.nanoTime();
      return Future.succeededFuture();
    });
  }

  /** Ends the measurement window and returns what this lane saw. */
  Future<ReplayLaneStats> endWindow() {
    return onContext(() -> {
      double seconds = window == 0 ? 0 : (System.nanoTime() - windowStartNs) / 1e9;
      window = 2;
      return Future.succeededFuture(new ReplayLaneStats(visitors.size(), startedVisitors.size(), rowsInWindow,
          seconds, rowsTotal, rejoins, contiguity.gaps(), contiguity.missingRows(), contiguity.duplicates(),
          contiguity.strays(), joinErrors, unexpectedCloses, firstError));
    });
  }

  private <T> Future<T> onContext(Supplier<Future<T>> action) {
    Promise<T> promise = Promise.promise();
    context.runOnContext(v -> action.get().onComplete(promise));
    return promise.future();
  }

  private void attach(WebSocket ws) {
    sockets.add(ws);
    ws.textMessageHandler(text -> onFrame(new JsonObject(text)));
    ws.exceptionHandler(e -> error("connection error: " + e.getMessage()));
    ws.closeHandler(v -> {
      if (!closing) {
        unexpectedCloses++;
        error("the node closed a connection: " + ws.closeStatusCode() + " " + ws.closeReason());
      }
    });
  }

  private void join(Visitor visitor) {
    long ack = nextAck++;
    pendingAcks.put(ack, visitor);
    visitor.ws().writeTextMessage(new JsonObject().put("event", "join_stream").put("ack", ack).put("data",
        new JsonObject().put("visitor_id", visitor.id()).put("dataset", options.dataset())).encode());
  }

  private void onFrame(JsonObject frame) {
    String event = frame.getString("event", "");
    JsonObject data = frame.getJsonObject("data", new JsonObject());
    if (!NOT_ROWS.contains(event)) {
      row(data);
      return;
    }
    switch (event) {
      case "stream_started" -> started(data);
      case "stream_complete" -> completed(data);
      case "ack" -> pendingAcks.remove(frame.getLong("ack"));
      case "error" -> refused(frame.getLong("ack"), data.getString("code") + ": " + data.getString("message"));
      case "stream_error" -> refusedVisitor(byId.get(data.getString("visitor_id")), "stream_error: "
          + data.getString("message"));
      case "joined_existing_stream", "stream_resumed", "stream_gone" -> refusedVisitor(
          byId.get(data.getString("visitor_id")), "unexpected " + event + " for a fresh visitor id");
      default -> {
        // connected, stream_state: nothing to count
      }
    }
  }

  private void row(JsonObject data) {
    String streamId = data.getString("stream_id");
    Long seq = data.getLong("seq");
    if (streamId == null || seq == null) {
      return;
    }
    rowsTotal++;
    contiguity.row(streamId, seq);
    if (window == 1) {
      rowsInWindow++;
      long lagUs = (System.currentTimeMillis() - data.getLong("ts", 0L)) * 1000;
      synchronized (lag) {
        lag.recordMicros(lagUs);
      }
    }
  }

  private void started(JsonObject data) {
    Visitor visitor = byId.get(data.getString("visitor_id"));
    if (visitor == null) {
      return;
    }
    String streamId = data.getString("stream_id");
    byStream.put(streamId, visitor);
    contiguity.started(streamId);
    if (startedVisitors.add(visitor.id())) {
      checkAllStarted();
    }
  }

  /** A stream replayed its last row: the visitor joins again, so the count of running streams stays up. */
  private void completed(JsonObject data) {
    String streamId = data.getString("stream_id");
    contiguity.completed(streamId, data.getLong("streamed", 0L));
    Visitor visitor = byStream.remove(streamId);
    if (visitor != null && !closing) {
      rejoins++;
      join(visitor);
    }
  }

  private void refused(Long ack, String message) {
    refusedVisitor(ack == null ? null : pendingAcks.remove(ack), message);
  }

  /** A join was refused, or (no visitor known) the node reported an error for something this lane sent. */
  private void refusedVisitor(Visitor visitor, String message) {
    joinErrors++;
    error(visitor == null ? "error from the node: " + message
        : "join_stream of " + visitor.id() + " refused: " + message);
  }

  private void error(String message) {
    if (firstError == null) {
      firstError = message;
    }
    allStarted.tryFail(message);
  }

  private void checkAllStarted() {
    if (startedVisitors.size() == visitors.size()) {
      allStarted.tryComplete();
    }
  }
}
