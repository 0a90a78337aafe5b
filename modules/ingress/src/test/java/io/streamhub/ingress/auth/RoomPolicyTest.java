package io.streamhub.ingress.auth;

import static io.streamhub.ingress.auth.RoomPolicy.Verdict.ALLOW;
import static io.streamhub.ingress.auth.RoomPolicy.Verdict.FORBIDDEN;
import static io.streamhub.ingress.auth.RoomPolicy.Verdict.IF_OWNER;
import static io.streamhub.ingress.auth.RoomPolicy.Verdict.UNAUTHORIZED;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamhub.contracts.config.RoomRule;
import io.streamhub.contracts.config.RoomRule.Action;
import io.streamhub.contracts.rooms.UserRoom;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RoomPolicyTest {

  private static final Optional<AuthenticatedUser> ANONYMOUS = Optional.empty();

  private static Optional<AuthenticatedUser> user(String sub, JsonObject claims) {
    return Optional.of(new AuthenticatedUser(sub, 0, claims));
  }

  private static Optional<AuthenticatedUser> user(String sub) {
    return user(sub, new JsonObject());
  }

  @Test
  @DisplayName("A user may subscribe to its own room, not to another's, and never publish into one by default")
  void userRooms() {
    assertThat(RoomPolicy.decide(List.of(), user("alice"), "user.alice", Action.SUBSCRIBE)).isEqualTo(ALLOW);
    assertThat(RoomPolicy.decide(List.of(), user("auth0|1"), UserRoom.of("auth0|1"), Action.SUBSCRIBE))
        .isEqualTo(ALLOW);
    assertThat(RoomPolicy.decide(List.of(), user("alice"), "user.bob", Action.SUBSCRIBE)).isEqualTo(FORBIDDEN);
    assertThat(RoomPolicy.decide(List.of(), user("alice"), "user.alice", Action.PUBLISH)).isEqualTo(FORBIDDEN);
    assertThat(RoomPolicy.decide(List.of(), ANONYMOUS, "user.alice", Action.SUBSCRIBE)).isEqualTo(UNAUTHORIZED);
  }

  @Test
  @DisplayName("workout rooms: subscribing depends on the workout's owner; nobody may publish into them")
  void workoutRooms() {
    assertThat(RoomPolicy.decide(List.of(), user("alice"), "workout.w1", Action.SUBSCRIBE)).isEqualTo(IF_OWNER);
    assertThat(RoomPolicy.workoutId("workout.w1")).isEqualTo("w1");
    assertThat(RoomPolicy.decide(List.of(), user("alice"), "workout.w1", Action.PUBLISH)).isEqualTo(FORBIDDEN);
    assertThat(RoomPolicy.decide(List.of(), ANONYMOUS, "workout.w1", Action.SUBSCRIBE)).isEqualTo(IF_OWNER);
    assertThat(RoomPolicy.decide(List.of(), ANONYMOUS, "workout.w1", Action.PUBLISH)).isEqualTo(UNAUTHORIZED);
  }

  @Test
  @DisplayName("Other rooms stay open until a rule names them; then only a matching rule with its claims grants")
  void rulesWithClaims() {
    List<RoomRule> rules = List.of(new RoomRule("coaches.*", Set.of(Action.SUBSCRIBE), Map.of("role", "coach")),
        new RoomRule("user.*", Set.of(Action.PUBLISH), Map.of("role", "backend")));
    assertThat(RoomPolicy.decide(rules, ANONYMOUS, "lobby", Action.PUBLISH)).isEqualTo(ALLOW);
    assertThat(RoomPolicy.decide(rules, ANONYMOUS, "coaches.news", Action.PUBLISH)).as("other action").isEqualTo(ALLOW);
    assertThat(RoomPolicy.decide(rules, user("alice", new JsonObject().put("role", "coach")), "coaches.news",
        Action.SUBSCRIBE)).isEqualTo(ALLOW);
    assertThat(RoomPolicy.decide(rules, user("bob", new JsonObject().put("roles", new JsonArray().add("coach"))),
        "coaches.news", Action.SUBSCRIBE)).isEqualTo(FORBIDDEN);
    assertThat(RoomPolicy.decide(rules, user("bob", new JsonObject().put("role", new JsonArray().add("coach"))),
        "coaches.news", Action.SUBSCRIBE)).as("list claim").isEqualTo(ALLOW);
    assertThat(RoomPolicy.decide(rules, ANONYMOUS, "coaches.news", Action.SUBSCRIBE)).isEqualTo(UNAUTHORIZED);
    assertThat(RoomPolicy.decide(rules, user("svc", new JsonObject().put("role", "backend")), "user.alice",
        Action.PUBLISH)).isEqualTo(ALLOW);
  }

  @Test
  @DisplayName("A {sub} rule grants each user its own rooms and covers the others' rooms against them")
  void subRules() {
    List<RoomRule> rules = List.of(new RoomRule("team.{sub}", Set.of(Action.SUBSCRIBE, Action.PUBLISH), Map.of()));
    assertThat(RoomPolicy.decide(rules, user("alice"), "team.alice", Action.PUBLISH)).isEqualTo(ALLOW);
    assertThat(RoomPolicy.decide(rules, user("bob"), "team.alice", Action.SUBSCRIBE)).isEqualTo(FORBIDDEN);
    assertThat(RoomPolicy.decide(rules, ANONYMOUS, "team.alice", Action.SUBSCRIBE)).isEqualTo(UNAUTHORIZED);
  }
}
