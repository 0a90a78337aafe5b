package io.streamhub.contracts;

/**
 * Every event-bus address Streamhub uses. Names are dotted and versioned: a breaking change to a
 * message gets a new {@code .vN} suffix so old and new nodes can run side by side during a rollout.
 * No other class spells an address.
 */
public final class Addresses {

  /**
   * Node-local request: "is this node ready?". Body: none. Reply: {@link io.streamhub.contracts.ops.Readiness}
   * as JSON. Answered by the launcher of each node, which knows what it deployed.
   */
  public static final String OPS_READINESS = "ops.readiness.v1";

  /**
   * Cluster-wide request answered by any persistence verticle: "does the store answer?". Body: none.
   * Reply: {@link io.streamhub.contracts.ops.StorePing} as JSON; failure code 503 when the store does not answer.
   */
  public static final String PERSISTENCE_STORE_PING = "persistence.store.ping.v1";

  /**
   * Node-local publish of the whole effective configuration ({@link io.streamhub.contracts.config.StreamhubConfig}
   * as JSON) after a watched config file changed and the new configuration validated.
   */
  public static final String CONFIG_CHANGED = "config.changed.v1";

  /**
   * Prefix of the per-ingress-instance delivery address; the full address is the prefix plus the member id
   * registered in the room directory. Body: {@link io.streamhub.contracts.rooms.RoomMessage} as JSON.
   */
  private static final String ROOMS_DELIVER_PREFIX = "rooms.deliver.v1.";

  private Addresses() {
  }

  /** The delivery address of one ingress instance (one member of the room directory). */
  public static String roomsDeliver(String memberId) {
    return ROOMS_DELIVER_PREFIX + memberId;
  }
}
