package io.streamhub.ingress.rooms;

/** One-shot timers on the owner's event loop ({@code vertx.setTimer} in production). */
public interface Timers {

  long schedule(long delayMs, Runnable action);

  void cancel(long id);
}
