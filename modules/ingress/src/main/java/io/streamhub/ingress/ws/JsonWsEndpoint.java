package io.streamhub.ingress.ws;

import io.streamhub.contracts.config.StreamhubConfig;
import io.streamhub.ingress.ConnectionHub;
import io.streamhub.ingress.IngressMetrics;
import io.streamhub.ingress.auth.ConnectionAuth;
import io.streamhub.ingress.http.BearerAuth;
import io.streamhub.ingress.http.HttpErrors;
import io.streamhub.ingress.protocol.CloseCodes;
import io.streamhub.ingress.protocol.ErrorCode;
import io.streamhub.ingress.protocol.EventDispatcher;
import io.streamhub.ingress.protocol.JsonWsConnection;
import io.streamhub.ingress.protocol.ProtocolException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.util.function.Supplier;

/**
 * {@code /ws}, the JSON WebSocket endpoint: checks the upgrade, authenticates a token offered on it, and starts a
 * {@link JsonWsConnection} registered with the {@link ConnectionHub}.
 */
public final class JsonWsEndpoint {

  private final Supplier<StreamhubConfig> config;
  private final ConnectionHub hub;
  private final EventDispatcher dispatcher;
  private final IngressMetrics metrics;

  public JsonWsEndpoint(Supplier<StreamhubConfig> config, ConnectionHub hub, EventDispatcher dispatcher,
      IngressMetrics metrics) {
    this.config = config;
    this.hub = hub;
    this.dispatcher = dispatcher;
    this.metrics = metrics;
  }

  /**
   * The WebSocket upgrade. A browser's {@code Origin} must be allowed ({@code auth.ws.allowed_origins}; no header —
   * not a browser — passes), else 403 before upgrading. A token on the upgrade ({@code Authorization: Bearer}, else
   * the {@code token} query parameter) is verified before the first message is read; without one the connection
   * starts anonymous and may send {@code auth {token}} within {@code auth.ws.auth_deadline_ms}.
   */
  public void upgrade(RoutingContext rc) {
    if (!"websocket".equalsIgnoreCase(rc.request().getHeader("upgrade"))) {
      HttpErrors.send(rc, 400, "websocket_required", "/ws speaks the JSON WebSocket protocol; send an Upgrade request");
      return;
    }
    String origin = rc.request().getHeader(HttpHeaders.ORIGIN);
    if (!config.get().auth().originAllowed(origin)) {
      HttpErrors.send(rc, 403, ErrorCode.FORBIDDEN.wire(), "origin " + origin + " is not allowed "
          + "(auth.ws.allowed_origins)");
      return;
    }
    String header = BearerAuth.token(rc.request().getHeader(HttpHeaders.AUTHORIZATION));
    String token = header != null ? header : rc.request().getParam("token");
    rc.request().toWebSocket().onSuccess(socket -> {
      ConnectionAuth auth = hub.newAuth();
      JsonWsConnection connection = new JsonWsConnection(socket, dispatcher, metrics, () -> config.get().ws(), auth,
          hub::closed);
      if (token == null) {
        hub.opened(connection, auth);
        connection.start();
        auth.openWindow();
        return;
      }
      socket.pause();
      auth.authenticate(connection, token).onComplete(result -> {
        if (result.failed()) {
          connection.refuse(result.cause() instanceof ProtocolException pe ? pe : ProtocolException.closing(
              ErrorCode.INTERNAL, "authentication failed", CloseCodes.UNAUTHORIZED));
          return;
        }
        hub.opened(connection, auth);
        if (socket.isClosed()) {
          hub.closed(connection);
        } else {
          connection.start();
          socket.resume();
        }
      });
    });
  }
}
