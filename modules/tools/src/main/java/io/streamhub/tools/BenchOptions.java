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
      String value = Flags.valueAfter(args, i++);
      switch (flag) {
        case "--url" -> urls.add(Flags.wsUrl(flag, value));
        case "--subscribers" -> subscribers = Flags.positive(flag, value);
        case "--rooms" -> rooms = Flags.positive(flag, value);
        case "--rate" -> rate = Flags.positive(flag, value);
        case "--duration-s" -> duration = Flags.positive(flag, value);
        case "--payload-bytes" -> payload = Flags.positive(flag, value);
        default -> throw new IllegalArgumentException("unknown flag " + flag);
      }
    }
    if (urls.isEmpty()) {
      urls.add(URI.create("ws://127.0.0.1:8080/ws"));
    }
    return new BenchOptions(List.copyOf(urls), subscribers, rooms, rate, duration, payload, false);
  }


}
