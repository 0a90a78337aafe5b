package io.streamhub.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamhub.dashboard.Presence.Change;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Presence and per-user leases")
class PresenceAndLeaseTest {

  @Test
  @DisplayName("a new connection is news, a refresh is not; closed and stale connections take their user offline")
  void presence() {
    Presence presence = new Presence(2);
    assertThat(presence.update("ada", "m1/c1", true, 0)).isEqualTo(Change.NEW_CONNECTION);
    assertThat(presence.update("ada", "m1/c1", true, 100)).isEqualTo(Change.REFRESHED);
    assertThat(presence.update("ada", "m2/c2", true, 100)).isEqualTo(Change.NEW_CONNECTION);
    assertThat(presence.update("ada", "m1/c1", false, 200)).isEqualTo(Change.CLOSED);
    assertThat(presence.online("ada")).isTrue();
    assertThat(presence.update("bob", "m1/c3", true, 200)).isEqualTo(Change.NEW_CONNECTION);
    assertThat(presence.update("cy", "m1/c4", true, 200)).as("at max_online_users").isEqualTo(Change.IGNORED);
    assertThat(presence.expire(30_150, 30_000)).containsExactly("ada");
    assertThat(presence.users()).containsExactly("bob");
  }

  @Test
  @DisplayName("one node holds a user's lease until it lapses; the digest tells a changed dashboard from the same one")
  void leases() {
    LocalUserStates states = new LocalUserStates();
    assertThat(states.claim("ada", "n1", 0, 900).toCompletableFuture().join()).isTrue();
    assertThat(states.claim("ada", "n2", 100, 900).toCompletableFuture().join()).isFalse();
    assertThat(states.claim("ada", "n1", 500, 900).toCompletableFuture().join()).as("renewed").isTrue();
    assertThat(states.claim("ada", "n2", 1300, 900).toCompletableFuture().join()).isFalse();
    assertThat(states.claim("ada", "n2", 1400, 900).toCompletableFuture().join()).as("lapsed").isTrue();
    assertThat(states.swapDigest("ada", "d1").toCompletableFuture().join()).isTrue();
    assertThat(states.swapDigest("ada", "d1").toCompletableFuture().join()).isFalse();
    assertThat(states.swapDigest("ada", "d2").toCompletableFuture().join()).isTrue();
    states.setView("ada", "{}");
    states.forget("ada", "n1");
    assertThat(states.view("ada").toCompletableFuture().join()).as("only the holder forgets").isEqualTo("{}");
    states.forget("ada", "n2");
    assertThat(states.view("ada").toCompletableFuture().join()).isNull();
  }
}
