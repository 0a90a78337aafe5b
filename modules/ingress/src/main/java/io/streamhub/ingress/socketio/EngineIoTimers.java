package io.streamhub.ingress.socketio;

/**
 * One-shot timers for {@link EngineIoSession}. Tasks must run on the thread (Vert.x context) that drives the session,
 * e.g. {@code long id = vertx.setTimer(delayMs, t -> task.run()); return () -> vertx.cancelTimer(id);} called from the
 * session's event loop.
 */
@FunctionalInterface
public interface EngineIoTimers {

  /** Runs {@code task} once, {@code delayMs} milliseconds from now, unless cancelled first. */
  Cancellable schedule(long delayMs, Runnable task);

  /** A scheduled task. */
  @FunctionalInterface
  interface Cancellable {

    /** Stops the task from running; does nothing once it has run. */
    void cancel();
  }
}
