package io.streamhub.ingress.auth;

import java.util.OptionalLong;

/**
 * What a live connection does about its token, and when: the {@code expiring {in_s}} notice
 * {@code auth.expiring_notice_s} before {@code exp}, and the close as {@code token_expired} at {@code exp} plus
 * {@code auth.jwt.leeway_s}. Pure arithmetic on epoch milliseconds, so the schedule is tested without timers.
 *
 * @param expEpochS the token's {@code exp}, seconds since the epoch
 * @param leewayS the clock skew tolerated after {@code exp}
 * @param noticeS how long before {@code exp} the notice goes out; 0: no notice
 */
public record TokenLifetime(long expEpochS, int leewayS, long noticeS) {

  /** What a {@code refresh_token} does. */
  public enum Refresh {
    /** Same {@code sub}, later {@code exp}: the connection continues under the new token. */
    EXTEND,
    /** Same {@code sub} but not a later {@code exp}: nothing to extend. */
    NOT_LATER,
    /** Another {@code sub}: a connection never changes user. */
    OTHER_USER
  }

  /** The lifetime of {@code user}'s token under these settings. */
  public static TokenLifetime of(AuthenticatedUser user, int leewayS, long noticeS) {
    return new TokenLifetime(user.expEpochS(), leewayS, noticeS);
  }

  /** Milliseconds from {@code nowMs} until the connection is closed as expired; 0 when already due. */
  public long closeDelayMs(long nowMs) {
    return Math.max(0, (expEpochS + leewayS) * 1000 - nowMs);
  }

  /**
   * Milliseconds from {@code nowMs} until {@code expiring} is sent: 0 when the notice time has passed but {@code exp}
   * has not (a short-lived token gets its notice at once); empty with no notice configured or once {@code exp} is
   * reached.
   */
  public OptionalLong noticeDelayMs(long nowMs) {
    if (noticeS == 0 || nowMs >= expEpochS * 1000) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(Math.max(0, (expEpochS - noticeS) * 1000 - nowMs));
  }

  /** The {@code in_s} of an {@code expiring} event sent at {@code nowMs}: whole seconds left until {@code exp}. */
  public long inS(long nowMs) {
    return Math.max(0, (expEpochS * 1000 - nowMs + 999) / 1000);
  }

  /** What a {@code refresh_token} for {@code candidate} does to a connection authenticated as {@code current}. */
  public static Refresh refresh(AuthenticatedUser current, AuthenticatedUser candidate) {
    if (!current.sub().equals(candidate.sub())) {
      return Refresh.OTHER_USER;
    }
    return candidate.expEpochS() > current.expEpochS() ? Refresh.EXTEND : Refresh.NOT_LATER;
  }
}
