package io.streamhub.dashboard;

import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Which users are online, from the ingress' presence messages ({@code dashboard.presence.v1}): every dashboard node
 * hears every message, so every node knows every online user. A connection counts until it is reported closed or its
 * refresh is older than {@code dashboard.presence_expiry_ms} (its node may have died). Bounded: presence of users
 * past {@code maxUsers} is ignored. Confined to the verticle's event loop.
 */
final class Presence {

  enum Change {
    /** A connection not known before came online: its user needs a dashboard now. */
    NEW_CONNECTION,
    /** A known connection was refreshed, or an unknown one closed. */
    REFRESHED,
    /** A known connection closed. */
    CLOSED,
    /** Ignored: {@code maxUsers} users are online already. */
    IGNORED
  }

  private final Map<String, Map<String, Long>> connectionsByUser = new HashMap<>();
  private final int maxUsers;

  Presence(int maxUsers) {
    this.maxUsers = maxUsers;
  }

  /**
   * Applies one presence message.
   *
   * @param connection the connection, unique cluster-wide ({@code member_id} and {@code connection_id})
   */
  Change update(String user, String connection, boolean online, long nowMs) {
    Map<String, Long> connections = connectionsByUser.get(user);
    if (!online) {
      if (connections == null || connections.remove(connection) == null) {
        return Change.REFRESHED;
      }
      if (connections.isEmpty()) {
        connectionsByUser.remove(user);
      }
      return Change.CLOSED;
    }
    if (connections == null) {
      if (connectionsByUser.size() >= maxUsers) {
        return Change.IGNORED;
      }
      connections = new HashMap<>();
      connectionsByUser.put(user, connections);
    }
    return connections.put(connection, nowMs) == null ? Change.NEW_CONNECTION : Change.REFRESHED;
  }

  /** Forgets connections not refreshed within {@code expiryMs}; returns the users left without any. */
  Set<String> expire(long nowMs, long expiryMs) {
    Set<String> gone = new LinkedHashSet<>();
    Iterator<Map.Entry<String, Map<String, Long>>> users = connectionsByUser.entrySet().iterator();
    while (users.hasNext()) {
      Map.Entry<String, Map<String, Long>> user = users.next();
      user.getValue().values().removeIf(seen -> nowMs - seen > expiryMs);
      if (user.getValue().isEmpty()) {
        users.remove();
        gone.add(user.getKey());
      }
    }
    return gone;
  }

  boolean online(String user) {
    return connectionsByUser.containsKey(user);
  }

  Set<String> users() {
    return Set.copyOf(connectionsByUser.keySet());
  }
}
