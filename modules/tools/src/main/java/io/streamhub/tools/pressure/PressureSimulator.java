package io.streamhub.tools.pressure;

import static io.streamhub.tools.Waits.await;

import io.streamhub.tools.LatencyHistogram;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The pressure device simulator ({@code simulate pressure}): N devices, each on its own WebSocket connection with
 * its own workout, send frames of a moving, breathing pressure blob at a fixed rate for a fixed time, then wait for
 * the last answers and read the frames back from the store. Devices run on two event loops; the calling thread only
 * waits and prints. Exit status: 0 every frame acknowledged and persisted, 1 not, 2 bad flags.
 */
public final class PressureSimulator {

  private static final int LANES = 2;
  private static final long SETTLE_LIMIT_MS = 30_000;
  private static final long POLL_MS = 200;

  private final SimulatorOptions options;
  private final PrintStream out;
  private final boolean terminal;

  private PressureSimulator(SimulatorOptions options, PrintStream out, boolean terminal) {
    this.options = options;
    this.out = out;
    this.terminal = terminal;
  }

  public static int run(String[] args, PrintStream out, PrintStream err) {
    SimulatorOptions options;
    try {
      options = SimulatorOptions.parse(args, "sim-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()));
    } catch (IllegalArgumentException e) {
      err.println("simulate pressure: " + e.getMessage());
      err.println(SimulatorOptions.USAGE);
      return 2;
    }
    if (options.help()) {
      out.println(SimulatorOptions.USAGE);
      return 0;
    }
    Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(LANES));
    try {
      SimulatorResult result = new PressureSimulator(options, out, System.console() != null).execute(vertx);
      out.println(result.report());
      out.println("RESULT " + result.toJson().encode());
      return result.clean() ? 0 : 1;
    } catch (Exception e) {
      err.println("simulate pressure failed: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
      return 1;
    } finally {
      vertx.close().await();
    }
  }

  private SimulatorResult execute(Vertx vertx) throws TimeoutException {
    List<DeviceLane> lanes = new ArrayList<>();
    List<String> deployments = new ArrayList<>();
    out.printf(Locale.ROOT, "connecting %d devices to %s (workouts %s-1..%d)%n", options.devices(), options.url(),
        options.workoutPrefix(), options.devices());
    long joinStart = System.nanoTime();
    for (int lane = 0; lane < LANES; lane++) {
      List<Integer> numbers = new ArrayList<>();
      for (int n = lane + 1; n <= options.devices(); n += LANES) {
        numbers.add(n);
      }
      DeviceLane deviceLane = new DeviceLane(options, numbers);
      deployments.add(await(vertx.deployVerticle(deviceLane), 120, "connecting and joining the sessions"));
      lanes.add(deviceLane);
    }
    double joinSeconds = seconds(joinStart);
    out.printf(Locale.ROOT, "%d sessions joined in %.1f s; sending %.0f frames/s for %d s%n", options.devices(),
        joinSeconds, options.devices() * 1000.0 / options.periodMs(), options.durationS());

    long sendStart = System.nanoTime();
    await(Future.all(lanes.stream().map(DeviceLane::startSending).toList()), 10, "starting the devices");
    long lastLine = 0;
    while (seconds(sendStart) < options.durationS()) {
      await(vertx.timer(Math.min(1000, Math.max(1, (long) ((options.durationS() - seconds(sendStart)) * 1000)))),
          5, "the clock");
      long second = (long) seconds(sendStart);
      if (terminal || second - lastLine >= 5) {
        lastLine = second;
        out.print((terminal ? "\r" : "") + SimulatorResult.progress(seconds(sendStart), options.durationS(),
            snapshot(lanes)) + (terminal ? "" : System.lineSeparator()));
      }
    }
    await(Future.all(lanes.stream().map(DeviceLane::stopSending).toList()), 10, "stopping the devices");
    double sendSeconds = seconds(sendStart);
    if (terminal) {
      out.println();
    }

    long settleStart = System.nanoTime();
    LaneSnapshot totals = snapshot(lanes);
    while (!totals.settled() && (System.nanoTime() - settleStart) / 1_000_000 < SETTLE_LIMIT_MS) {
      await(vertx.timer(POLL_MS), 5, "the clock");
      totals = snapshot(lanes);
    }
    double settleSeconds = seconds(settleStart);

    long stored = -1;
    String verifyError = null;
    if (options.verify()) {
      List<WorkoutCount> counts = new ArrayList<>();
      for (DeviceLane lane : lanes) {
        counts.addAll(await(lane.acknowledgedFrames(), 10, "reading the devices' counts"));
      }
      HttpClient http = vertx.createHttpClient();
      try {
        stored = await(new StoredFrames(http, options.url().getHost(), options.url().getPort()).count(counts), 300,
            "reading the frames back");
      } catch (Exception e) {
        // Future.await rethrows the request's own failure, checked or not (a refused connection, say).
        verifyError = e.getMessage() != null ? e.getMessage() : e.toString();
      } finally {
        http.close();
      }
    }
    for (String id : deployments) {
      vertx.undeploy(id).await(30, TimeUnit.SECONDS);
    }
    LatencyHistogram latency = new LatencyHistogram();
    lanes.forEach(lane -> latency.merge(lane.latency()));
    return new SimulatorResult(options, joinSeconds, sendSeconds, settleSeconds, totals, stored, verifyError,
        latency);
  }

  private static LaneSnapshot snapshot(List<DeviceLane> lanes) throws TimeoutException {
    LaneSnapshot total = LaneSnapshot.EMPTY;
    for (LaneSnapshot lane : await(Future.all(lanes.stream().map(DeviceLane::snapshot).toList()), 10,
        "reading the counts").<LaneSnapshot>list()) {
      total = total.plus(lane);
    }
    return total;
  }

  private static double seconds(long sinceNanos) {
    return (System.nanoTime() - sinceNanos) / 1e9;
  }
}
