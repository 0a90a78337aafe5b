// The dashboard page's own replay stream: started on the signed-in connection, so the replay role tags it with the
// user and its predictions count on the user's dashboard. After a reconnect it is resumed where it was.

import { $, STATES, newVisitorId, storedVisitorId } from './page.js';

const VISITOR_KEY = 'dashboard_visitor_id';

/** Start / Stop of the user's replay stream, its state and row count, on the page's connection. */
export class ReplayControl {
  constructor(connection, showError) {
    this.connection = connection;
    this.showError = showError;
    this.visitorId = storedVisitorId(VISITOR_KEY) || newVisitorId();
    this.reset();
    $('stream-start').addEventListener('click', () => this.start());
    $('stream-stop').addEventListener('click', () => this.stop());
    connection.on('prediction', (row) => this.row(row));
    connection.on('stream_complete', (data) => this.complete(data));
    connection.on('stream_error', (data) => this.showError(`Replay stream: ${data.message}`));
    Object.keys(STATES).forEach((event) => connection.on(event, (data) => this.announced(event, data)));
  }

  /** Forgets the stream (signed out): the server stops it once this connection is gone. */
  reset() {
    Object.assign(this, { streamId: null, lastSeq: 0, rows: 0, running: false });
    this.render('idle');
  }

  render(state) {
    if (state) $('stream-state').textContent = state;
    $('stream-rows').textContent = this.rows;
    $('stream-start').disabled = this.running;
    $('stream-stop').disabled = !this.running;
  }

  /** A fresh stream from row 1: an ended one this tab still holds is left first. */
  async start() {
    localStorage.setItem(VISITOR_KEY, this.visitorId);
    this.showError('');
    try {
      if (this.streamId) await this.leave();
      const ack = await this.connection.request('join_stream', { visitor_id: this.visitorId });
      this.adopt(ack);
      this.render('lost' in ack ? STATES.stream_resumed : 'seq' in ack ? STATES.joined_existing_stream : STATES.stream_started);
    } catch (error) {
      this.showError(`Replay stream: ${error.message || error.code}`);
    }
  }

  async stop() {
    try {
      await this.connection.request('stream_control', { visitor_id: this.visitorId, action: 'stop' });
    } catch (error) {
      this.showError(`Replay stream: ${error.message || error.code}`);
    }
  }

  /** After a reconnect: a running stream continues after the last row this page counted. */
  async reopened() {
    if (!this.running) return;
    try {
      const ack = await this.connection.request('join_stream', { visitor_id: this.visitorId,
        resume: { stream_id: this.streamId, after_seq: this.lastSeq } });
      this.adopt(ack);
    } catch (error) {
      if (error.code !== 'disconnected') this.showError(`Replay stream: ${error.message || error.code}`);
    }
  }

  adopt(data) {
    if (data.stream_id !== this.streamId) {
      Object.assign(this, { streamId: data.stream_id, lastSeq: data.seq || 0, rows: 0 });
    }
    this.running = true;
    this.render();
  }

  announced(event, data) {
    if (data.visitor_id !== this.visitorId || !data.stream_id) return;
    if (event !== 'stream_gone') this.adopt(data);
    this.render(STATES[event]);
  }

  row(row) {
    if (row.stream_id !== this.streamId || row.seq <= this.lastSeq) return;
    this.lastSeq = row.seq;
    this.rows += 1;
    this.render('running');
  }

  /** An ended stream is left at once, so the replay role frees it and it no longer counts as active. */
  complete(data) {
    if (data.stream_id !== this.streamId) return;
    this.running = false;
    this.render(`${data.reason === 'stopped' ? 'stopped' : 'complete'} after ${data.streamed} rows`);
    this.leave().catch((error) => this.showError(`Replay stream: ${error.message || error.code}`));
  }

  /** leave_stream; not being joined (any more) is fine. */
  async leave() {
    this.streamId = null;
    await this.connection.request('leave_stream', { visitor_id: this.visitorId }).catch((error) => {
      if (error.code !== 'not_joined' && error.code !== 'disconnected') throw error;
    });
  }
}
