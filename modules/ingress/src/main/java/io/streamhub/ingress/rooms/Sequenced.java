package io.streamhub.ingress.rooms;

import java.io.Serializable;
import java.util.List;

/**
 * Result of {@link RoomDirectory#sequence}.
 *
 * @param firstSeq the first reserved seq; the batch holds {@code firstSeq .. firstSeq + count - 1}
 * @param members ingress instances with subscribers at the moment of sequencing
 * @param atMs wall clock at sequencing, epoch milliseconds
 */
public record Sequenced(long firstSeq, List<String> members, long atMs) implements Serializable {

  public Sequenced {
    members = List.copyOf(members);
  }
}
