package io.streamhub.contracts.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamhub.contracts.config.RoomRule.Action;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RoomRuleTest {

  private static RoomRule rule(String pattern) {
    return new RoomRule(pattern, Set.of(Action.SUBSCRIBE), Map.of());
  }

  @Test
  @DisplayName("* matches any run of characters and ? exactly one")
  void globs() {
    assertThat(rule("workout.*").matches("workout.w1", null)).isTrue();
    assertThat(rule("workout.*").matches("workouts", null)).isFalse();
    assertThat(rule("team.?").matches("team.a", null)).isTrue();
    assertThat(rule("team.?").matches("team.ab", null)).isFalse();
    assertThat(rule("*").matches("anything.at:all", null)).isTrue();
  }

  @Test
  @DisplayName("{sub} stands for the connection's room-safe sub and never matches an anonymous connection")
  void subPlaceholder() {
    assertThat(rule("team.{sub}.*").matches("team.alice.news", "alice")).isTrue();
    assertThat(rule("team.{sub}.*").matches("team.bob.news", "alice")).isFalse();
    assertThat(rule("team.{sub}.*").matches("team.alice.news", null)).isFalse();
  }

  @Test
  @DisplayName("A rule survives the JSON round trip of a configuration")
  void roundTrip() throws Exception {
    StreamhubConfig config = ConfigLoader.withOverrides((
        new io.vertx.core.json.JsonObject("{\"auth\":{\"rooms\":{\"rules\":[{\"pattern\":\"user.*\","
            + "\"actions\":[\"publish\"],\"claims\":{\"role\":\"backend\"}}]}}}")));
    RoomRule parsed = config.auth().roomRules().get(0);
    assertThat(parsed).isEqualTo(new RoomRule("user.*", Set.of(Action.PUBLISH), Map.of("role", "backend")));
    assertThat(StreamhubConfig.fromJson(config.toJson()).auth().roomRules()).containsExactly(parsed);
  }
}
