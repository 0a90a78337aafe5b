package io.streamhub.persistence;

import io.streamhub.contracts.ops.StorePing;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs the MongoDB {@code ping} command and times it. A ping that has no answer after {@link #timeoutMs()} fails,
 * whatever timeouts the client itself uses, so a hung store cannot hang a readiness check.
 */
final class StorePinger {

  /** Longest wait for the answer to one ping, milliseconds. */
  static final long PING_TIMEOUT_MS = 5_000;

  private static final JsonObject PING = new JsonObject().put("ping", 1);

  private final MongoClient client;
  private final String database;
  private final boolean embedded;
  private final long timeoutMs;

  StorePinger(MongoClient client, String database, boolean embedded, long timeoutMs) {
    this.client = client;
    this.database = database;
    this.embedded = embedded;
    this.timeoutMs = timeoutMs;
  }

  long timeoutMs() {
    return timeoutMs;
  }

  /** Succeeds with the round trip, or fails with the reason the store did not answer. */
  Future<StorePing> ping() {
    long started = System.nanoTime();
    return client.runCommand("ping", PING.copy())
        .timeout(timeoutMs, TimeUnit.MILLISECONDS)
        .recover(this::explainTimeout)
        .map(reply -> new StorePing(database, embedded, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)));
  }

  private Future<JsonObject> explainTimeout(Throwable failure) {
    if (failure instanceof TimeoutException) {
      return Future.failedFuture(new TimeoutException("no answer to ping within " + timeoutMs + " ms"));
    }
    return Future.failedFuture(failure);
  }

  /** A one-line reason for a failure, for logs and failure replies: its message, plus its cause's when that adds one. */
  static String reason(Throwable failure) {
    String message = oneLine(failure);
    Throwable cause = failure.getCause();
    if (cause != null && cause != failure && !message.contains(oneLine(cause))) {
      return message + ": " + oneLine(cause);
    }
    return message;
  }

  private static String oneLine(Throwable failure) {
    String message = failure.getMessage();
    return message == null || message.isBlank() ? failure.getClass().getSimpleName() : message.strip().replaceAll("\\s+", " ");
  }
}
