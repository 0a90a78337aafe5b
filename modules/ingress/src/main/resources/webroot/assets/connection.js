// The connection every page uses: the JSON WebSocket /ws, with Socket.IO long-polling at /socket.io/ as fallback.
//
//   const connection = new Connection(badgeElement);
//   connection.on('open', () => connection.request('join_stream', {...}));   // after every (re)connect
//   connection.on('prediction', (row) => ...);
//   connection.start();
//   connection.stop();   // closes both transports and stops reconnecting until the next start()
//
// Reconnects with exponential backoff and jitter (1 s doubling to 30 s). After WS_FAILURES_BEFORE_POLLING failed
// WebSocket attempts it switches to long-polling, and keeps trying the WebSocket, which takes over when it connects.

import { PollingTransport, WsTransport } from './transports.js';

const WS_FAILURES_BEFORE_POLLING = 2;
const BASE_DELAY_MS = 1000;
const MAX_DELAY_MS = 30000;

const LABELS = { live: 'Live', reconnecting: 'Reconnecting', polling: 'Polling fallback', offline: 'Offline' };

/** The wait before retry number `failures` (1, 2, ...): doubling from 1 s up to 30 s, with ±20 % jitter. */
export function backoffMs(failures) {
  const base = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.max(0, failures - 1));
  return Math.round(base * (0.8 + Math.random() * 0.4));
}

export class Connection {
  constructor(badge) {
    this.badge = badge;
    this.listeners = new Map();
    this.active = null;
    this.ws = null;
    this.polling = null;
    this.wsFailures = 0;
    this.pollingFailures = 0;
    this.stopped = true;
    window.addEventListener('online', () => this.retryNow());
    window.addEventListener('offline', () => this.render());
  }

  start() {
    this.stopped = false;
    this.wsFailures = 0;
    this.pollingFailures = 0;
    this.connectWs();
    this.render();
  }

  /** Closes both transports and cancels every retry; the badge reads Offline until the next start(). */
  stop() {
    this.stopped = true;
    clearTimeout(this.wsTimer);
    clearTimeout(this.pollingTimer);
    const { ws, polling } = this;
    Object.assign(this, { ws: null, polling: null, active: null });
    ws?.close();
    polling?.close();
    this.render();
  }

  /** Subscribes to a server event, or to 'open' (a transport became active) and 'status' (badge state changed). */
  on(event, listener) {
    if (!this.listeners.has(event)) this.listeners.set(event, new Set());
    this.listeners.get(event).add(listener);
    return () => this.listeners.get(event).delete(listener);
  }

  emit(event, data) {
    this.listeners.get(event)?.forEach((listener) => listener(data));
  }

  /** Sends a request; resolves with the ack data, rejects with the error {code, message}. */
  request(event, data) {
    if (!this.active) return Promise.reject({ code: 'disconnected', message: 'not connected' });
    return this.active.send(event, data);
  }

  get status() {
    if (this.stopped) return 'offline';
    if (this.active) return this.active === this.ws ? 'live' : 'polling';
    const pollingFailed = this.wsFailures >= WS_FAILURES_BEFORE_POLLING && this.pollingFailures > 0;
    return navigator.onLine === false || pollingFailed ? 'offline' : 'reconnecting';
  }

  render() {
    const status = this.status;
    if (this.badge) {
      this.badge.textContent = LABELS[status];
      this.badge.dataset.status = status;
    }
    this.emit('status', status);
  }

  activate(transport) {
    this.active = transport;
    this.render();
    this.emit('open');
  }

  connectWs() {
    clearTimeout(this.wsTimer);
    const ws = new WsTransport({
      onReady: () => {
        this.wsFailures = 0;
        clearTimeout(this.pollingTimer);
        const polling = this.polling;
        this.polling = null;
        this.activate(ws);
        polling?.close();
      },
      onEvent: (name, data) => this.dispatch(ws, name, data),
      onClose: () => this.lost(ws),
    });
    this.ws = ws;
    ws.open();
  }

  connectPolling() {
    clearTimeout(this.pollingTimer);
    const polling = new PollingTransport({
      onReady: () => {
        this.pollingFailures = 0;
        if (!this.active) this.activate(polling);
      },
      onEvent: (name, data) => this.dispatch(polling, name, data),
      onClose: () => this.lost(polling),
    });
    this.polling = polling;
    polling.open();
  }

  /** Events of a transport that is not (or no longer) the active one are dropped: the active one re-joined. */
  dispatch(transport, name, data) {
    if (transport === this.active) this.emit(name, data);
  }

  lost(transport) {
    if (this.stopped) return;
    if (transport === this.active) this.active = null;
    if (transport === this.ws) {
      this.ws = null;
      this.wsFailures += 1;
      this.wsTimer = setTimeout(() => this.connectWs(), backoffMs(this.wsFailures));
      if (this.wsFailures >= WS_FAILURES_BEFORE_POLLING && !this.polling) this.connectPolling();
    } else if (transport === this.polling) {
      this.polling = null;
      this.pollingFailures += 1;
      this.pollingTimer = setTimeout(() => this.connectPolling(), backoffMs(this.pollingFailures));
    }
    this.render();
  }

  /** The browser is back online: try the WebSocket at once instead of waiting for the backoff. */
  retryNow() {
    if (!this.ws && !this.stopped) this.connectWs();
  }
}
