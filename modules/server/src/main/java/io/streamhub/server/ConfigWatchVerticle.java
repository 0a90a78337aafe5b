package io.streamhub.server;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;

/** Runs {@link ConfigWatcher#check()} every interval; the next check is scheduled when the previous one ended. */
public final class ConfigWatchVerticle extends VerticleBase {

  private final ConfigWatcher watcher;
  private final long intervalMs;
  private boolean stopped;
  private long timerId = -1;

  public ConfigWatchVerticle(ConfigWatcher watcher, long intervalMs) {
    if (intervalMs <= 0) {
      throw new IllegalArgumentException("intervalMs must be positive, got " + intervalMs);
    }
    this.watcher = watcher;
    this.intervalMs = intervalMs;
  }

  @Override
  public Future<?> start() {
    return watcher.baseline().onSuccess(v -> scheduleNext());
  }

  @Override
  public Future<?> stop() {
    stopped = true;
    vertx.cancelTimer(timerId);
    return Future.succeededFuture();
  }

  private void scheduleNext() {
    if (!stopped) {
      timerId = vertx.setTimer(intervalMs, id -> watcher.check().onComplete(ar -> scheduleNext()));
    }
  }
}
