package io.streamhub.persistence;

import io.streamhub.contracts.config.ConfigLoader;
import io.streamhub.contracts.config.MongoConfig;
import io.vertx.core.json.JsonObject;
import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar streamhub.jar store --port N [--host H] [--data-dir DIR]}: runs only the embedded MongoDB-wire
 * store, so that several nodes can share one store (each with {@code mongo.connection_string} pointing at it).
 * Defaults for {@code --host} and {@code --data-dir} are {@code mongo.embedded.host} and
 * {@code mongo.embedded.data_dir} of the bundled configuration.
 *
 * <p>Exit codes: 0 after {@code --help} or a clean stop, 1 when the store cannot start, 2 for bad arguments.
 */
public final class StoreCommand {

  static final int OK = 0;
  static final int CANNOT_START = 1;
  static final int USAGE = 2;

  static final String USAGE_TEXT = """
      Usage: java -jar streamhub.jar store --port N [--host H] [--data-dir DIR]

      Runs only the embedded MongoDB-wire store until the process is terminated (Ctrl-C, SIGTERM).
        --port N        TCP port to listen on; 0 picks a free one (required)
        --host H        interface to bind (default %s)
        --data-dir DIR  keep the data in an H2 file in DIR, created if absent (default: in memory, gone at exit)
        --help          print this help
      """;

  private static final Logger LOG = LoggerFactory.getLogger(StoreCommand.class);

  private StoreCommand() {
  }

  /** The arguments after the word {@code store}. Blocks while the store runs; returns the exit code. */
  public static int run(String[] args) {
    return run(args, System.out, System.err);
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    MongoConfig defaults = ConfigLoader.withOverrides(new JsonObject()).mongo();
    StoreOptions options;
    try {
      options = StoreOptions.parse(args, defaults.embeddedHost(), defaults.embeddedDataDir());
    } catch (IllegalArgumentException e) {
      err.println("store: " + e.getMessage());
      err.println("Try 'java -jar streamhub.jar store --help'.");
      return USAGE;
    }
    if (options.help()) {
      out.print(String.format(USAGE_TEXT, defaults.embeddedHost()));
      return OK;
    }
    return serve(options);
  }

  /** Starts the store and waits until a shutdown hook has closed it, or until this thread is interrupted. */
  private static int serve(StoreOptions options) {
    EmbeddedStore store;
    try {
      store = EmbeddedStore.start(options.host(), options.port(), options.dataDir());
    } catch (RuntimeException e) {
      LOG.error("embedded store did not start: {}", e.getMessage());
      return CANNOT_START;
    }
    LOG.info("embedded store listening on {} ({})", store.connectionString(), store.description());
    CountDownLatch closed = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      LOG.info("embedded store on {} shutting down", store.connectionString());
      store.close();
      closed.countDown();
    }, "streamhub-store-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      closed.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      removeHook(hook);
      store.close();
      LOG.info("embedded store on {} stopped", store.connectionString());
    }
    return OK;
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shutdownInProgress) {
      // the hook runs anyway; closing twice is harmless
    }
  }

  /** Parsed command line. {@code --flag value} and {@code --flag=value} are both accepted. */
  record StoreOptions(boolean help, String host, int port, String dataDir) {

    static StoreOptions parse(String[] args, String defaultHost, String defaultDataDir) {
      String host = defaultHost;
      String dataDir = defaultDataDir;
      Integer port = null;
      for (int i = 0; i < args.length; i++) {
        String arg = args[i];
        int eq = arg.indexOf('=');
        String flag = arg.startsWith("--") && eq > 0 ? arg.substring(0, eq) : arg;
        switch (flag) {
          case "--help", "-h" -> {
            return new StoreOptions(true, host, 0, dataDir);
          }
          case "--port", "--host", "--data-dir" -> {
            String value;
            if (eq > 0 && arg.startsWith("--")) {
              value = arg.substring(eq + 1);
            } else if (i + 1 < args.length) {
              value = args[++i];
            } else {
              throw new IllegalArgumentException(flag + " needs a value");
            }
            switch (flag) {
              case "--port" -> port = parsePort(value);
              case "--host" -> host = requireNonBlank(flag, value);
              default -> dataDir = value;
            }
          }
          default -> throw new IllegalArgumentException(
              (arg.startsWith("-") ? "unknown flag " : "unexpected argument ") + flag);
        }
      }
      if (port == null) {
        throw new IllegalArgumentException("--port is required");
      }
      return new StoreOptions(false, host, port, dataDir);
    }

    private static int parsePort(String value) {
      try {
        int port = Integer.parseInt(value.trim());
        if (port >= 0 && port <= 65535) {
          return port;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw new IllegalArgumentException("--port must be a number between 0 and 65535, got \"" + value + "\"");
    }

    private static String requireNonBlank(String flag, String value) {
      if (value.isBlank()) {
        throw new IllegalArgumentException(flag + " must not be empty");
      }
      return value;
    }
  }
}
