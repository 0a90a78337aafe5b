package io.streamhub.tools;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.io.PrintStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Room fan-out benchmark: connects subscribers (spread over the given nodes and rooms), publishes at a fixed rate
 * from one publisher per node, and reports end-to-end latency (publish written to receipt, same JVM clock) and
 * delivery completeness. Run against a node you started yourself; every request goes to the URLs given.
 */
public final class RoomBench {

  private final BenchOptions options;
  private final PrintStream out;
  private final LatencyHistogram histogram = new LatencyHistogram();
  private long received;
  private long sent;
  private long outOfOrder;

  RoomBench(BenchOptions options, PrintStream out) {
    this.options = options;
    this.out = out;
  }

  public static int run(String[] args, PrintStream out, PrintStream err) {
    BenchOptions options;
    try {
      options = BenchOptions.parse(args);
    } catch (IllegalArgumentException e) {
      err.println("bench: " + e.getMessage());
      err.println(BenchOptions.USAGE);
      return 2;
    }
    if (options.help()) {
      out.println(BenchOptions.USAGE);
      return 0;
    }
    Vertx vertx = Vertx.vertx();
    try {
      BenchResult result = new RoomBench(options, out).execute(vertx)
          .await(options.durationS() + 120L, TimeUnit.SECONDS);
      out.println(result.report());
      return result.complete() ? 0 : 1;
    } catch (Exception e) {
      err.println("bench failed: " + e.getMessage());
      return 1;
    } finally {
      vertx.close().await();
    }
  }

  private Future<BenchResult> execute(Vertx vertx) {
    WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxConnections(100_000)
        .setMaxFrameSize(1 << 20).setMaxMessageSize(1 << 20));
    Promise<BenchResult> done = Promise.promise();
    vertx.runOnContext(v -> connectSubscribers(vertx, client, 0)
        .compose(ignored -> connectPublishers(client))
        .onSuccess(publishers -> publish(vertx, publishers, done))
        .onFailure(done::fail));
    return done.future();
  }

  private Future<Void> connectSubscribers(Vertx vertx, WebSocketClient client, int from) {
    if (from >= options.subscribers()) {
      out.printf(Locale.ROOT, "connected %d subscribers to %d room(s) on %d node(s)%n", options.subscribers(),
          options.rooms(), options.urls().size());
      return Future.succeededFuture();
    }
    int to = Math.min(options.subscribers(), from + 200);
    List<Future<?>> batch = new ArrayList<>();
    for (int i = from; i < to; i++) {
      int room = i % options.rooms();
      batch.add(connect(client, options.urls().get(i % options.urls().size())).compose(ws -> {
        ws.writeTextMessage(new JsonObject().put("event", "subscribe").put("ack", 1)
            .put("data", new JsonObject().put("room", roomName(room))).encode());
        return awaitAck(ws);
      }));
    }
    return Future.all(batch).compose(ignored -> connectSubscribers(vertx, client, to));
  }

  private Future<List<WebSocket>> connectPublishers(WebSocketClient client) {
    List<Future<WebSocket>> publishers = new ArrayList<>();
    for (URI url : options.urls()) {
      publishers.add(connect(client, url));
    }
    return Future.all(publishers).map(all -> all.<WebSocket>list());
  }

  private Future<WebSocket> connect(WebSocketClient client, URI url) {
    return client.connect(new WebSocketConnectOptions().setHost(url.getHost()).setPort(url.getPort())
        .setURI(url.getRawPath() == null || url.getRawPath().isEmpty() ? "/ws" : url.getRawPath()));
  }

  private Future<Void> awaitAck(WebSocket ws) {
    Promise<Void> acked = Promise.promise();
    ws.textMessageHandler(text -> {
      JsonObject frame = new JsonObject(text);
      if ("ack".equals(frame.getString("event"))) {
        ws.textMessageHandler(subscriberHandler());
        acked.tryComplete();
      } else if ("error".equals(frame.getString("event"))) {
        acked.tryFail("subscribe refused: " + frame.getJsonObject("data"));
      }
    });
    return acked.future();
  }

  /** One handler per subscriber: records latency and checks that seqs only go up. */
  private io.vertx.core.Handler<String> subscriberHandler() {
    long[] lastSeq = new long[1];
    return text -> {
      long now = System.nanoTime();
      JsonObject frame = new JsonObject(text);
      if (!"message".equals(frame.getString("event"))) {
        return;
      }
      JsonObject message = frame.getJsonObject("data");
      JsonObject payload = message.getJsonObject("data");
      histogram.recordMicros((now - payload.getLong("sent_ns")) / 1000);
      received++;
      long seq = message.getLong("seq");
      if (seq <= lastSeq[0]) {
        outOfOrder++;
      }
      lastSeq[0] = seq;
    };
  }

  private void publish(Vertx vertx, List<WebSocket> publishers, Promise<BenchResult> done) {
    String padding = "p".repeat(Math.max(0, options.payloadBytes()));
    long total = (long) options.rate() * options.durationS();
    long periodMs = 10;
    double perTick = options.rate() * periodMs / 1000.0;
    long startNs = System.nanoTime();
    out.printf(Locale.ROOT, "publishing %d messages at %d/s for %d s%n", total, options.rate(), options.durationS());
    vertx.setPeriodic(periodMs, timer -> {
      double due = Math.min(total, (System.nanoTime() - startNs) / 1e6 / periodMs * perTick);
      while (sent < due) {
        int room = (int) (sent % options.rooms());
        WebSocket publisher = publishers.get((int) (sent % publishers.size()));
        publisher.writeTextMessage(new JsonObject().put("event", "publish").put("data", new JsonObject()
            .put("room", roomName(room)).put("data", new JsonObject().put("sent_ns", System.nanoTime())
                .put("room_index", room).put("pad", padding))).encode());
        sent++;
      }
      if (sent >= total) {
        vertx.cancelTimer(timer);
        long expected = expectedDeliveries();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        vertx.setPeriodic(50, wait -> {
          if (received >= expected || System.nanoTime() > deadline) {
            vertx.cancelTimer(wait);
            double seconds = (System.nanoTime() - startNs) / 1e9;
            done.complete(new BenchResult(options, sent, expected, received, outOfOrder, histogram, seconds));
          }
        });
      }
    });
  }

  private long expectedDeliveries() {
    long expected = 0;
    long perRoomMessages = sent / options.rooms();
    long remainder = sent % options.rooms();
    for (int room = 0; room < options.rooms(); room++) {
      long messages = perRoomMessages + (room < remainder ? 1 : 0);
      expected += messages * options.subscribersPerRoom(room);
    }
    return expected;
  }

  private static String roomName(int index) {
    return "bench-" + index;
  }
}
