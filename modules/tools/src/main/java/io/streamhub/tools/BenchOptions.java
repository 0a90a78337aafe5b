package io.streamhub.tools;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * Options of {@code streamhub.jar bench rooms}.
 *
 * @param urls WebSocket URLs of the nodes; subscribers and publishers are spread over them round-robin
 * @param subscribers WebSocket subscribers in all
 * @param rooms rooms the subscribers and messages are spread over
 * @param rate messages published per second
 * @param durationS seconds of publishing
 * @param payloadBytes filler bytes per message
 */
record BenchOptions(List<URI> urls, int subscribers, int rooms, int rate, int durationS, int payloadBytes, boolean help) {

  static final String USAGE = """
      usage: java -jar streamhub.jar bench rooms [--url ws://HOST:PORT/ws]... [--subscribers N] [--rooms N]
                                                 [--rate MSGS_PER_S] [--duration-s N] [--payload-bytes N]
        --url            a node's WebSocket endpoint (repeatable; default ws://127.0.0.1:8080/ws)
        --subscribers    WebSocket subscribers in all (default 1000)
        --rooms          rooms they are spread over (default 10)
        --rate           messages published per second (default 1000)
        --duration-s     seconds of publishing (default 20)
        --payload-bytes  filler bytes per message (default 100)""";

  int subscribersPerRoom(int room) {
    return subscribers / rooms + (room < subscribers % rooms ? 1 : 0);
  }

  static BenchOptions parse(String[] args) {
    List<URI> urls = new ArrayList<>();
    int subscribers = 1000;
    int rooms = 10;
    int rate = 1000;
    int duration = 20;
    int payload = 100;
    for (int i = 0; i < args.length; i++) {
      String flag = args[i];
      if (flag.equals("--help") || flag.equals("-h")) {
        return new BenchOptions(List.of(), 0, 1, 0, 0, 0, true);
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(flag + " needs a value");
      }
      String value = args[++i];
      switch (flag) {
        case "--url" -> urls.add(url(value));
        case "--subscribers" -> subscribers = positive(flag, value);
        case "--rooms" -> rooms = positive(flag, value);
        case "--rate" -> rate = positive(flag, value);
        case "--duration-s" -> duration = positive(flag, value);
        case "--payload-bytes" -> payload = positive(flag, value);
        default -> throw new IllegalArgumentException("unknown flag " + flag);
      }
    }
    if (urls.isEmpty()) {
      urls.add(URI.create("ws://127.0.0.1:8080/ws"));
    }
    return new BenchOptions(List.copyOf(urls), subscribers, rooms, rate, duration, payload, false);
  }

  private static URI url(String value) {
    URI uri;
    try {
      uri = URI.create(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--url " + value + " is not a URL");
    }
    if (!"ws".equals(uri.getScheme()) || uri.getHost() == null || uri.getPort() < 0) {
      throw new IllegalArgumentException("--url must look like ws://HOST:PORT/ws, got " + value);
    }
    return uri;
  }

  private static int positive(String flag, String value) {
    try {
      int n = Integer.parseInt(value);
      if (n > 0) {
        return n;
      }
    } catch (NumberFormatException ignored) {
      // reported below
    }
    throw new IllegalArgumentException(flag + " must be a positive whole number, got " + value);
  }
}
