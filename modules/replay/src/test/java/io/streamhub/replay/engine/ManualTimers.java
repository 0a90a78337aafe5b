package io.streamhub.replay.engine;

import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;

/** Timers on a hand-driven clock: {@link #advance} runs what falls due, in due order. */
final class ManualTimers implements Timers {

  private record Due(long atMs, long id) {
  }

  private final PriorityQueue<Due> queue = new PriorityQueue<>(Comparator.comparingLong(Due::atMs)
      .thenComparingLong(Due::id));
  private final Map<Long, Runnable> actions = new HashMap<>();
  private long now = 1_000_000;
  private long nextId;

  @Override
  public long schedule(long delayMs, Runnable action) {
    long id = nextId++;
    queue.add(new Due(now + delayMs, id));
    actions.put(id, action);
    return id;
  }

  @Override
  public void cancel(long id) {
    actions.remove(id);
  }

  @Override
  public long nowMs() {
    return now;
  }

  int pending() {
    return actions.size();
  }

  void advance(long ms) {
    long until = now + ms;
    while (!queue.isEmpty() && queue.peek().atMs() <= until) {
      Due due = queue.poll();
      Runnable action = actions.remove(due.id());
      if (action != null) {
        now = due.atMs();
        action.run();
      }
    }
    now = until;
  }
}
