package io.streamhub.dashboard;

import io.streamhub.ingress.auth.AuthenticatedUser;
import io.streamhub.ingress.protocol.ClientConnection;
import io.streamhub.ingress.protocol.OutboundEvent;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** A connection of any wire protocol, authenticated as {@code sub} (or anonymous), that keeps what it is sent. */
final class FakeConnection implements ClientConnection {

  final List<OutboundEvent> sent = new CopyOnWriteArrayList<>();
  private final AuthenticatedUser user;

  FakeConnection(String sub) {
    this.user = sub == null ? null : new AuthenticatedUser(sub, Long.MAX_VALUE / 1000, new JsonObject());
  }

  @Override
  public String id() {
    return "conn-" + (user == null ? "anonymous" : user.sub());
  }

  @Override
  public void send(OutboundEvent event) {
    sent.add(event);
  }

  @Override
  public Optional<AuthenticatedUser> user() {
    return Optional.ofNullable(user);
  }

  @Override
  public void close(short code, String reason) {
  }

  /** The data of every event named {@code event}, in order. */
  List<JsonObject> events(String event) {
    return sent.stream().filter(e -> e.event().equals(event)).map(OutboundEvent::data).toList();
  }
}
