package io.streamhub.ingress.http;

import io.streamhub.ingress.auth.AuthFailure;
import io.streamhub.ingress.auth.AuthenticatedUser;
import io.streamhub.ingress.auth.TokenVerifier;
import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/**
 * {@code Authorization: Bearer <token>} on the HTTP API. No header: anonymous (what an anonymous caller may do is
 * decided where it is used). A header that is not a bearer token, or a token that is refused, fails with an
 * {@link AuthFailure} that {@link #refuse} turns into a 401 JSON error.
 */
public final class BearerAuth {

  private static final String SCHEME = "bearer ";

  private final Optional<TokenVerifier> verifier;

  /** @param verifier empty when the node has no key: every token is refused */
  public BearerAuth(Optional<TokenVerifier> verifier) {
    this.verifier = verifier;
  }

  /** The token of an {@code Authorization} header value; null when there is no header. */
  public static String token(String header) {
    if (header == null) {
      return null;
    }
    if (header.length() < SCHEME.length() || !header.substring(0, SCHEME.length()).equalsIgnoreCase(SCHEME)) {
      return "";
    }
    return header.substring(SCHEME.length()).trim();
  }

  /** The caller: empty without an {@code Authorization} header; failed for a bad header or token. */
  public Future<Optional<AuthenticatedUser>> user(RoutingContext rc) {
    String token = token(rc.request().getHeader(HttpHeaders.AUTHORIZATION));
    if (token == null) {
      return Future.succeededFuture(Optional.empty());
    }
    if (token.isEmpty()) {
      return Future.failedFuture(AuthFailure.unauthorized("Authorization must be \"Bearer <token>\""));
    }
    return verify(token).map(Optional::of);
  }

  /** Verifies a token with the node's key. */
  public Future<AuthenticatedUser> verify(String token) {
    return verifier.map(v -> v.verify(token)).orElseGet(() -> Future.failedFuture(AuthFailure.unauthorized(
        "this node has no verification key (auth.jwt) and accepts no token")));
  }

  /** The caller, who must be authenticated; failed (401) without a header. */
  public Future<AuthenticatedUser> requireUser(RoutingContext rc) {
    return user(rc).compose(user -> user.map(Future::succeededFuture).orElseGet(() -> Future.failedFuture(
        AuthFailure.unauthorized("this request needs Authorization: Bearer <token>"))));
  }

  /** Answers a 401 for an {@link AuthFailure}, 500 for anything else. */
  public static void refuse(RoutingContext rc, Throwable failure) {
    if (failure instanceof AuthFailure af) {
      rc.response().putHeader("WWW-Authenticate", "Bearer");
      HttpErrors.send(rc, 401, af.code().wire(), af.getMessage());
    } else {
      HttpErrors.send(rc, 500, "internal", "authentication failed");
    }
  }
}
