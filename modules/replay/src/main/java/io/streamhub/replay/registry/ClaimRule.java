package io.streamhub.replay.registry;

import java.util.Objects;

/** The compare part of {@link StreamRegistry#claim}: shared by both registries so they cannot disagree. */
final class ClaimRule {

  private ClaimRule() {
  }

  static boolean matches(StreamRecord current, String expectedStreamId, String expectedOwner) {
    if (current == null) {
      return expectedStreamId == null && expectedOwner == null;
    }
    return Objects.equals(current.streamId(), expectedStreamId) && Objects.equals(current.owner(), expectedOwner);
  }
}
