package io.streamhub.replay.engine;

/** One-shot timers on the engine's thread, and the clock (epoch milliseconds). */
public interface Timers {

  long schedule(long delayMs, Runnable action);

  void cancel(long id);

  long nowMs();
}
