package io.streamhub.ingress.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.OptionalLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TokenLifetimeTest {

  private static final long EXP_S = 1_000_000;
  private static final long EXP_MS = EXP_S * 1000;

  private static AuthenticatedUser user(String sub, long exp) {
    return new AuthenticatedUser(sub, exp, new JsonObject());
  }

  @Test
  @DisplayName("The connection closes at exp plus the leeway, at once when that has passed")
  void closeAtExpPlusLeeway() {
    TokenLifetime lifetime = new TokenLifetime(EXP_S, 5, 60);
    assertThat(lifetime.closeDelayMs(EXP_MS - 10_000)).isEqualTo(15_000);
    assertThat(lifetime.closeDelayMs(EXP_MS + 4_999)).isEqualTo(1);
    assertThat(lifetime.closeDelayMs(EXP_MS + 9_000)).isZero();
  }

  @Test
  @DisplayName("expiring goes out notice seconds before exp, at once inside that window, never after exp or with 0")
  void noticeSchedule() {
    TokenLifetime lifetime = new TokenLifetime(EXP_S, 5, 60);
    assertThat(lifetime.noticeDelayMs(EXP_MS - 100_000)).isEqualTo(OptionalLong.of(40_000));
    assertThat(lifetime.noticeDelayMs(EXP_MS - 30_000)).isEqualTo(OptionalLong.of(0));
    assertThat(lifetime.noticeDelayMs(EXP_MS)).isEmpty();
    assertThat(new TokenLifetime(EXP_S, 5, 0).noticeDelayMs(EXP_MS - 100_000)).isEmpty();
  }

  @Test
  @DisplayName("in_s counts whole seconds left until exp, rounded up, never below 0")
  void inSeconds() {
    TokenLifetime lifetime = new TokenLifetime(EXP_S, 0, 60);
    assertThat(lifetime.inS(EXP_MS - 60_000)).isEqualTo(60);
    assertThat(lifetime.inS(EXP_MS - 59_001)).isEqualTo(60);
    assertThat(lifetime.inS(EXP_MS + 1)).isZero();
  }

  @Test
  @DisplayName("A refresh extends only with a later token of the same sub")
  void refreshDecisions() {
    AuthenticatedUser current = user("alice", EXP_S);
    assertThat(TokenLifetime.refresh(current, user("alice", EXP_S + 1))).isEqualTo(TokenLifetime.Refresh.EXTEND);
    assertThat(TokenLifetime.refresh(current, user("alice", EXP_S))).isEqualTo(TokenLifetime.Refresh.NOT_LATER);
    assertThat(TokenLifetime.refresh(current, user("bob", EXP_S + 100)))
        .isEqualTo(TokenLifetime.Refresh.OTHER_USER);
  }
}
