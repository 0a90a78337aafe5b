package io.streamhub.server;

import io.streamhub.contracts.config.ConfigException;
import io.streamhub.contracts.config.ConfigLoader;
import io.streamhub.contracts.config.StreamhubConfig;
import io.streamhub.persistence.StoreCommand;
import io.streamhub.tools.ReplayBench;
import io.streamhub.tools.ReplayHeapBench;
import io.streamhub.tools.RoomBench;
import io.streamhub.tools.datasets.DatasetGenerator;
import io.streamhub.tools.pressure.PressureSimulator;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entry point of {@code streamhub.jar}: starts a node; {@code store ...} runs only the embedded store and
 * {@code bench ...} a benchmark client, {@code simulate pressure ...} the pressure device simulator, {@code token ...}
 * prints a signed token.
 */
public final class Main {

  public static final int OK = 0;
  public static final int START_FAILED = 1;
  public static final int USAGE_ERROR = 2;

  private static final Logger log = LoggerFactory.getLogger(Main.class);
  private static final String STORE_COMMAND = "store";
  private static final String BENCH_COMMAND = "bench";
  private static final String ROOMS_BENCHMARK = "rooms";
  private static final String REPLAY_BENCHMARK = "replay";
  private static final String REPLAY_HEAP_BENCHMARK = "replay-heap";
  private static final String GENERATE_DATASETS_COMMAND = "generate-datasets";
  private static final String SIMULATE_COMMAND = "simulate";
  private static final String PRESSURE_SIMULATOR = "pressure";
  private static final String TOKEN_COMMAND = "token";

  private Main() {
  }

  public static void main(String[] args) {
    int status = run(args, System.out, System.err);
    // On success a started node keeps the JVM alive until its shutdown hook has stopped it.
    if (status != OK) {
      System.exit(status);
    }
  }

  /**
   * Does what the command line asks and returns the exit status. With a valid configuration it starts a node,
   * installs a shutdown hook that stops it, and returns {@link #OK} while the node keeps running.
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length > 0 && args[0].equals(STORE_COMMAND)) {
      return StoreCommand.run(Arrays.copyOfRange(args, 1, args.length));
    }
    if (args.length > 0 && args[0].equals(GENERATE_DATASETS_COMMAND)) {
      return DatasetGenerator.run(Arrays.copyOfRange(args, 1, args.length), out, err);
    }
    if (args.length > 0 && args[0].equals(TOKEN_COMMAND)) {
      return TokenCommand.run(Arrays.copyOfRange(args, 1, args.length), out, err);
    }
    if (args.length > 0 && args[0].equals(SIMULATE_COMMAND)) {
      if (args.length < 2 || !args[1].equals(PRESSURE_SIMULATOR)) {
        err.println("streamhub: simulate needs the devices to simulate: simulate pressure [--help]");
        return USAGE_ERROR;
      }
      return PressureSimulator.run(Arrays.copyOfRange(args, 2, args.length), out, err);
    }
    if (args.length > 0 && args[0].equals(BENCH_COMMAND)) {
      String[] rest = Arrays.copyOfRange(args, Math.min(2, args.length), args.length);
      return switch (args.length < 2 ? "" : args[1]) {
        case ROOMS_BENCHMARK -> RoomBench.run(rest, out, err);
        case REPLAY_BENCHMARK -> ReplayBench.run(rest, out, err);
        case REPLAY_HEAP_BENCHMARK -> ReplayHeapBench.run(rest, out, err);
        default -> {
          err.println("streamhub: bench needs the benchmark to run: bench rooms|replay|replay-heap [--help]");
          yield USAGE_ERROR;
        }
      };
    }
    Arguments arguments;
    try {
      arguments = Arguments.parse(args);
    } catch (IllegalArgumentException e) {
      err.println("streamhub: " + e.getMessage());
      err.print(Arguments.USAGE);
      return USAGE_ERROR;
    }
    if (arguments.help()) {
      out.print(Arguments.USAGE);
      return OK;
    }
    StreamhubConfig config;
    try {
      config = ConfigLoader.load(arguments.configFiles(), System.getenv());
    } catch (ConfigException e) {
      err.println("streamhub: " + e.getMessage());
      return USAGE_ERROR;
    }
    return startNode(config, arguments, err);
  }

  private static int startNode(StreamhubConfig config, Arguments arguments, PrintStream err) {
    Node node;
    try {
      node = Node.start(config, arguments.configFiles()).toCompletionStage().toCompletableFuture().get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      err.println("streamhub: " + cause.getMessage());
      if (cause instanceof ConfigException) {
        return USAGE_ERROR;
      }
      log.error("the node failed to start", cause);
      return START_FAILED;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return START_FAILED;
    }
    long timeoutMs = config.shutdownTimeoutMs();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(node, timeoutMs), "streamhub-shutdown"));
    return OK;
  }

  /** Graceful stop on SIGTERM/SIGINT: waits for {@link Node#close()} at most {@code timeoutMs}. */
  static void stop(Node node, long timeoutMs) {
    try {
      node.close().toCompletionStage().toCompletableFuture().get(timeoutMs, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      log.warn("graceful shutdown did not finish within {} ms (shutdown.timeout_ms); exiting anyway", timeoutMs);
    } catch (ExecutionException e) {
      log.warn("graceful shutdown failed", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
