package io.streamhub.stats.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.streamhub.stats.SessionStats;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class HazelcastSessionLedgerTest {

  private static HazelcastInstance hazelcast;
  private static SessionLedger ledger;

  @BeforeAll
  static void start() {
    Config config = new Config().setClusterName("ledger-test-" + System.nanoTime());
    config.getNetworkConfig().setPort(0).setPortAutoIncrement(true);
    config.getNetworkConfig().getJoin().getMulticastConfig().setEnabled(false);
    config.getNetworkConfig().getJoin().getAutoDetectionConfig().setEnabled(false);
    config.getNetworkConfig().getJoin().getTcpIpConfig().setEnabled(false);
    hazelcast = Hazelcast.newHazelcastInstance(config);
    ledger = new HazelcastSessionLedger(hazelcast);
  }

  @AfterAll
  static void stop() {
    hazelcast.shutdown();
  }

  @Test
  @DisplayName("the clustered ledger keeps a workout's owner: another user's join is refused and reopens nothing")
  void ownership() {
    ledger.join("hw", "alice", 0).toCompletableFuture().join();
    ledger.end("hw").toCompletableFuture().join();
    assertThat(ledger.join("hw", "bob", 10).toCompletableFuture().join().mayJoin("bob")).isFalse();
    assertThat(ledger.get("hw").toCompletableFuture().join().active()).isFalse();
    SessionState rejoined = ledger.join("hw", "alice", 20).toCompletableFuture().join();
    assertThat(rejoined.active()).isTrue();
    assertThat(rejoined.ownerSub()).isEqualTo("alice");
    ledger.seed("hs", new SessionStats(), "carol", 0).toCompletableFuture().join();
    assertThat(ledger.get("hs").toCompletableFuture().join().ownerSub()).isEqualTo("carol");
    ledger.join("ha", null, 0).toCompletableFuture().join();
    assertThat(ledger.join("ha", "dave", 0).toCompletableFuture().join().mayJoin("dave")).isTrue();
  }
}
