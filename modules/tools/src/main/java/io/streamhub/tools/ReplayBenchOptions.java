package io.streamhub.tools;

import java.net.URI;

/**
 * Options of {@code streamhub.jar bench replay}.
 *
 * @param url the node's WebSocket endpoint; {@code /metrics} is scraped on the same host and port
 * @param streams visitor streams kept running at once
 * @param connections WebSocket connections the visitors are spread over round-robin
 * @param dataset the dataset every visitor replays
 * @param durationS seconds measured once every stream has started
 * @param joinRate {@code join_stream} requests sent per second while ramping up
 */
record ReplayBenchOptions(URI url, int streams, int connections, String dataset, int durationS, int joinRate,
    boolean help) {

  static final String USAGE = """
      usage: java -jar streamhub.jar bench replay [--url ws://HOST:PORT/ws] [--streams N] [--connections N]
                                                  [--dataset NAME] [--duration-s N] [--join-rate N]
        --url          the node's WebSocket endpoint (default ws://127.0.0.1:8080/ws); /metrics is read from the
                       same host and port
        --streams      visitor streams kept running at once (default 10000)
        --connections  WebSocket connections the visitors are spread over round-robin (default 50)
        --dataset      dataset every visitor replays (default machine-monitor)
        --duration-s   seconds measured after every stream has started (default 30)
        --join-rate    join_stream requests per second while ramping up (default 2000)
      Start the node with a config giving replay.delay of 50-150 ms for the usual figures.""";

  static ReplayBenchOptions parse(String[] args) {
    URI url = URI.create("ws://127.0.0.1:8080/ws");
    int streams = 10_000;
    int connections = 50;
    String dataset = "machine-monitor";
    int duration = 30;
    int joinRate = 2000;
    for (int i = 0; i < args.length; i++) {
      String flag = args[i];
      if (flag.equals("--help") || flag.equals("-h")) {
        return new ReplayBenchOptions(url, streams, connections, dataset, duration, joinRate, true);
      }
      if (!flag.startsWith("--") || !isFlag(flag)) {
        throw new IllegalArgumentException("unknown flag " + flag);
      }
      String value = Flags.valueAfter(args, i++);
      switch (flag) {
        case "--url" -> url = Flags.wsUrl(flag, value);
        case "--streams" -> streams = Flags.positive(flag, value);
        case "--connections" -> connections = Flags.positive(flag, value);
        case "--dataset" -> dataset = dataset(value);
        case "--duration-s" -> duration = Flags.positive(flag, value);
        default -> joinRate = Flags.positive(flag, value);
      }
    }
    return new ReplayBenchOptions(url, streams, connections, dataset, duration, joinRate, false);
  }

  /** The node's Prometheus endpoint: {@code http://HOST:PORT/metrics} of {@link #url}. */
  URI metricsUrl() {
    return URI.create("http://" + url.getHost() + ":" + url.getPort() + "/metrics");
  }

  /** The request path of the WebSocket endpoint ({@code /ws} when the URL gives none). */
  String wsPath() {
    String path = url.getRawPath();
    return path == null || path.isEmpty() ? "/ws" : path;
  }

  private static boolean isFlag(String flag) {
    return switch (flag) {
      case "--url", "--streams", "--connections", "--dataset", "--duration-s", "--join-rate" -> true;
      default -> false;
    };
  }


  static String dataset(String value) {
    if (value.isBlank()) {
      throw new IllegalArgumentException("--dataset must name a dataset, got an empty value");
    }
    return value;
  }

}
