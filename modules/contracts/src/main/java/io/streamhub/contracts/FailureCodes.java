package io.streamhub.contracts;

/**
 * Failure codes used with {@code message.fail(code, text)} on every event-bus request. They mirror HTTP
 * status codes so that an HTTP boundary can pass them through unchanged.
 */
public final class FailureCodes {

  /** The request body was not a valid message; the text names the field. */
  public static final int BAD_REQUEST = 400;
  /** The caller is authenticated but may not do this (e.g. join a workout that belongs to another user). */
  public static final int FORBIDDEN = 403;
  /** The addressed entity does not exist. */
  public static final int NOT_FOUND = 404;
  /** The addressed entity moved away (e.g. a stream's owner no longer runs it); the caller retries elsewhere. */
  public static final int GONE = 410;
  /** The request was valid but what it needs cannot be used (e.g. a dataset file that failed to load). */
  public static final int UNPROCESSABLE = 422;
  /** A bounded queue is full; the caller may retry later. */
  public static final int BACKPRESSURE = 429;
  /** An unexpected failure inside the handler. */
  public static final int INTERNAL = 500;
  /** A dependency (the store, the cluster) does not answer. */
  public static final int UNAVAILABLE = 503;

  private FailureCodes() {
  }
}
