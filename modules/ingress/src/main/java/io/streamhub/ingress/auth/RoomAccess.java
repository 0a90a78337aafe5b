package io.streamhub.ingress.auth;

import io.streamhub.contracts.config.AuthConfig;
import io.streamhub.contracts.config.RoomRule.Action;
import io.streamhub.ingress.protocol.ErrorCode;
import io.streamhub.ingress.protocol.ProtocolException;
import io.vertx.core.Future;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Applies the {@link RoomPolicy} to a subscribe or a publish, asking who owns a workout when the policy says
 * {@link RoomPolicy.Verdict#IF_OWNER}: its owner may subscribe; a workout with no owner (or no session yet) is open to
 * anyone unless {@code auth.required.pressure}, where every workout has an owner. Fails with a
 * {@link ProtocolException}: {@code unauthorized} or {@code forbidden}, naming the room and the action.
 */
public final class RoomAccess {

  private final Supplier<AuthConfig> config;
  private final Function<String, Future<String>> ownerOf;

  /** @param ownerOf the {@code sub} a workout belongs to; null for a workout with no owner or no session */
  public RoomAccess(Supplier<AuthConfig> config, Function<String, Future<String>> ownerOf) {
    this.config = config;
    this.ownerOf = ownerOf;
  }

  public Future<Void> check(Optional<AuthenticatedUser> user, String room, Action action) {
    RoomPolicy.Verdict verdict = RoomPolicy.decide(config.get().roomRules(), user, room, action);
    return switch (verdict) {
      case ALLOW -> Future.succeededFuture();
      case IF_OWNER -> ownerOf.apply(RoomPolicy.workoutId(room)).compose(owner -> {
        String sub = user.map(AuthenticatedUser::sub).orElse(null);
        if (owner == null ? !config.get().pressureRequired() : owner.equals(sub)) {
          return Future.succeededFuture();
        }
        return Future.failedFuture(refused(sub == null ? ErrorCode.UNAUTHORIZED : ErrorCode.FORBIDDEN, room,
            action));
      });
      case UNAUTHORIZED -> Future.failedFuture(refused(ErrorCode.UNAUTHORIZED, room, action));
      case FORBIDDEN -> Future.failedFuture(refused(ErrorCode.FORBIDDEN, room, action));
    };
  }

  private static ProtocolException refused(ErrorCode code, String room, Action action) {
    String why = code == ErrorCode.UNAUTHORIZED ? "; authenticate first" : "";
    return new ProtocolException(code, action.wire() + " to room " + room + " is not allowed for this connection"
        + " (auth.rooms.rules)" + why);
  }
}
