// The simulated device's sending side: an outbox of frames (bounded), at most MAX_IN_FLIGHT sent and not yet
// answered, a frame refused with `backpressure` retried after RETRY_MS, frames lost with the connection sent again
// once the page says it is ready, and the counters the page shows.

export const MAX_IN_FLIGHT = 8;
export const MAX_OUTBOX = 240;
export const RETRY_MS = 1000;

export class Device {
  /**
   * @param send (data) => Promise of the frame_processed ack, rejected with {code, message}
   * @param onAck (entry, processed) for every acknowledged frame, in the order the answers arrive
   * @param onChange () after any counter changed
   * @param onNotJoined () when the server says the connection has not joined the workout (it ended, or was lost)
   */
  constructor({ send, onAck, onChange, onNotJoined }) {
    Object.assign(this, { send, onAck, onChange, onNotJoined });
    this.outbox = [];
    this.inFlight = new Map();
    this.ready = false;
    this.nextId = 1;
    this.lastTimestamp = 0;
    this.retryTimer = null;
    this.drainWaiters = [];
    this.clear();
  }

  clear() {
    this.outbox = [];
    this.counters = { sent: 0, acked: 0, persisted: 0, refused: 0, resent: 0, recovered: 0, skipped: 0, lastFrame: 0 };
    this.waiting = new Set();
    this.lastError = null;
  }

  /**
   * Counters start over (a new workout). Frames still queued for the old workout are dropped, and answers to those
   * still in flight are ignored.
   */
  reset() {
    this.clear();
    this.inFlight.clear();
    this.changed();
  }

  /**
   * A new frame of the workout; its timestamp is unique (a millisecond after the last one at least), which is how a
   * frame whose acknowledgement was lost is recognised among the stored ones. Refused (counted as skipped) while
   * MAX_OUTBOX frames wait to be sent.
   */
  queue(workoutId, matrix) {
    if (this.outbox.length >= MAX_OUTBOX) {
      this.counters.skipped += 1;
      this.changed();
      return;
    }
    this.lastTimestamp = Math.max(Date.now(), this.lastTimestamp + 1);
    this.outbox.push({ id: this.nextId++, tries: 0, notBefore: 0,
      data: { workout_id: workoutId, matrix, timestamp: this.lastTimestamp } });
    this.pump();
  }

  setReady(ready) {
    this.ready = ready;
    if (ready) this.pump();
    else this.changed();
  }

  /** Sends from the outbox, oldest first, while fewer than MAX_IN_FLIGHT are unanswered. */
  pump() {
    clearTimeout(this.retryTimer);
    const now = Date.now();
    let wakeAt = Infinity;
    while (this.ready && this.inFlight.size < MAX_IN_FLIGHT) {
      const index = this.outbox.findIndex((entry) => entry.notBefore <= now);
      this.outbox.filter((entry) => entry.notBefore > now).forEach((e) => { wakeAt = Math.min(wakeAt, e.notBefore); });
      if (index < 0) break;
      const [entry] = this.outbox.splice(index, 1);
      this.transmit(entry);
    }
    if (this.ready && wakeAt < Infinity) this.retryTimer = setTimeout(() => this.pump(), wakeAt - now);
    this.changed();
  }

  transmit(entry) {
    this.inFlight.set(entry.id, entry);
    if (entry.tries === 0) this.counters.sent += 1;
    else this.counters.resent += 1;
    entry.tries += 1;
    this.send(entry.data).then((processed) => this.acked(entry, processed), (error) => this.failed(entry, error));
  }

  acked(entry, processed) {
    if (!this.inFlight.delete(entry.id)) return;
    this.counters.acked += 1;
    this.counters.lastFrame = Math.max(this.counters.lastFrame, processed.frame_count);
    if (processed.persisted) this.counters.persisted += 1;
    else this.waiting.add(processed.frame_count);
    this.onAck(entry, processed);
    this.pump();
  }

  failed(entry, error) {
    if (!this.inFlight.delete(entry.id)) return;
    if (error.code === 'disconnected' || error.code === 'not_joined') {
      this.putBack(entry, 0);
      if (error.code === 'not_joined') {
        this.ready = false;
        this.onNotJoined();
      }
    } else if (error.code === 'backpressure') {
      this.counters.refused += 1;
      this.putBack(entry, Date.now() + RETRY_MS);
    } else {
      this.counters.refused += 1;
      this.lastError = `frame refused: ${error.message}`;
    }
    this.pump();
  }

  /** Back into the outbox in frame order, to be sent again (not before notBefore). */
  putBack(entry, notBefore) {
    entry.notBefore = notBefore;
    const at = this.outbox.findIndex((other) => other.id > entry.id);
    this.outbox.splice(at < 0 ? this.outbox.length : at, 0, entry);
  }

  /** `frames_persisted {up_to_frame}`: acknowledged frames up to it are stored now. */
  persistedUpTo(upTo) {
    for (const frame of [...this.waiting]) {
      if (frame <= upTo) {
        this.waiting.delete(frame);
        this.counters.persisted += 1;
      }
    }
    this.changed();
  }

  /**
   * Stored frames of the workout (from GET .../frames) that are queued here to be sent again were processed by the
   * server, and only their acknowledgement was lost: they count as acknowledged and stored and are not sent twice.
   * Returns [entry, stored frame] of each one found.
   */
  recover(storedFrames) {
    const byTimestamp = new Map(storedFrames.map((frame) => [frame.timestamp, frame]));
    const found = [];
    this.outbox = this.outbox.filter((entry) => {
      const stored = entry.tries > 0 ? byTimestamp.get(entry.data.timestamp) : undefined;
      if (!stored) return true;
      found.push([entry, stored]);
      return false;
    });
    found.forEach(([, stored]) => {
      Object.assign(this.counters, { acked: this.counters.acked + 1, persisted: this.counters.persisted + 1,
        recovered: this.counters.recovered + 1, lastFrame: Math.max(this.counters.lastFrame, stored.frame) });
    });
    this.changed();
    return found;
  }

  /** Resolves once nothing is queued or in flight (at once when so), or after timeoutMs. */
  drained(timeoutMs) {
    if (this.idle()) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, timeoutMs);
      this.drainWaiters.push(() => { clearTimeout(timer); resolve(); });
    });
  }

  idle() {
    return this.outbox.length === 0 && this.inFlight.size === 0;
  }

  changed() {
    if (this.idle() && this.drainWaiters.length) this.drainWaiters.splice(0).forEach((resolve) => resolve());
    this.onChange();
  }
}
