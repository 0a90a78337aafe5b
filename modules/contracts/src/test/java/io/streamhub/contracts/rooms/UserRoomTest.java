package io.streamhub.contracts.rooms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class UserRoomTest {

  @Test
  @DisplayName("A plain sub is used as it is in its user room")
  void plainSub() {
    assertThat(UserRoom.of("alice")).isEqualTo("user.alice");
    assertThat(UserRoom.of("user_7-b")).isEqualTo("user.user_7-b");
  }

  @Test
  @DisplayName("A sub with characters a room may not hold maps to a stable, valid, hashed room name")
  void hashedSub() {
    String room = UserRoom.of("auth0|123");
    assertThat(room).startsWith("user.sha256:").hasSize("user.sha256:".length() + 32);
    assertThat(RoomName.isValid(room)).isTrue();
    assertThat(UserRoom.of("auth0|123")).isEqualTo(room);
    assertThat(UserRoom.of("auth0|124")).isNotEqualTo(room);
    assertThat(RoomName.isValid(UserRoom.of("a".repeat(65)))).isTrue();
    assertThat(UserRoom.of("a".repeat(65))).startsWith("user.sha256:");
  }

  @Test
  @DisplayName("An empty sub has no room")
  void emptySub() {
    assertThatThrownBy(() -> UserRoom.of("")).isInstanceOf(IllegalArgumentException.class);
  }
}
