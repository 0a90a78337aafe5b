// The two transports behind connection.js, with one shape: open(), send(event, data) -> Promise of the ack data,
// close(); callbacks onReady() once usable, onEvent(name, data), onClose() once, whatever ended it.

const CONNECT_TIMEOUT_MS = 5000;

class Transport {
  constructor(handlers) {
    this.handlers = handlers;
    this.pending = new Map();
    this.nextAck = 1;
    this.closed = false;
  }

  expectAck(ack) {
    return new Promise((resolve, reject) => this.pending.set(ack, { resolve, reject }));
  }

  settle(ack, data) {
    const waiter = this.pending.get(ack);
    if (!waiter) return;
    this.pending.delete(ack);
    if (data && data.error) waiter.reject(data.error);
    else waiter.resolve(data);
  }

  end() {
    if (this.closed) return;
    this.closed = true;
    for (const waiter of this.pending.values()) waiter.reject({ code: 'disconnected', message: 'connection lost' });
    this.pending.clear();
    this.handlers.onClose();
  }
}

/** The JSON WebSocket protocol at /ws: ready once the server's `connected` event arrives. */
export class WsTransport extends Transport {
  open() {
    const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
    this.ws = new WebSocket(`${scheme}//${location.host}/ws`);
    this.timer = setTimeout(() => this.close(), CONNECT_TIMEOUT_MS);
    this.ws.onmessage = (message) => this.receive(JSON.parse(message.data));
    this.ws.onclose = () => this.end();
  }

  receive(frame) {
    if (this.closed) return;
    if (frame.event === 'connected' && this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
      this.handlers.onReady();
    }
    if (frame.event === 'ack') this.settle(frame.ack, frame.data);
    else if (frame.event === 'error' && frame.ack !== undefined) this.settle(frame.ack, { error: frame.data });
    else this.handlers.onEvent(frame.event, frame.data);
  }

  send(event, data) {
    const ack = this.nextAck++;
    const answer = this.expectAck(ack);
    this.ws.send(JSON.stringify({ event, data, ack }));
    return answer;
  }

  close() {
    clearTimeout(this.timer);
    this.ws.close(1000, 'closed by the client');
    this.end();
  }
}

const SEPARATOR = '\x1e';
// A Socket.IO packet inside an Engine.IO message: type, optional namespace, optional ack id, JSON payload.
const SIO_PACKET = /^(\d)(?:(\/[^,]*),)?(\d*)([\s\S]*)$/;

/** Engine.IO v4 long-polling carrying Socket.IO v5 packets in the main namespace, at /socket.io/. */
export class PollingTransport extends Transport {
  open() {
    this.outbox = [];
    this.posting = false;
    this.request('GET', this.url(), undefined, CONNECT_TIMEOUT_MS)
      .then((body) => {
        if (body[0] !== '0') throw new Error('bad handshake');
        this.sid = JSON.parse(body.slice(1)).sid;
        this.write('40');
        this.poll();
      })
      .catch(() => this.end());
  }

  url() {
    const sid = this.sid ? `&sid=${encodeURIComponent(this.sid)}` : '';
    return `/socket.io/?EIO=4&transport=polling&t=${Date.now().toString(36)}${sid}`;
  }

  async request(method, url, body, timeoutMs) {
    this.abort = new AbortController();
    const timer = timeoutMs ? setTimeout(() => this.abort.abort(), timeoutMs) : null;
    try {
      const response = await fetch(url, { method, body, signal: this.abort.signal, cache: 'no-store' });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return await response.text();
    } finally {
      clearTimeout(timer);
    }
  }

  async poll() {
    while (!this.closed) {
      try {
        const body = await this.request('GET', this.url());
        body.split(SEPARATOR).forEach((packet) => this.receive(packet));
      } catch {
        this.end();
      }
    }
  }

  receive(packet) {
    if (this.closed) return;
    if (packet === '2') this.write('3');
    else if (packet === '1') this.end();
    else if (packet[0] === '4') this.receiveSocketIo(packet.slice(1));
  }

  receiveSocketIo(text) {
    const [, type, namespace, ack, json] = SIO_PACKET.exec(text);
    if (namespace && namespace !== '/') return;
    const args = json ? JSON.parse(json) : null;
    if (type === '0') this.handlers.onReady();
    else if (type === '1' || type === '4') this.close();
    else if (type === '2') this.handlers.onEvent(args[0], args[1] || {});
    else if (type === '3') this.settle(Number(ack), args[0]);
  }

  send(event, data) {
    const ack = this.nextAck++;
    const answer = this.expectAck(ack);
    this.write(`42${ack}${JSON.stringify([event, data])}`);
    return answer;
  }

  /** Packets written while a POST is out go together in the next one, as Engine.IO clients do. */
  write(packet) {
    this.outbox.push(packet);
    if (!this.posting) this.flush();
  }

  async flush() {
    if (this.closed || this.outbox.length === 0) return;
    this.posting = true;
    const body = this.outbox.splice(0).join(SEPARATOR);
    try {
      await fetch(this.url(), { method: 'POST', body, headers: { 'content-type': 'text/plain;charset=UTF-8' } })
        .then((response) => { if (!response.ok) throw new Error(`HTTP ${response.status}`); });
      this.posting = false;
      this.flush();
    } catch {
      this.end();
    }
  }

  close() {
    if (this.closed) return;
    if (this.sid) {
      fetch(this.url(), { method: 'POST', body: `41${SEPARATOR}1` }).catch(() => {});
    }
    this.abort?.abort();
    this.end();
  }
}
