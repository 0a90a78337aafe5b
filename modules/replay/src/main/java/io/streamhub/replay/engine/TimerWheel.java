package io.streamhub.replay.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Thousands of one-shot timers on one periodic tick: a hashed timing wheel. Scheduling and cancelling cost a map
 * entry and a list slot, not a priority-queue insertion and a context close-hook per timer; an action runs on the
 * first tick at or after its due time, so it is late by at most one tick ({@code tickMs}) plus the tick's own delay.
 * Not thread-safe: schedule, cancel and {@link #advance} must run on one thread (the replay verticle's event loop).
 */
public final class TimerWheel {

  private static final int SLOTS = 1024;

  private static final class Entry {
    final long id;
    final long dueTick;
    final Runnable action;

    Entry(long id, long dueTick, Runnable action) {
      this.id = id;
      this.dueTick = dueTick;
      this.action = action;
    }
  }

  private final long tickMs;
  private final List<List<Entry>> slots = new ArrayList<>(SLOTS);
  private final Map<Long, Entry> pending = new HashMap<>();
  private long currentTick;
  private long nextId;

  /**
   * @param tickMs tick length in milliseconds
   * @param nowMs the clock now, epoch milliseconds
   */
  public TimerWheel(long tickMs, long nowMs) {
    this.tickMs = tickMs;
    this.currentTick = nowMs / tickMs;
    for (int i = 0; i < SLOTS; i++) {
      slots.add(new ArrayList<>());
    }
  }

  public long tickMs() {
    return tickMs;
  }

  /** Schedules {@code action} for {@code nowMs + delayMs}; returns an id for {@link #cancel}. */
  public long schedule(long nowMs, long delayMs, Runnable action) {
    long dueMs = nowMs + Math.max(0, delayMs);
    long due = Math.max((dueMs + tickMs - 1) / tickMs, currentTick + 1);
    Entry entry = new Entry(nextId++, due, action);
    slots.get((int) (due % SLOTS)).add(entry);
    pending.put(entry.id, entry);
    return entry.id;
  }

  public void cancel(long id) {
    pending.remove(id);
  }

  public int size() {
    return pending.size();
  }

  /** Runs, in due order, every action due up to {@code nowMs}; actions may schedule further timers. */
  public void advance(long nowMs) {
    long target = tickOf(nowMs);
    while (currentTick < target) {
      currentTick++;
      List<Entry> slot = slots.get((int) (currentTick % SLOTS));
      if (slot.isEmpty()) {
        continue;
      }
      List<Entry> due = new ArrayList<>();
      slot.removeIf(entry -> {
        if (!pending.containsKey(entry.id)) {
          return true;
        }
        if (entry.dueTick <= currentTick) {
          due.add(entry);
          return true;
        }
        return false;
      });
      for (Entry entry : due) {
        if (pending.remove(entry.id) != null) {
          entry.action.run();
        }
      }
    }
  }

  private long tickOf(long ms) {
    return ms / tickMs;
  }
}
