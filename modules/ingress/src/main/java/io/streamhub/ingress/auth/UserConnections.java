package io.streamhub.ingress.auth;

import io.streamhub.contracts.Addresses;
import io.streamhub.ingress.protocol.ClientConnection;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * This ingress's authenticated connections by {@code sub}: delivers {@link Addresses#USER_PUSH} to every local
 * connection of the user, and announces presence on {@link Addresses#DASHBOARD_PRESENCE} — online when a connection
 * authenticates, offline when it closes, online again on every {@link #refresh} while it stays open. Runs on the
 * ingress verticle's event loop.
 */
public final class UserConnections {

  private final EventBus bus;
  private final String memberId;
  private final Map<String, Set<ClientConnection>> bySub = new HashMap<>();
  private final Map<String, String> subByConnection = new HashMap<>();

  public UserConnections(EventBus bus, String memberId) {
    this.bus = bus;
    this.memberId = memberId;
  }

  /** A connection authenticated as {@code user}. */
  public void online(ClientConnection connection, AuthenticatedUser user) {
    bySub.computeIfAbsent(user.sub(), s -> new LinkedHashSet<>()).add(connection);
    subByConnection.put(connection.id(), user.sub());
    presence(user.sub(), connection.id(), true);
  }

  /** A connection closed; announces it offline if it was authenticated. */
  public void closed(ClientConnection connection) {
    String sub = subByConnection.remove(connection.id());
    if (sub == null) {
      return;
    }
    Set<ClientConnection> mine = bySub.get(sub);
    if (mine != null && mine.remove(connection) && mine.isEmpty()) {
      bySub.remove(sub);
    }
    presence(sub, connection.id(), false);
  }

  /** A {@code {user_id, event, data}} push: sent as {@code event} to each local connection of the user. */
  public void push(JsonObject body) {
    if (body == null || !(body.getValue("user_id") instanceof String sub)
        || !(body.getValue("event") instanceof String event) || !(body.getValue("data") instanceof JsonObject data)) {
      return;
    }
    for (ClientConnection connection : List.copyOf(bySub.getOrDefault(sub, Set.of()))) {
      connection.send(event, data);
    }
  }

  /** Re-announces every open authenticated connection, so presence held elsewhere does not expire. */
  public void refresh() {
    subByConnection.forEach((connectionId, sub) -> presence(sub, connectionId, true));
  }

  /** How many local connections {@code sub} has open. */
  public int count(String sub) {
    return bySub.getOrDefault(sub, Set.of()).size();
  }

  private void presence(String sub, String connectionId, boolean online) {
    bus.publish(Addresses.DASHBOARD_PRESENCE, new JsonObject().put("user_id", sub).put("member_id", memberId)
        .put("connection_id", connectionId).put("online", online));
  }
}
