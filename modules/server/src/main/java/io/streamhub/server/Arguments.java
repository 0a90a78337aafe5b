package io.streamhub.server;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The node's command line: {@code [--config FILE]... [--help]}.
 *
 * @param configFiles the {@code --config} files in the order given (a later one overrides an earlier one)
 */
record Arguments(List<Path> configFiles, boolean help) {

  static final String USAGE = """
      Usage: java -jar streamhub.jar [--config FILE]... [--help]
             java -jar streamhub.jar store --port N [--host H] [--data-dir DIR] [--help]
             java -jar streamhub.jar bench rooms [--url ws://HOST:PORT/ws]... [--help]
             java -jar streamhub.jar bench replay [--url ws://HOST:PORT/ws] [--streams N]... [--help]
             java -jar streamhub.jar bench replay-heap [--streams N] [--dataset NAME]
             java -jar streamhub.jar simulate pressure [--url ws://HOST:PORT/ws] [--devices N] [--rate-hz R]... [--help]
             java -jar streamhub.jar generate-datasets --out DIR [--seed N]
             java -jar streamhub.jar token --sub SUB [--ttl 1h] [--claims K=V]... [--config FILE]... [--help]

      Starts a Streamhub node with the roles, ports and cluster settings of its configuration.

      Options:
        --config FILE   YAML file merged over the bundled defaults (conf/application.yaml). Repeatable: a later
                        file overrides an earlier one key by key (lists are replaced whole). The files are
                        watched while the node runs: "live" keys apply at once, the others after a restart.
        --help          Print this help and exit.

      Commands:
        store           Run only the embedded MongoDB-wire store, e.g. one store shared by the nodes of a local
                        cluster (mongo.connection_string: mongodb://127.0.0.1:N). --data-dir keeps its data in
                        files there; without it the data is in memory.
        bench rooms     Room fan-out benchmark against running nodes: latency, completeness and order.
        bench replay    Replay benchmark against a running node: N concurrent visitor streams, contiguity, lateness.
        bench replay-heap
                        Heap per active replay stream, measured in this JVM.
        simulate pressure
                        Pressure device simulator: N devices send frames of a moving, breathing blob at a fixed
                        rate; reports frames sent, acknowledged, persisted, errors, throughput and ack latency.
        generate-datasets
                        Write the bundled replay datasets (transactions, identity, machine baseline and
                        monitor CSVs) with the seeded generator they were made with.
        token           Print a JWT for a user, signed with the configured HS256 secret (or, for RS256/ES256,
                        with --private-key FILE), valid for --ttl (default 1h).

      Environment:
        Any key can be overridden with STREAMHUB_<KEY>: the dotted key upper-cased with dots and dashes as
        underscores, read as a YAML scalar or flow list. It wins over every file. Examples:
          STREAMHUB_HTTP_PORT=9090
          STREAMHUB_ROLES='[ingress, persistence]'
          STREAMHUB_CLUSTER_ENABLED=true STREAMHUB_CLUSTER_MEMBERS='[10.0.0.1:5701, 10.0.0.2:5701]'

      Exit status: 0 stopped normally, 1 the node failed to start, 2 invalid command line or configuration.
      """;

  Arguments {
    configFiles = List.copyOf(configFiles);
  }

  /** Throws {@link IllegalArgumentException} with a one-line reason on an unknown flag or a missing value. */
  static Arguments parse(String[] args) {
    List<Path> files = new ArrayList<>();
    boolean help = false;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--help") || arg.equals("-h")) {
        help = true;
      } else if (arg.equals("--config")) {
        if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
          throw new IllegalArgumentException("--config needs a file");
        }
        files.add(Path.of(args[++i]));
      } else if (arg.startsWith("--config=") && arg.length() > "--config=".length()) {
        files.add(Path.of(arg.substring("--config=".length())));
      } else {
        throw new IllegalArgumentException("unknown argument: " + arg);
      }
    }
    return new Arguments(files, help);
  }
}
