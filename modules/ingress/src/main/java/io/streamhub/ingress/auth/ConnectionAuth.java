package io.streamhub.ingress.auth;

import io.streamhub.contracts.config.AuthConfig;
import io.streamhub.ingress.protocol.ClientConnection;
import io.streamhub.ingress.protocol.CloseCodes;
import io.streamhub.ingress.protocol.ErrorCode;
import io.streamhub.ingress.protocol.ProtocolException;
import io.streamhub.ingress.rooms.Timers;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The authentication of one connection: who it is, the window in which an anonymous connection may still send
 * {@code auth {token}} ({@code auth.ws.auth_deadline_ms}), and the timers of its token's {@link TokenLifetime}.
 * Runs on the connection's event loop; {@link #close} cancels every timer.
 *
 * <p>A token offered to authenticate (on the upgrade, or in {@code auth}) that is refused fails with a
 * {@link ProtocolException} that closes the connection with {@link CloseCodes#UNAUTHORIZED}. A refused
 * {@code refresh_token} only answers an error: the connection keeps its current token until that expires.
 */
public final class ConnectionAuth {

  private static final Logger LOG = LoggerFactory.getLogger(ConnectionAuth.class);

  private final Optional<TokenVerifier> verifier;
  private final Timers timers;
  private final LongSupplier clockMs;
  private final Supplier<AuthConfig> config;
  private final BiFunction<ClientConnection, AuthenticatedUser, Future<?>> onAuthenticated;
  private AuthenticatedUser user;
  private boolean windowOpen = true;
  private boolean closed;
  private long deadlineTimer = -1;
  private long noticeTimer = -1;
  private long expiryTimer = -1;

  /**
   * @param verifier empty when the node has no key: every token is refused
   * @param onAuthenticated called once, when the connection authenticates (not on refresh), e.g. to join the user's
   *     room; authentication completes when its future does
   */
  public ConnectionAuth(Optional<TokenVerifier> verifier, Timers timers, LongSupplier clockMs,
      Supplier<AuthConfig> config, BiFunction<ClientConnection, AuthenticatedUser, Future<?>> onAuthenticated) {
    this.verifier = verifier;
    this.timers = timers;
    this.clockMs = clockMs;
    this.config = config;
    this.onAuthenticated = onAuthenticated;
  }

  public Optional<AuthenticatedUser> user() {
    return Optional.ofNullable(user);
  }

  /** The user of {@code connection}, or an {@code unauthorized} error naming what needed it. */
  public static AuthenticatedUser requireUser(ClientConnection connection, String what) {
    return connection.user().orElseThrow(() -> new ProtocolException(ErrorCode.UNAUTHORIZED, what
        + " needs an authenticated connection: connect with a token, or send auth {token} first"));
  }

  /** Starts the window for {@code auth {token}}; after it an anonymous connection stays anonymous. */
  public void openWindow() {
    deadlineTimer = timers.schedule(config.get().wsAuthDeadlineMs(), () -> windowOpen = false);
  }

  /** Authenticates with a token offered on the upgrade or in {@code auth}; a refusal closes the connection. */
  public Future<AuthenticatedUser> authenticate(ClientConnection connection, String token) {
    return verify(token).recover(failure -> Future.failedFuture(ProtocolException.closing(code(failure),
        failure.getMessage(), CloseCodes.UNAUTHORIZED))).compose(verified -> {
          if (closed) {
            return Future.succeededFuture(verified);
          }
          user = verified;
          windowOpen = false;
          timers.cancel(deadlineTimer);
          schedule(connection);
          return onAuthenticated.apply(connection, verified).map(verified);
        });
  }

  /**
   * The {@code auth {token}} event: authenticates an anonymous connection within the window (answering, besides the
   * ack, {@code connected {status: "success", user_id, connection_id}}); on an authenticated connection it is a
   * {@code refresh_token}.
   */
  public Future<JsonObject> onAuthEvent(ClientConnection connection, String token) {
    if (user != null) {
      return refresh(connection, token);
    }
    if (!windowOpen) {
      return Future.failedFuture(new ProtocolException(ErrorCode.UNAUTHORIZED, "auth must be sent within "
          + config.get().wsAuthDeadlineMs() + " ms of connecting (auth.ws.auth_deadline_ms); this connection stays "
          + "anonymous: reconnect with a token"));
    }
    return authenticate(connection, token).map(verified -> {
      connection.send("connected", connected(connection, verified));
      return status(verified);
    });
  }

  /** {@code refresh_token {token}}: a later token of the same {@code sub} extends the connection. */
  public Future<JsonObject> refresh(ClientConnection connection, String token) {
    AuthenticatedUser current = requireUser(connection, "refresh_token");
    return verify(token).recover(failure -> Future.failedFuture(new ProtocolException(code(failure),
        "refresh refused, the current token stays in force: " + failure.getMessage()))).map(candidate -> {
          switch (TokenLifetime.refresh(current, candidate)) {
            case OTHER_USER -> throw new ProtocolException(ErrorCode.FORBIDDEN, "the refresh token is for another "
                + "user (sub); a connection never changes user");
            case NOT_LATER -> throw ProtocolException.invalidField("token", "must expire later than the current "
                + "token");
            default -> {
              user = candidate;
              schedule(connection);
              return status(candidate);
            }
          }
        });
  }

  /** The payload of {@code connected} for an authenticated connection. */
  public static JsonObject connected(ClientConnection connection, AuthenticatedUser user) {
    return new JsonObject().put("status", "success").put("user_id", user.sub()).put("connection_id",
        connection.id());
  }

  /** Stops every timer; the connection is gone. */
  public void close() {
    closed = true;
    timers.cancel(deadlineTimer);
    timers.cancel(noticeTimer);
    timers.cancel(expiryTimer);
  }

  private Future<AuthenticatedUser> verify(String token) {
    return verifier.map(v -> v.verify(token)).orElseGet(() -> Future.failedFuture(AuthFailure.unauthorized(
        "this node has no verification key (auth.jwt) and accepts no token")));
  }

  private void schedule(ClientConnection connection) {
    timers.cancel(noticeTimer);
    timers.cancel(expiryTimer);
    AuthConfig auth = config.get();
    TokenLifetime lifetime = TokenLifetime.of(user, auth.jwt().leewayS(), auth.expiringNoticeS());
    long now = clockMs.getAsLong();
    noticeTimer = lifetime.noticeDelayMs(now).stream().map(delay -> timers.schedule(Math.max(1, delay),
        () -> connection.send("expiring", new JsonObject().put("in_s", lifetime.inS(clockMs.getAsLong())))))
        .findFirst().orElse(-1);
    expiryTimer = timers.schedule(Math.max(1, lifetime.closeDelayMs(now)), () -> expired(connection));
  }

  private void expired(ClientConnection connection) {
    LOG.debug("connection {}: the token of {} expired", connection.id(), user.sub());
    connection.send("error", new JsonObject().put("code", ErrorCode.TOKEN_EXPIRED.wire())
        .put("message", "token expired; reconnect with a new token (or send refresh_token before exp)"));
    connection.close(CloseCodes.UNAUTHORIZED, "token expired");
  }

  private static JsonObject status(AuthenticatedUser user) {
    return new JsonObject().put("status", "success").put("user_id", user.sub()).put("exp", user.expEpochS());
  }

  private static ErrorCode code(Throwable failure) {
    return failure instanceof AuthFailure af ? af.code() : ErrorCode.UNAUTHORIZED;
  }
}
