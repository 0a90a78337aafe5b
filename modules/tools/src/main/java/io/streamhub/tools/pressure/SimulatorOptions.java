package io.streamhub.tools.pressure;

import io.streamhub.contracts.pressure.WorkoutId;
import io.streamhub.tools.Flags;
import java.net.URI;

/**
 * Options of {@code streamhub.jar simulate pressure}.
 *
 * @param url the node's WebSocket endpoint; the HTTP API is read on the same host and port
 * @param devices simulated devices, each on its own connection with its own workout {@code <prefix>-<n>}
 * @param rateHz frames per second per device
 * @param rows frame height, cells
 * @param cols frame width, cells
 * @param durationS seconds of sending
 * @param warmupS seconds at the start whose acknowledgement latencies are not recorded (frames still count)
 * @param workoutPrefix workouts are named {@code <prefix>-<n>}; default {@code sim-<random>}
 * @param seed seed of the devices' frames
 * @param verify whether to read every workout's frames back over HTTP at the end and count the stored ones
 */
record SimulatorOptions(URI url, int devices, double rateHz, int rows, int cols, int durationS, int warmupS,
    String workoutPrefix, long seed, boolean verify, boolean help) {

  static final String USAGE = """
      usage: java -jar streamhub.jar simulate pressure [--url ws://HOST:PORT/ws] [--devices N] [--rate-hz R]
                                                       [--rows N] [--cols N] [--duration N] [--warmup N]
                                                       [--workout-prefix P] [--seed N] [--no-verify]
        --url             the node's WebSocket endpoint (default ws://127.0.0.1:8080/ws)
        --devices         devices, one connection and one workout each (default 10)
        --rate-hz         frames per second per device (default 4)
        --rows, --cols    frame size in cells (default 16 x 16)
        --duration        seconds of sending (default 30)
        --warmup          first seconds left out of the latency figures (default 0)
        --workout-prefix  workouts are <prefix>-1 .. <prefix>-N (default sim-<random hex>)
        --seed            seed of the frames (default 1)
        --no-verify       skip reading the frames back over HTTP at the end
      Prints a progress bar, then frames sent, acknowledged, persisted, errors, throughput and acknowledgement
      latency p50/p90/p99, and a RESULT line of JSON. Exit status 0 when every frame sent was acknowledged and
      persisted with no error, 1 otherwise, 2 for bad flags.""";

  static SimulatorOptions parse(String[] args, String randomPrefix) {
    URI url = URI.create("ws://127.0.0.1:8080/ws");
    int devices = 10;
    double rate = 4;
    int rows = 16;
    int cols = 16;
    int duration = 30;
    int warmup = 0;
    String prefix = randomPrefix;
    long seed = 1;
    boolean verify = true;
    for (int i = 0; i < args.length; i++) {
      String flag = args[i];
      if (flag.equals("--help") || flag.equals("-h")) {
        return new SimulatorOptions(url, devices, rate, rows, cols, duration, warmup, prefix, seed, verify, true);
      }
      if (flag.equals("--no-verify")) {
        verify = false;
        continue;
      }
      if (!isFlagWithValue(flag)) {
        throw new IllegalArgumentException("unknown flag " + flag);
      }
      String value = Flags.valueAfter(args, i++);
      switch (flag) {
        case "--url" -> url = Flags.wsUrl(flag, value);
        case "--devices" -> devices = Flags.whole(flag, value, 1, 100_000);
        case "--rate-hz" -> rate = rate(value);
        case "--rows" -> rows = Flags.whole(flag, value, 1, 1024);
        case "--cols" -> cols = Flags.whole(flag, value, 1, 1024);
        case "--duration" -> duration = Flags.whole(flag, value, 1, 86_400);
        case "--warmup" -> warmup = Flags.whole(flag, value, 0, 86_400);
        case "--workout-prefix" -> prefix = prefix(value);
        default -> seed = seed(value);
      }
    }
    if (warmup >= duration) {
      throw new IllegalArgumentException("--warmup (" + warmup + " s) must be shorter than --duration ("
          + duration + " s)");
    }
    int longestSuffix = String.valueOf(devices).length() + 1;
    if (prefix.length() + longestSuffix > 64) {
      throw new IllegalArgumentException("--workout-prefix is too long: workout ids are at most 64 characters");
    }
    return new SimulatorOptions(url, devices, rate, rows, cols, duration, warmup, prefix, seed, verify, false);
  }

  /** The workout of device {@code n} (from 1). */
  String workoutId(int n) {
    return workoutPrefix + "-" + n;
  }

  /** Milliseconds between two frames of one device (at least 1). */
  long periodMs() {
    return Math.max(1, Math.round(1000.0 / rateHz));
  }

  /** The request path of the WebSocket endpoint ({@code /ws} when the URL gives none). */
  String wsPath() {
    String path = url.getRawPath();
    return path == null || path.isEmpty() ? "/ws" : path;
  }

  private static boolean isFlagWithValue(String flag) {
    return switch (flag) {
      case "--url", "--devices", "--rate-hz", "--rows", "--cols", "--duration", "--warmup", "--workout-prefix",
          "--seed" -> true;
      default -> false;
    };
  }



  private static double rate(String value) {
    try {
      double r = Double.parseDouble(value);
      if (r > 0 && r <= 1000) {
        return r;
      }
    } catch (NumberFormatException ignored) {
      // reported below
    }
    throw new IllegalArgumentException("--rate-hz must be a number above 0 and at most 1000, got " + value);
  }

  private static String prefix(String value) {
    if (!WorkoutId.isValid(value)) {
      throw new IllegalArgumentException("--workout-prefix must be characters of [A-Za-z0-9_-], got " + value);
    }
    return value;
  }

  private static long seed(String value) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--seed must be a whole number, got " + value);
    }
  }
}
