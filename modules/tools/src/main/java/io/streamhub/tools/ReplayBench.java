package io.streamhub.tools;

import static io.streamhub.tools.Waits.await;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import java.io.PrintStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Replay benchmark ({@code bench replay}): keeps N visitor streams running on one node over a few WebSocket
 * connections and measures, once every stream has started, for a fixed window: rows received and rows per second,
 * per-stream contiguity of {@code seq} (gaps and duplicates; both must be 0), and client-side receive lag in
 * milliseconds (receipt time minus the row's {@code ts}, p50/p99). Then it reads the node's {@code /metrics}:
 * server-side emit lateness in milliseconds (p50/p99), active streams and heap used in bytes. A stream that completes
 * is joined again, so N streams run throughout. Frames are read on two event loops; the calling thread only waits.
 * Exit status: 0 clean, 1 not clean or failed, 2 bad flags.
 */
public final class ReplayBench {

  private static final int LANES = 2;

  private final ReplayBenchOptions options;
  private final PrintStream out;

  private ReplayBench(ReplayBenchOptions options, PrintStream out) {
    this.options = options;
    this.out = out;
  }

  public static int run(String[] args, PrintStream out, PrintStream err) {
    ReplayBenchOptions options;
    try {
      options = ReplayBenchOptions.parse(args);
    } catch (IllegalArgumentException e) {
      err.println("bench replay: " + e.getMessage());
      err.println(ReplayBenchOptions.USAGE);
      return 2;
    }
    if (options.help()) {
      out.println(ReplayBenchOptions.USAGE);
      return 0;
    }
    Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(LANES));
    try {
      ReplayBenchResult result = new ReplayBench(options, out).execute(vertx);
      out.println(result.report());
      out.println("RESULT " + result.toJson().encode());
      if (result.firstError() != null) {
        err.println("bench replay: " + result.firstError());
      }
      return result.clean() ? 0 : 1;
    } catch (Exception e) {
      err.println("bench replay failed: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
      return 1;
    } finally {
      vertx.close().await();
    }
  }

  private ReplayBenchResult execute(Vertx vertx) throws TimeoutException {
    String runId = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    LatencyHistogram lag = new LatencyHistogram();
    List<ReplayLane> lanes = new ArrayList<>();
    List<String> deployments = new ArrayList<>();
    for (int i = 0; i < LANES; i++) {
      ReplayLane lane = new ReplayLane(options, i, LANES, runId, lag);
      deployments.add(await(vertx.deployVerticle(lane), 30, "connecting to " + options.url()));
      lanes.add(lane);
    }
    out.printf(Locale.ROOT, "connected %d connection(s) to %s; joining %d visitors (bench-%s-*) to %s at %d/s%n",
        options.connections(), options.url(), options.streams(), runId, options.dataset(), options.joinRate());
    long rampStart = System.nanoTime();
    String joinFailure = null;
    long rampLimitS = options.streams() / options.joinRate() + 60L;
    try {
      Future.all(lanes.stream().map(ReplayLane::joinAll).toList()).await(rampLimitS, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      joinFailure = "not every stream started within " + rampLimitS + " s";
    } catch (RuntimeException e) {
      joinFailure = e.getMessage();
    }
    double rampSeconds = (System.nanoTime() - rampStart) / 1e9;
    List<ReplayLaneStats> stats;
    ReplayServerMetrics server;
    if (joinFailure == null) {
      out.printf(Locale.ROOT, "all %d streams started in %.1f s; measuring for %d s%n", options.streams(),
          rampSeconds, options.durationS());
      PrometheusText before = scrapeOrEmpty(vertx, options.metricsUrl());
      await(Future.all(lanes.stream().map(ReplayLane::beginWindow).toList()), 10, "starting the window");
      await(vertx.timer(options.durationS(), TimeUnit.SECONDS), options.durationS() + 30L, "the window");
      stats = endWindows(lanes);
      try {
        server = ReplayServerMetrics.from(before, scrape(vertx, options.metricsUrl()));
      } catch (TimeoutException | RuntimeException e) {
        server = ReplayServerMetrics.unavailable(e.getMessage());
      }
    } else {
      stats = endWindows(lanes);
      server = ReplayServerMetrics.unavailable("not read: the ramp failed");
    }
    for (String id : deployments) {
      vertx.undeploy(id).await(30, TimeUnit.SECONDS);
    }
    return new ReplayBenchResult(options, rampSeconds, joinFailure, stats, lag, server);
  }

  private static List<ReplayLaneStats> endWindows(List<ReplayLane> lanes) throws TimeoutException {
    return await(Future.all(lanes.stream().map(ReplayLane::endWindow).toList()), 10, "ending the window").list();
  }

  /** Reads the node's Prometheus text; fails saying which request did not work. */
  private static PrometheusText scrape(Vertx vertx, URI metrics) throws TimeoutException {
    HttpClient http = vertx.createHttpClient();
    try {
      return PrometheusText.parse(await(http.request(HttpMethod.GET, metrics.getPort(), metrics.getHost(),
          metrics.getRawPath()).compose(HttpClientRequest::send)
          .compose(response -> response.statusCode() == 200 ? response.body().map(Buffer::toString)
              : Future.failedFuture("GET " + metrics + " answered " + response.statusCode())), 15, "GET " + metrics));
    } finally {
      http.close();
    }
  }

  /** The scrape as the window opens; without it the lateness covers everything since the node started. */
  private static PrometheusText scrapeOrEmpty(Vertx vertx, URI metrics) {
    try {
      return scrape(vertx, metrics);
    } catch (TimeoutException | RuntimeException e) {
      return PrometheusText.parse("");
    }
  }
}
