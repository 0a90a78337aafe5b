package io.streamhub.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import io.streamhub.contracts.config.ClusterConfig;
import io.streamhub.contracts.config.ConfigException;
import io.streamhub.contracts.config.RoomsConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("HazelcastConfigFactory")
class HazelcastConfigFactoryTest {

  private static final RoomsConfig ROOMS = new RoomsConfig(2000, 10_000, 3600);

  private static ClusterConfig cluster(String configFile) {
    return new ClusterConfig(true, "127.0.0.1", 5702, List.of("127.0.0.1:5701", "127.0.0.1:5702"), configFile, 2, 9);
  }

  @Test
  @DisplayName("the members, the port and the heartbeat settings land in the Hazelcast config")
  void settingsLand() {
    Config config = HazelcastConfigFactory.create(cluster(""), ROOMS);

    assertThat(config.getClusterName()).isEqualTo("streamhub");
    assertThat(config.getNetworkConfig().getPort()).isEqualTo(5702);
    assertThat(config.getNetworkConfig().isPortAutoIncrement()).isFalse();
    assertThat(config.getNetworkConfig().getPublicAddress()).isEqualTo("127.0.0.1");
    assertThat(config.getNetworkConfig().getInterfaces().getInterfaces()).containsExactly("127.0.0.1");
    assertThat(config.getNetworkConfig().getJoin().getTcpIpConfig().isEnabled()).isTrue();
    assertThat(config.getNetworkConfig().getJoin().getTcpIpConfig().getMembers())
        .containsExactly("127.0.0.1:5701", "127.0.0.1:5702");
    assertThat(config.getProperty("hazelcast.heartbeat.interval.seconds")).isEqualTo("2");
    assertThat(config.getProperty("hazelcast.max.no.heartbeat.seconds")).isEqualTo("9");
    assertThat(config.getProperty("hazelcast.phone.home.enabled")).isEqualTo("false");
    assertThat(config.getProperty("hazelcast.shutdownhook.enabled")).isEqualTo("false");
  }

  @Test
  @DisplayName("multicast, auto-detection and cloud discovery are off")
  void discoveryOff() {
    JoinConfig join = HazelcastConfigFactory.create(cluster(""), ROOMS).getNetworkConfig().getJoin();

    assertThat(join.getMulticastConfig().isEnabled()).isFalse();
    assertThat(join.getAutoDetectionConfig().isEnabled()).isFalse();
    assertThat(join.getAwsConfig().isEnabled()).isFalse();
    assertThat(join.getKubernetesConfig().isEnabled()).isFalse();
  }

  @Test
  @DisplayName("the Vert.x structures and the rooms map expiring after rooms.idle_expiry_s are configured")
  void requiredStructures() {
    Config config = HazelcastConfigFactory.create(cluster(""), ROOMS);

    assertThat(config.getMultiMapConfigs()).containsKey("__vertx.subs");
    assertThat(config.getMultiMapConfigs().get("__vertx.subs").getBackupCount()).isEqualTo(1);
    assertThat(config.getMapConfigs()).containsKeys("__vertx.haInfo", "__vertx.nodeInfo");
    assertThat(config.getMapConfig("streamhub.rooms").getMaxIdleSeconds()).isEqualTo(3600);
    assertThat(config.getMapConfig("streamhub.rooms").getBackupCount()).isEqualTo(1);
  }

  @Test
  @DisplayName("the bundled conf/cluster.xml loads through cluster.config_file and keeps its own settings")
  void loadsClusterXml() {
    Config config = HazelcastConfigFactory.create(cluster(clusterXml().toString()), ROOMS);

    assertThat(config.getClusterName()).isEqualTo("streamhub");
    assertThat(config.getNetworkConfig().getJoin().getMulticastConfig().isEnabled()).isFalse();
    assertThat(config.getNetworkConfig().getJoin().getTcpIpConfig().getMembers())
        .containsExactly("127.0.0.1:5701", "127.0.0.1:5702", "127.0.0.1:5703");
    assertThat(config.getMapConfigs()).containsKeys("__vertx.haInfo", "__vertx.nodeInfo", "streamhub.rooms");
    assertThat(config.getMultiMapConfigs()).containsKey("__vertx.subs");
  }

  @Test
  @DisplayName("a missing cluster.config_file is a configuration error naming the key")
  void missingFile(@TempDir Path dir) {
    assertThatThrownBy(() -> HazelcastConfigFactory.create(cluster(dir.resolve("nope.xml").toString()), ROOMS))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("cluster.config_file");
  }

  private static Path clusterXml() {
    Path file = Path.of("../../conf/cluster.xml");
    assertThat(Files.exists(file)).as("conf/cluster.xml relative to the module").isTrue();
    return file;
  }
}
