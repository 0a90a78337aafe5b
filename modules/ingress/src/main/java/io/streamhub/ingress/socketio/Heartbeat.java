package io.streamhub.ingress.socketio;

/**
 * Engine.IO v4 heartbeat: a ping every {@code intervalMs} milliseconds, and a pong expected within {@code timeoutMs}
 * milliseconds of it. A pong restarts the interval, as the reference server does.
 */
final class Heartbeat {

  private final EngineIoTimers timers;
  private final long intervalMs;
  private final long timeoutMs;
  private final Runnable sendPing;
  private final Runnable onTimeout;
  private EngineIoTimers.Cancellable nextPing;
  private EngineIoTimers.Cancellable pongDeadline;
  private boolean stopped;

  Heartbeat(EngineIoTimers timers, long intervalMs, long timeoutMs, Runnable sendPing, Runnable onTimeout) {
    this.timers = timers;
    this.intervalMs = intervalMs;
    this.timeoutMs = timeoutMs;
    this.sendPing = sendPing;
    this.onTimeout = onTimeout;
  }

  void start() {
    schedulePing();
  }

  void onPong() {
    if (stopped) {
      return;
    }
    cancelAll();
    schedulePing();
  }

  void stop() {
    stopped = true;
    cancelAll();
  }

  private void schedulePing() {
    nextPing = timers.schedule(intervalMs, () -> {
      nextPing = null;
      sendPing.run();
      if (!stopped) {
        pongDeadline = timers.schedule(timeoutMs, () -> {
          pongDeadline = null;
          onTimeout.run();
        });
      }
    });
  }

  private void cancelAll() {
    if (nextPing != null) {
      nextPing.cancel();
      nextPing = null;
    }
    if (pongDeadline != null) {
      pongDeadline.cancel();
      pongDeadline = null;
    }
  }
}
