package io.streamhub.ingress.socketio;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** {@link EngineIoTimers} on a virtual clock: tasks run only when a test advances the time. */
final class FakeTimers implements EngineIoTimers {

  private final List<Task> tasks = new ArrayList<>();
  private long nowMs;
  private long sequence;

  private final class Task implements Cancellable {
    final long dueMs;
    final long order = sequence++;
    final Runnable action;

    Task(long dueMs, Runnable action) {
      this.dueMs = dueMs;
      this.action = action;
    }

    @Override
    public void cancel() {
      tasks.remove(this);
    }
  }

  @Override
  public Cancellable schedule(long delayMs, Runnable task) {
    Task scheduled = new Task(nowMs + delayMs, task);
    tasks.add(scheduled);
    return scheduled;
  }

  /** Moves the clock forward by {@code ms}, running due tasks in time order (including ones they schedule). */
  void advance(long ms) {
    long target = nowMs + ms;
    while (true) {
      Task next = tasks.stream().filter(t -> t.dueMs <= target)
          .min(Comparator.<Task>comparingLong(t -> t.dueMs).thenComparingLong(t -> t.order)).orElse(null);
      if (next == null) {
        break;
      }
      tasks.remove(next);
      nowMs = next.dueMs;
      next.action.run();
    }
    nowMs = target;
  }

  long nowMs() {
    return nowMs;
  }

  int pending() {
    return tasks.size();
  }
}
