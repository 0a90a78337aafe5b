package io.streamhub.persistence;

import io.streamhub.contracts.FailureCodes;
import io.vertx.core.Future;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How {@link ReplayConsumers} and {@link PressureConsumers} answer a request: decode the body, run the store
 * operation, reply. Every path ends in a reply: the operation's body, or a failure with
 * {@link FailureCodes#BAD_REQUEST} (the decoder's text, which names the field), {@link FailureCodes#NOT_FOUND}
 * (the operation failed with {@link NotFound}), {@link FailureCodes#INTERNAL} (the decoder broke) or
 * {@link FailureCodes#UNAVAILABLE} (the store failed; logged once as a warning here, the boundary).
 */
final class StoreRequests {

  private final Logger log;
  private final String storage;

  /**
   * @param owner the consumers class, whose logger the warnings go to
   * @param storage what is stored, opening each warning ({@code replay storage}, {@code pressure storage})
   */
  StoreRequests(Class<?> owner, String storage) {
    this.log = LoggerFactory.getLogger(owner);
    this.storage = storage;
  }

  /**
   * Decodes the body, runs the store operation and replies.
   *
   * @param operation what the request does, for the log and the 503 text ({@code store failed to <operation>: ...})
   * @param decode turns the body into the operation's input; throws {@link IllegalArgumentException} on a bad body
   * @param handle the store operation; fails with {@link NotFound} for an entity that does not exist
   */
  <T> void serve(Message<Object> request, String operation, Function<Object, T> decode,
      Function<T, Future<JsonObject>> handle) {
    T decoded;
    try {
      decoded = decode.apply(request.body());
    } catch (IllegalArgumentException e) {
      request.fail(FailureCodes.BAD_REQUEST, e.getMessage());
      return;
    } catch (RuntimeException e) { // a bug here, not in the body: still answer
      log.warn("{}: decoding a request to {} failed unexpectedly", storage, request.address(), e);
      request.fail(FailureCodes.INTERNAL, "unexpected failure decoding the request: " + StorePinger.reason(e));
      return;
    }
    Future<JsonObject> answer;
    try {
      answer = handle.apply(decoded);
    } catch (RuntimeException e) {
      answer = Future.failedFuture(e);
    }
    answer.onSuccess(request::reply).onFailure(failure -> {
      if (failure instanceof NotFound notFound) {
        request.fail(FailureCodes.NOT_FOUND, notFound.getMessage());
        return;
      }
      String reason = StorePinger.reason(failure);
      log.warn("{}: {} failed on {}: {}", storage, operation, request.address(), reason);
      request.fail(FailureCodes.UNAVAILABLE, "store failed to " + operation + ": " + reason);
    });
  }

  /** The addressed entity (a visitor's status, a workout's session) is not stored; the text names it. */
  static final class NotFound extends RuntimeException {

    NotFound(String message) {
      super(message, null, false, false);
    }
  }
}
