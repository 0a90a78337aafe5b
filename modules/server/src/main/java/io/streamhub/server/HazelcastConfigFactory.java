package io.streamhub.server;

import com.hazelcast.config.Config;
import com.hazelcast.config.InvalidConfigurationException;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.MultiMapConfig;
import com.hazelcast.config.NetworkConfig;
import io.streamhub.contracts.config.ClusterConfig;
import io.streamhub.contracts.config.ConfigException;
import io.streamhub.contracts.config.RoomsConfig;
import io.streamhub.ingress.rooms.HazelcastRoomDirectory;
import java.io.File;
import java.io.FileNotFoundException;
import java.util.regex.Pattern;

/**
 * Builds the Hazelcast member configuration of a node: either from the {@code cluster.*} keys (TCP-IP join with
 * the listed members, no multicast, no cloud discovery) or from the XML file named by {@code cluster.config_file}.
 * Either way the maps and multimap Vert.x and the room directory rely on are present.
 */
public final class HazelcastConfigFactory {

  public static final String CLUSTER_NAME = "streamhub";

  private static final Pattern IP_LITERAL = Pattern.compile("[0-9.]+|.*:.*");

  private HazelcastConfigFactory() {
  }

  public static Config create(ClusterConfig cluster, RoomsConfig rooms) {
    Config config = cluster.configFile().isEmpty() ? fromSettings(cluster) : fromFile(cluster.configFile());
    addRequiredStructures(config, rooms);
    return config;
  }

  static Config fromSettings(ClusterConfig cluster) {
    Config config = new Config();
    config.setClusterName(CLUSTER_NAME);
    config.setProperty("hazelcast.phone.home.enabled", "false");
    config.setProperty("hazelcast.wait.seconds.before.join", "0");
    config.setProperty("hazelcast.heartbeat.interval.seconds", String.valueOf(cluster.heartbeatIntervalS()));
    config.setProperty("hazelcast.max.no.heartbeat.seconds", String.valueOf(cluster.maxNoHeartbeatS()));
    config.setProperty("hazelcast.logging.type", "slf4j");
    // The node leaves the cluster itself when it closes Vert.x, after its verticles stopped.
    config.setProperty("hazelcast.shutdownhook.enabled", "false");

    NetworkConfig network = config.getNetworkConfig();
    network.setPort(cluster.port()).setPortAutoIncrement(false);
    network.setPublicAddress(cluster.host());
    if (IP_LITERAL.matcher(cluster.host()).matches()) {
      // Bind only the configured interface instead of every one (Hazelcast's default).
      network.getInterfaces().setEnabled(true).addInterface(cluster.host());
      config.setProperty("hazelcast.socket.bind.any", "false");
    }

    JoinConfig join = network.getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    join.getAwsConfig().setEnabled(false);
    join.getGcpConfig().setEnabled(false);
    join.getAzureConfig().setEnabled(false);
    join.getKubernetesConfig().setEnabled(false);
    join.getEurekaConfig().setEnabled(false);
    join.getTcpIpConfig().setEnabled(true).setMembers(cluster.members());
    return config;
  }

  static Config fromFile(String path) {
    try {
      return Config.loadFromFile(new File(path));
    } catch (FileNotFoundException e) {
      throw new ConfigException("cluster.config_file", "cannot read " + path);
    } catch (InvalidConfigurationException e) {
      throw new ConfigException("cluster.config_file", "not a valid Hazelcast configuration: " + e.getMessage());
    }
  }

  /**
   * Adds what vertx-hazelcast's own {@code default-cluster.xml} declares (event-bus subscriptions, HA and node
   * info with one backup each) and the room directory map, unless the configuration names them already.
   */
  static void addRequiredStructures(Config config, RoomsConfig rooms) {
    if (!config.getMultiMapConfigs().containsKey("__vertx.subs")) {
      config.addMultiMapConfig(new MultiMapConfig("__vertx.subs").setBackupCount(1)
          .setValueCollectionType(MultiMapConfig.ValueCollectionType.SET));
    }
    addMapIfAbsent(config, new MapConfig("__vertx.haInfo").setBackupCount(1));
    addMapIfAbsent(config, new MapConfig("__vertx.nodeInfo").setBackupCount(1));
    addMapIfAbsent(config, new MapConfig(HazelcastRoomDirectory.MAP_NAME).setBackupCount(1)
        .setMaxIdleSeconds((int) rooms.idleExpiryS()));
  }

  private static void addMapIfAbsent(Config config, MapConfig map) {
    if (!config.getMapConfigs().containsKey(map.getName())) {
      config.addMapConfig(map);
    }
  }
}
