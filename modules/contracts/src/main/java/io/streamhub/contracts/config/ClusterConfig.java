package io.streamhub.contracts.config;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * Hazelcast clustering. Restart-only.
 *
 * @param enabled join a cluster (otherwise the node runs alone with a local event bus)
 * @param host interface Hazelcast binds and advertises
 * @param port Hazelcast member port
 * @param members {@code host:port} of the members to join over TCP-IP (multicast and auto-detection are off)
 * @param configFile a Hazelcast XML file that replaces the built-in member config; empty uses the built-in one
 * @param heartbeatIntervalS seconds between member heartbeats
 * @param maxNoHeartbeatS seconds without a heartbeat before a member is declared dead
 */
public record ClusterConfig(boolean enabled, String host, int port, List<String> members, String configFile,
    int heartbeatIntervalS, int maxNoHeartbeatS) {

  public ClusterConfig {
    members = List.copyOf(members);
  }

  static ClusterConfig read(ConfigReader r) {
    List<String> members = r.strings("members");
    for (int i = 0; i < members.size(); i++) {
      String m = members.get(i);
      int colon = m.lastIndexOf(':');
      boolean ok = colon > 0 && colon < m.length() - 1;
      if (ok) {
        try {
          int p = Integer.parseInt(m.substring(colon + 1));
          ok = p > 0 && p <= 65535;
        } catch (NumberFormatException e) {
          ok = false;
        }
      }
      if (!ok) {
        throw new ConfigException(r.key("members") + "[" + i + "]", "must be host:port, got \"" + m + "\"");
      }
    }
    int heartbeat = r.intIn("heartbeat_interval_s", 1, 60);
    int maxNoHeartbeat = r.intIn("max_no_heartbeat_s", 2, 600);
    if (maxNoHeartbeat <= heartbeat) {
      throw new ConfigException(r.key("max_no_heartbeat_s"), "must be greater than heartbeat_interval_s");
    }
    ClusterConfig c = new ClusterConfig(r.bool("enabled"), r.string("host"), r.port("port", false), members,
        r.string("config_file"), heartbeat, maxNoHeartbeat);
    r.rejectUnknown();
    return c;
  }

  JsonObject toJson() {
    return new JsonObject().put("enabled", enabled).put("host", host).put("port", port)
        .put("members", new JsonArray(members)).put("config_file", configFile)
        .put("heartbeat_interval_s", heartbeatIntervalS).put("max_no_heartbeat_s", maxNoHeartbeatS);
  }
}
