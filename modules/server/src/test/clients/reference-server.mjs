// The reference Node socket.io 4.8 server: validates the test drivers (SocketIoDriversIT) and is the baseline that
// Streamhub's Socket.IO server is compared with. `node reference-server.mjs --port 0` prints {"port":N} once listening.
//
// Namespace "/", connection state recovery on (2 min) unless `--recovery false` (benchmarks: Streamhub's default).
// Middleware: auth {token:"bad"} is rejected with Error("unauthorized") and data {code:"unauthorized"}. Events:
//   echo ...args, ack          -> ack(...args) (Buffers come back as Buffers)
//   join {room}, ack           -> socket.join(room), ack({room})
//   subscribe {room}, ack      -> socket.join(room), ack({room, subscribed: true})  (as Streamhub)
//   publish {room, data}, ack  -> io.to(room).emit("message", {room, seq, data}), ack({room, seq}) with seq counting
//                                 per room from 1 (as Streamhub: only the room's members get it, the publisher too
//                                 only if it is one)
//   ask_client payload?        -> emits "question" (payload) with an ack; then emits "answer" with the acked args
//   emit_later {count?, intervalMs?} -> emits "tick" {n} for n = 1..count (20) every intervalMs (100), ack({count})
import { createServer } from "node:http";
import { Server } from "socket.io";

function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}

const httpServer = createServer();
const recovery = arg("recovery", "true") !== "false";
const io = new Server(httpServer, {
  cors: { origin: "*" },
  ...(recovery && { connectionStateRecovery: { maxDisconnectionDuration: 2 * 60 * 1000, skipMiddlewares: true } }),
});
const seqs = new Map();

io.use((socket, next) => {
  if (socket.handshake.auth?.token === "bad") {
    const err = new Error("unauthorized");
    err.data = { code: "unauthorized" };
    next(err);
    return;
  }
  next();
});

function ackOf(args) {
  return typeof args[args.length - 1] === "function" ? args.pop() : () => {};
}

io.on("connection", (socket) => {
  socket.on("echo", (...args) => {
    const ack = ackOf(args);
    ack(...args);
  });
  socket.on("join", (...args) => {
    const ack = ackOf(args);
    const { room } = args[0] ?? {};
    socket.join(room);
    ack({ room });
  });
  socket.on("subscribe", (...args) => {
    const ack = ackOf(args);
    const { room } = args[0] ?? {};
    socket.join(room);
    ack({ room, subscribed: true });
  });
  socket.on("publish", (...args) => {
    const ack = ackOf(args);
    const { room, data } = args[0] ?? {};
    const seq = (seqs.get(room) ?? 0) + 1;
    seqs.set(room, seq);
    io.to(room).emit("message", { room, seq, data });
    ack({ room, seq });
  });
  socket.on("ask_client", (...args) => {
    const ack = ackOf(args);
    socket.emit("question", args[0] ?? null, (...answer) => socket.emit("answer", ...answer));
    ack();
  });
  socket.on("emit_later", (...args) => {
    const ack = ackOf(args);
    const count = args[0]?.count ?? 20;
    const intervalMs = args[0]?.intervalMs ?? 100;
    // Addressed to the socket's own room, not the socket object: the ticks sent while the client is away are stored
    // by the recovery adapter and replayed to the recovered socket (same id) after it reconnects.
    const sid = socket.id;
    let n = 0;
    const timer = setInterval(() => {
      n += 1;
      io.to(sid).emit("tick", { n });
      if (n >= count) clearInterval(timer);
    }, intervalMs);
    ack({ count });
  });
});

httpServer.listen(Number(arg("port", "0")), arg("host", "127.0.0.1"), () => {
  process.stdout.write(JSON.stringify({ port: httpServer.address().port }) + "\n");
});

// The test closes stdin (or exits) when done: never outlive it.
process.stdin.on("end", () => process.exit(0));
process.stdin.resume();
process.on("SIGTERM", () => process.exit(0));
