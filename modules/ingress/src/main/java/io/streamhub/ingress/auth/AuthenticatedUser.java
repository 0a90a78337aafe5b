package io.streamhub.ingress.auth;

import io.vertx.core.json.JsonObject;

/**
 * The subject of a verified token.
 *
 * @param sub the token's {@code sub} claim: the user id, never empty
 * @param expEpochS the token's {@code exp}, seconds since the epoch (rounded down); the connection must be refreshed
 *     or closed at this time plus the configured leeway
 * @param claims every claim of the token's payload (a copy), e.g. for claim-based room rules
 */
public record AuthenticatedUser(String sub, long expEpochS, JsonObject claims) {

  public AuthenticatedUser {
    if (sub == null || sub.isEmpty()) {
      throw new IllegalArgumentException("sub must be a non-empty string");
    }
    claims = claims.copy();
  }

  /** A copy, so that a caller cannot change the claims the user was verified with. */
  @Override
  public JsonObject claims() {
    return claims.copy();
  }
}
