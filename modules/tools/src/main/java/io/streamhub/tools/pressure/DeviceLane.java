package io.streamhub.tools.pressure;

import io.streamhub.tools.LatencyHistogram;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The simulated devices of one event loop: each has its own connection and workout, joins its session, then sends
 * a frame every period and accounts for the answers in its {@link DeviceLedger}. A frame due while the connection's
 * write queue is full is skipped and counted (the device does not buffer without bound). All state is confined to
 * the lane's event loop; the calling thread reads it through {@link #snapshot()}.
 */
final class DeviceLane extends VerticleBase {

  /** One device: its number, workout, frames and connection. */
  private final class Device {
    final String workoutId;
    final BlobFrames frames;
    final DeviceLedger ledger = new DeviceLedger();
    WebSocket ws;
    long timer = -1;
    long startedMs;

    Device(int n) {
      workoutId = options.workoutId(n);
      frames = new BlobFrames(options.rows(), options.cols(), options.seed() * 1_000_003L + n);
    }
  }

  private final SimulatorOptions options;
  private final List<Device> devices = new ArrayList<>();
  private final LatencyHistogram latency = new LatencyHistogram();
  private final TreeMap<String, Long> errors = new TreeMap<>();
  private final SplittableRandom offsets = new SplittableRandom();
  private long recordLatencyAfterNs;
  private long skipped;
  private long closes;
  private String firstError;
  private boolean stopping;
  private WebSocketClient client;

  /** @param numbers the device numbers (from 1) this lane simulates */
  DeviceLane(SimulatorOptions options, List<Integer> numbers) {
    this.options = options;
    numbers.forEach(n -> devices.add(new Device(n)));
  }

  /** Connects every device and joins its session; fails with the first refusal. */
  @Override
  public Future<?> start() {
    client = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxConnections(devices.size() + 1)
        .setConnectTimeout(30_000));
    return Future.all(devices.stream().map(this::connectAndJoin).toList());
  }

  @Override
  public Future<?> stop() {
    stopping = true;
    return Future.join(devices.stream().filter(d -> d.ws != null).map(d -> d.ws.close()).toList())
        .eventually(() -> client.close());
  }

  /** Starts every device's frames, spread over one period; latencies count from {@code warmupS} on. */
  Future<Void> startSending() {
    return onContext(() -> {
      long period = options.periodMs();
      recordLatencyAfterNs = System.nanoTime() + options.warmupS() * 1_000_000_000L;
      for (Device device : devices) {
        long offset = 1 + offsets.nextLong(period);
        vertx.setTimer(offset, first -> {
          if (!stopping) {
            device.startedMs = System.currentTimeMillis();
            device.timer = vertx.setPeriodic(0, period, t -> send(device));
          }
        });
      }
      return Future.succeededFuture();
    });
  }

  /** Stops sending; answers still arrive and are counted. */
  Future<Void> stopSending() {
    return onContext(() -> {
      stopping = true;
      devices.forEach(d -> vertx.cancelTimer(d.timer));
      return Future.succeededFuture();
    });
  }

  Future<LaneSnapshot> snapshot() {
    return onContext(() -> {
      long sent = 0;
      long acked = 0;
      long persisted = 0;
      long unanswered = 0;
      long unconfirmed = 0;
      for (Device d : devices) {
        sent += d.ledger.sent();
        acked += d.ledger.acked();
        persisted += d.ledger.persisted();
        unanswered += d.ledger.unanswered();
        unconfirmed += d.ledger.unconfirmed();
      }
      return Future.succeededFuture(new LaneSnapshot(sent, acked, persisted, unanswered, unconfirmed,
          new TreeMap<>(errors), skipped, closes, firstError));
    });
  }

  /** The lane's latency histogram; read it only once the lane has stopped sending and answers are in. */
  LatencyHistogram latency() {
    return latency;
  }

  /** The highest acknowledged frame of each workout. */
  Future<List<WorkoutCount>> acknowledgedFrames() {
    return onContext(() -> Future.succeededFuture(devices.stream()
        .map(d -> new WorkoutCount(d.workoutId, d.ledger.highestFrame(), d.ledger.acked())).toList()));
  }

  private Future<Void> connectAndJoin(Device device) {
    Promise<Void> joined = Promise.promise();
    client.connect(new WebSocketConnectOptions().setHost(options.url().getHost()).setPort(options.url().getPort())
            .setURI(options.wsPath()))
        .onFailure(e -> joined.tryFail("device " + device.workoutId + " could not connect: " + e.getMessage()))
        .onSuccess(ws -> {
          device.ws = ws;
          ws.textMessageHandler(text -> onMessage(device, new JsonObject(text), joined));
          ws.closeHandler(v -> closed(device, joined));
          ws.writeTextMessage(new JsonObject().put("event", "join_session")
              .put("data", new JsonObject().put("workout_id", device.workoutId)).encode());
        });
    return joined.future();
  }

  private void send(Device device) {
    if (device.ws.writeQueueFull()) {
      skipped++;
      return;
    }
    long ts = device.ledger.nextTimestamp(System.currentTimeMillis());
    String message = BlobFrames.message(device.workoutId, device.frames.frame(ts - device.startedMs), ts);
    device.ledger.sent(ts, System.nanoTime());
    device.ws.writeTextMessage(message);
  }

  private void onMessage(Device device, JsonObject message, Promise<Void> joined) {
    JsonObject data = message.getJsonObject("data", new JsonObject());
    switch (message.getString("event", "")) {
      case "frame_processed" -> processed(device, data);
      case "frames_persisted" -> device.ledger.persistedUpTo(data.getLong("up_to_frame", 0L));
      case "session_joined" -> joined.tryComplete();
      case "error" -> {
        String code = data.getString("code", "unknown");
        errors.merge(code, 1L, Long::sum);
        device.ledger.refused();
        error(device, code + ": " + data.getString("message"));
        joined.tryFail("join_session of " + device.workoutId + " refused: " + code);
      }
      case "session_ended" -> {
        if (!stopping) {
          error(device, "session ended by the node while sending: " + data.encode());
        }
      }
      default -> {
        // connected, stats published to rooms: nothing to count
      }
    }
  }

  private void processed(Device device, JsonObject data) {
    long nowNs = System.nanoTime();
    long tookNs = device.ledger.processed(data.getLong("timestamp", -1L), data.getLong("frame_count", 0L),
        data.getBoolean("persisted", false), nowNs);
    if (tookNs >= 0 && nowNs >= recordLatencyAfterNs) {
      latency.recordMicros(tookNs / 1000);
    }
  }

  private void closed(Device device, Promise<Void> joined) {
    vertx.cancelTimer(device.timer);
    if (!stopping) {
      closes++;
      error(device, "the node closed the connection: " + device.ws.closeStatusCode() + " "
          + device.ws.closeReason());
    }
    joined.tryFail("the connection of " + device.workoutId + " closed before session_joined");
  }

  private void error(Device device, String message) {
    if (firstError == null) {
      firstError = device.workoutId + ": " + message;
    }
  }

  private <T> Future<T> onContext(Supplier<Future<T>> action) {
    Promise<T> promise = Promise.promise();
    context.runOnContext(v -> action.get().onComplete(promise));
    return promise.future();
  }
}
