// Interactive driver of one socket.io-client connection, for Streamhub's integration tests (see SioDriver.java).
// sio_driver.py speaks the same protocol with python-socketio. It connects at start:
//
//   node sio-driver.mjs --url http://127.0.0.1:PORT [--namespace /] [--transports polling|websocket|polling,websocket]
//                       [--auth '{"token":"..."}'] [--reconnection true|false] [--reconnection-delay-ms N]
//
// stdin, one JSON command a line:
//   {"op":"emit","event":E,"args":[...],"ack":true|false,"ref":REF}  ack:true -> an "ack" line with that ref
//   {"op":"reply_to","event":E,"args":[...]}  from now on, ack the server's E (sent with an ack) with args at once
//   {"op":"ack","ack_id":N,"args":[...]}     ack an event line's ack_id later (when no reply_to was set for it)
//   {"op":"disconnect"} {"op":"connect"}     socket.disconnect() / socket.connect()
//   {"op":"drop_transport"}                  socket.io.engine.close(): a network cut; the client reconnects itself
//   {"op":"exit"}                            disconnect and exit 0 (closing stdin does the same)
// stdout, one JSON object a line:
//   {"type":"connect","id":ID,"recovered":BOOL,"transport":"polling"|"websocket"}
//   {"type":"connect_error","message":M,"data":D|null}
//   {"type":"disconnect","reason":R}
//   {"type":"upgrade","transport":"websocket"}
//   {"type":"event","event":E,"args":[...]}              plus "ack_id":N when the server asked for an ack
//   {"type":"acked","event":E,"ack_id":N,"args":[...]}   the driver acked it (reply_to or ack)
//   {"type":"ack","ref":REF,"args":[...]}                the server acked an emit
//   {"type":"error","message":M}                         a bad command or a failed op; the driver goes on
// Binary values are {"$bin":"<base64>"} both ways, anywhere in args. A server with connection state recovery appends
// its offset (a string) to the args of stored events: "event" lines show it as the last arg, as the client sees it.
// On a recovered connect, socket.io-client delivers the missed events before its "connect" line.
import { io } from "socket.io-client";
import { createInterface } from "node:readline";

const opts = parseArgs(process.argv.slice(2));

function parseArgs(argv) {
  const out = { namespace: "/" };
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i];
    const value = argv[i + 1];
    if (!key.startsWith("--") || value === undefined) {
      fail(`bad argument ${key}`);
    }
    out[key.slice(2)] = value;
  }
  if (!out.url) fail("--url is required");
  return out;
}

function fail(message) {
  out({ type: "error", message });
  process.exit(2);
}

function out(obj) {
  // One object per line; stdout is a pipe, and process.stdout.write on a pipe is asynchronous but ordered.
  process.stdout.write(JSON.stringify(obj) + "\n");
}

function encode(value) {
  if (Buffer.isBuffer(value)) return { $bin: value.toString("base64") };
  if (value instanceof ArrayBuffer) return { $bin: Buffer.from(value).toString("base64") };
  if (ArrayBuffer.isView(value)) {
    return { $bin: Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString("base64") };
  }
  if (Array.isArray(value)) return value.map(encode);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, encode(v)]));
  }
  return value === undefined ? null : value;
}

function decode(value) {
  if (Array.isArray(value)) return value.map(decode);
  if (value !== null && typeof value === "object") {
    const keys = Object.keys(value);
    if (keys.length === 1 && keys[0] === "$bin") return Buffer.from(value.$bin, "base64");
    return Object.fromEntries(keys.map((k) => [k, decode(value[k])]));
  }
  return value;
}

const clientOpts = { forceNew: true };
if (opts.transports) clientOpts.transports = opts.transports.split(",");
if (opts.auth) clientOpts.auth = JSON.parse(opts.auth);
if (opts.reconnection) clientOpts.reconnection = opts.reconnection === "true";
if (opts["reconnection-delay-ms"]) {
  clientOpts.reconnectionDelay = Number(opts["reconnection-delay-ms"]);
  clientOpts.reconnectionDelayMax = Math.max(5000, clientOpts.reconnectionDelay);
}

const base = opts.url.replace(/\/+$/, "");
const socket = io(opts.namespace === "/" ? base : base + opts.namespace, clientOpts);

const replies = new Map(); // event -> args to ack with (reply_to)
const pendingAcks = new Map(); // ack_id -> callback, for events acked later with {"op":"ack"}
let nextAckId = 1;

socket.io.on("open", () => {
  // A new engine per (re)connection: listen to its upgrade each time.
  socket.io.engine.on("upgrade", (transport) => out({ type: "upgrade", transport: transport.name }));
});
socket.on("connect", () => {
  out({ type: "connect", id: socket.id, recovered: socket.recovered === true, transport: socket.io.engine.transport.name });
});
socket.on("connect_error", (err) => {
  out({ type: "connect_error", message: err.message, data: encode(err.data ?? null) });
});
socket.on("disconnect", (reason) => out({ type: "disconnect", reason }));
socket.onAny((event, ...args) => {
  const last = args[args.length - 1];
  if (typeof last !== "function") {
    out({ type: "event", event, args: encode(args) });
    return;
  }
  const callback = args.pop();
  const ackId = nextAckId++;
  out({ type: "event", event, args: encode(args), ack_id: ackId });
  if (replies.has(event)) {
    const reply = replies.get(event);
    callback(...decode(reply));
    out({ type: "acked", event, ack_id: ackId, args: reply });
  } else {
    pendingAcks.set(ackId, { event, callback });
  }
});

const commands = {
  emit(cmd) {
    const args = decode(cmd.args ?? []);
    if (cmd.ack) {
      socket.emit(cmd.event, ...args, (...res) => out({ type: "ack", ref: cmd.ref ?? null, args: encode(res) }));
    } else {
      socket.emit(cmd.event, ...args);
    }
  },
  reply_to(cmd) {
    replies.set(cmd.event, cmd.args ?? []);
  },
  ack(cmd) {
    const pending = pendingAcks.get(cmd.ack_id);
    if (!pending) throw new Error(`no pending ack ${cmd.ack_id}`);
    pendingAcks.delete(cmd.ack_id);
    pending.callback(...decode(cmd.args ?? []));
    out({ type: "acked", event: pending.event, ack_id: cmd.ack_id, args: cmd.args ?? [] });
  },
  disconnect() {
    socket.disconnect();
  },
  connect() {
    socket.connect();
  },
  drop_transport() {
    // A network cut as the client sees it: the engine closes without a Socket.IO DISCONNECT packet, so the manager
    // reconnects by itself and, with connection state recovery on the server, the session is restored.
    socket.io.engine.close();
  },
  exit() {
    socket.disconnect();
    process.stdout.write("", () => process.exit(0));
  },
};

createInterface({ input: process.stdin }).on("line", (line) => {
  if (!line.trim()) return;
  let cmd;
  try {
    cmd = JSON.parse(line);
  } catch (e) {
    out({ type: "error", message: `bad command line: ${e.message}` });
    return;
  }
  const handler = commands[cmd.op];
  if (!handler) {
    out({ type: "error", message: `unknown op ${cmd.op}` });
    return;
  }
  try {
    handler(cmd);
  } catch (e) {
    out({ type: "error", message: `${cmd.op} failed: ${e.message}` });
  }
}).on("close", () => {
  // stdin closed: the test process is gone or done with us.
  socket.disconnect();
  process.exit(0);
});
