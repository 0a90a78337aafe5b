package io.streamhub.ingress.protocol;

import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import java.util.function.Function;

/**
 * Turns the failure of an event-bus request to another role into the {@link ProtocolException} the client gets. What
 * is the same for every role is here — a {@link ProtocolException} passes as it is, no node with the role or no answer
 * in time is {@link ErrorCode#UNAVAILABLE}, anything that is not a reply failure is {@link ErrorCode#INTERNAL} — and
 * the caller maps the role's own failure codes.
 */
public final class RoleFailures {

  private RoleFailures() {
  }

  /**
   * @param role the role asked, for messages ("stats", "replay", "dashboard")
   * @param event the client event being served
   * @param byCode the error for a failure the role replied with ({@link ReplyException#failureCode()})
   */
  public static ProtocolException translate(Throwable failure, String role, String event,
      Function<ReplyException, ProtocolException> byCode) {
    if (failure instanceof ProtocolException pe) {
      return pe;
    }
    if (failure instanceof ReplyException re) {
      if (re.failureType() == ReplyFailure.NO_HANDLERS) {
        return new ProtocolException(ErrorCode.UNAVAILABLE, "no node with the " + role + " role answers");
      }
      if (re.failureType() == ReplyFailure.TIMEOUT) {
        return new ProtocolException(ErrorCode.UNAVAILABLE, "the " + role + " role did not answer " + event
            + " in time");
      }
      return byCode.apply(re);
    }
    return new ProtocolException(ErrorCode.INTERNAL, event + " failed");
  }
}
