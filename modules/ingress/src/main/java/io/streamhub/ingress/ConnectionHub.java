package io.streamhub.ingress;

import io.streamhub.contracts.config.AuthConfig;
import io.streamhub.contracts.rooms.UserRoom;
import io.streamhub.ingress.auth.AuthenticatedUser;
import io.streamhub.ingress.auth.ConnectionAuth;
import io.streamhub.ingress.auth.TokenVerifier;
import io.streamhub.ingress.auth.UserConnections;
import io.streamhub.ingress.protocol.ClientConnection;
import io.streamhub.ingress.protocol.ErrorCode;
import io.streamhub.ingress.protocol.EventDispatcher;
import io.streamhub.ingress.protocol.Fields;
import io.streamhub.ingress.protocol.ProtocolException;
import io.streamhub.ingress.rooms.RoomSubscriptions;
import io.streamhub.ingress.rooms.Timers;
import io.vertx.core.Future;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every client connection of this ingress, whatever wire protocol it speaks (JSON WebSocket, Socket.IO): creates
 * each one's {@link ConnectionAuth}, keeps it while the connection is open, serves {@code auth} and
 * {@code refresh_token}, and releases what a connection held (rooms, presence, replay tabs, pressure sessions) when it
 * closes. Confined to the ingress verticle's event loop.
 */
public final class ConnectionHub {

  private static final Logger LOG = LoggerFactory.getLogger(ConnectionHub.class);

  private record Entry(ClientConnection connection, ConnectionAuth auth) {
  }

  private final Map<String, Entry> open = new LinkedHashMap<>();
  private final Optional<TokenVerifier> verifier;
  private final Timers timers;
  private final Supplier<AuthConfig> config;
  private final UserConnections users;
  private final RoomSubscriptions subscriptions;
  private final List<Consumer<ClientConnection>> releases;

  /**
   * @param releases what else a closed connection must let go of (replay tabs, pressure sessions), run in order
   */
  public ConnectionHub(Optional<TokenVerifier> verifier, Timers timers, Supplier<AuthConfig> config,
      UserConnections users, RoomSubscriptions subscriptions, List<Consumer<ClientConnection>> releases) {
    this.verifier = verifier;
    this.timers = timers;
    this.config = config;
    this.users = users;
    this.subscriptions = subscriptions;
    this.releases = List.copyOf(releases);
  }

  /** {@code auth {token}} and {@code refresh_token {token}}, for every protocol. */
  public void register(EventDispatcher dispatcher) {
    dispatcher.register("auth", (connection, data) -> authOf(connection)
        .onAuthEvent(connection, Fields.requiredString(data, "token")));
    dispatcher.register("refresh_token", (connection, data) -> authOf(connection)
        .refresh(connection, Fields.requiredString(data, "token")));
  }

  /** A new connection's authentication; it joins its user's room as soon as it authenticates. */
  public ConnectionAuth newAuth() {
    return new ConnectionAuth(verifier, timers, System::currentTimeMillis, config, this::onAuthenticated);
  }

  /** A connection started; it is released by {@link #closed}. */
  public void opened(ClientConnection connection, ConnectionAuth auth) {
    open.put(connection.id(), new Entry(connection, auth));
  }

  /** Releases what a connection held; safe to call twice (on shutdown, then when its socket closes). */
  public void closed(ClientConnection connection) {
    Entry entry = open.remove(connection.id());
    if (entry == null) {
      return;
    }
    entry.auth().close();
    users.closed(connection);
    subscriptions.unsubscribeAll(connection);
    releases.forEach(release -> release.accept(connection));
  }

  /** The open connections, oldest first. */
  public List<ClientConnection> connections() {
    return open.values().stream().map(Entry::connection).toList();
  }

  private ConnectionAuth authOf(ClientConnection connection) {
    Entry entry = open.get(connection.id());
    if (entry == null) {
      throw new ProtocolException(ErrorCode.UNAUTHORIZED, "this connection is closing");
    }
    return entry.auth();
  }

  /** Every authenticated connection sits in its user's room and is announced online. */
  private Future<?> onAuthenticated(ClientConnection connection, AuthenticatedUser user) {
    users.online(connection, user);
    return subscriptions.subscribe(connection, UserRoom.of(user.sub()))
        .onFailure(e -> LOG.warn("connection {} could not join {}: {}", connection.id(), UserRoom.of(user.sub()),
            e.getMessage()))
        .otherwiseEmpty();
  }
}
