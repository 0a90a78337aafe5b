// Socket.IO benchmark: the same workloads against a running Streamhub node and against the reference Node socket.io
// server (reference-server.mjs, started here with recovery off), one target after the other.
//
//   node sio-bench.mjs --streamhub http://127.0.0.1:8080 [--reference-port 0] [--targets streamhub,reference]
//       [--clients 1000] [--rooms 100] [--room-rate 4] [--duration-s 20] [--workers 2] [--concurrency 50]
//       [--fanout-rates 2,5,10,...] [--step-s 5] [--drain-ms 3000] [--max-p99-ms 100] [--deflate true]
//
// Rooms: the clients in --rooms rooms, one publisher emitting `publish` into every room at --room-rate msg/s for
// --duration-s. Fan-out: the same clients all join one more room; the publisher steps through --fanout-rates, each
// for --step-s; the max sustained fan-out is the highest rate (x clients, in deliveries/s) whose every delivery
// arrived with p99 <= --max-p99-ms; stepping stops at the first rate that fails. Clients are plain socket.io-client
// sockets (WebSocket transport, one connection each) spread over --workers child processes. Latency: publish send
// time (in the message's data) to receipt, on the clock performance.timeOrigin + performance.now(). `--deflate false`
// makes the clients not offer permessage-deflate (socket.io-client offers it; the Node server declines it by default).
import { fork, spawn } from "node:child_process";
import { once } from "node:events";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { io } from "socket.io-client";

const now = () => performance.timeOrigin + performance.now();
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const BUCKETS_PER_MS = 10; // latency histogram: 0.1 ms buckets up to 60 s
const MAX_BUCKET = 60_000 * BUCKETS_PER_MS;

function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}

// One plain client with its own WebSocket connection (forceNew: no multiplexing), connected.
async function connect(url, deflate, onMessage = () => {}) {
  const socket = io(url, { transports: ["websocket"], forceNew: true, reconnection: false, timeout: 60_000,
    ...(!deflate && { perMessageDeflate: false }) });
  socket.on("message", onMessage);
  await new Promise((resolve, reject) => {
    socket.once("connect", resolve);
    socket.once("connect_error", (e) => reject(new Error(`${url}: ${e.message}`)));
  });
  return socket;
}

async function pool(count, concurrency, task) {
  let next = 0;
  const lanes = Array.from({ length: Math.min(concurrency, count) }, async () => {
    while (next < count) await task(next++);
  });
  await Promise.all(lanes);
}

async function subscribe(socket, room) {
  const ack = await socket.timeout(30_000).emitWithAck("subscribe", { room });
  if (ack?.subscribed !== true) throw new Error(`subscribe ${room} refused: ${JSON.stringify(ack)}`);
}

// ---- worker: holds its share of the clients and records what they receive, per phase ----

function worker() {
  const sockets = [];
  const phases = new Map();
  let disconnects = 0;

  function phase(name) {
    if (!phases.has(name)) phases.set(name, { received: 0, outOfOrder: 0, max: 0, hist: new Uint32Array(MAX_BUCKET + 1) });
    return phases.get(name);
  }

  function receive(lastSeq, message) {
    const latency = now() - message.data.t;
    const stats = phase(message.data.p);
    stats.received++;
    if (message.seq <= (lastSeq.get(message.room) ?? 0)) stats.outOfOrder++;
    lastSeq.set(message.room, message.seq);
    stats.max = Math.max(stats.max, latency);
    stats.hist[Math.min(MAX_BUCKET, Math.max(0, Math.round(latency * BUCKETS_PER_MS)))]++;
  }

  const commands = {
    async connect({ url, deflate, rooms, concurrency }) {
      await pool(rooms.length, concurrency, async (i) => {
        const lastSeq = new Map();
        const socket = await connect(url, deflate, (message) => receive(lastSeq, message));
        socket.on("disconnect", () => disconnects++);
        sockets.push(socket);
        await subscribe(socket, rooms[i]);
      });
      return sockets.length;
    },
    async subscribe({ room, concurrency }) {
      await pool(sockets.length, concurrency, (i) => subscribe(sockets[i], room));
    },
    received: ({ phase: name }) => phase(name).received,
    report({ phase: name }) {
      const { received, outOfOrder, max, hist } = phase(name);
      phases.delete(name);
      const buckets = [];
      hist.forEach((n, bucket) => n && buckets.push([bucket, n]));
      return { received, outOfOrder, max, buckets, disconnects };
    },
    close() {
      sockets.forEach((socket) => socket.disconnect());
    },
  };

  process.on("disconnect", () => process.exit(0));
  process.on("message", async ({ id, cmd, ...args }) => {
    try {
      process.send({ id, value: await commands[cmd](args) });
    } catch (e) {
      process.send({ id, error: String(e?.message ?? e) });
    }
  });
}

// ---- main: starts the targets and workers, publishes, merges the workers' reports ----

function startWorker() {
  const child = fork(fileURLToPath(import.meta.url), ["--worker"]);
  const pending = new Map();
  let ids = 0;
  child.on("message", ({ id, value, error }) => {
    const { resolve, reject } = pending.get(id);
    pending.delete(id);
    error === undefined ? resolve(value) : reject(new Error(`worker: ${error}`));
  });
  child.on("exit", (code) => pending.forEach(({ reject }) => reject(new Error(`worker exited with ${code}`))));
  return {
    call: (cmd, args = {}) => new Promise((resolve, reject) => {
      pending.set(++ids, { resolve, reject });
      child.send({ id: ids, cmd, ...args });
    }),
    stop: () => child.kill(),
  };
}

async function startReference(port) {
  const child = spawn(process.execPath,
    [fileURLToPath(new URL("reference-server.mjs", import.meta.url)), "--port", port, "--recovery", "false"],
    { stdio: ["pipe", "pipe", "inherit"] });
  const [line] = await once(createInterface({ input: child.stdout }), "line");
  return { url: `http://127.0.0.1:${JSON.parse(line).port}`, stop: () => child.kill() };
}

// Publishes `count` messages at `rate` msg/s, message i into rooms[i % rooms.length], data {t: send time, p: phase}.
async function publish(publisher, rooms, rate, count, phaseName) {
  const result = { sent: 0, acked: 0, refused: 0 };
  const start = now();
  while (result.sent < count) {
    const due = Math.min(count, Math.floor(((now() - start) * rate) / 1000) + 1);
    for (; result.sent < due; result.sent++) {
      const room = rooms[result.sent % rooms.length];
      publisher.emit("publish", { room, data: { t: now(), p: phaseName } }, (ack) => {
        ack?.seq > 0 ? result.acked++ : result.refused++;
      });
    }
    await sleep(2);
  }
  return result;
}

function merge(reports) {
  const hist = new Map();
  for (const report of reports) for (const [bucket, n] of report.buckets) hist.set(bucket, (hist.get(bucket) ?? 0) + n);
  const received = reports.reduce((sum, r) => sum + r.received, 0);
  const sorted = [...hist].sort((a, b) => a[0] - b[0]);
  const percentile = (p) => {
    let seen = 0;
    for (const [bucket, n] of sorted) if ((seen += n) >= Math.ceil(received * p)) return bucket / BUCKETS_PER_MS;
    return null;
  };
  return {
    received,
    outOfOrder: reports.reduce((sum, r) => sum + r.outOfOrder, 0),
    p50: percentile(0.5), p90: percentile(0.9), p99: percentile(0.99),
    max: received ? Math.max(...reports.map((r) => r.max)) : null,
    disconnects: reports.reduce((sum, r) => sum + r.disconnects, 0),
  };
}

// Publishes one phase, lets the backlog drain (until every delivery arrived, at most drainMs) and merges the reports.
async function measure(workers, publisher, rooms, rate, seconds, perMessage, phaseName, drainMs) {
  const published = await publish(publisher, rooms, rate, Math.round(rate * seconds), phaseName);
  const expected = published.sent * perMessage;
  const deadline = now() + drainMs;
  while (now() < deadline) {
    const counts = await Promise.all(workers.map((w) => w.call("received", { phase: phaseName })));
    if (counts.reduce((a, b) => a + b, 0) >= expected) break;
    await sleep(100);
  }
  const stats = merge(await Promise.all(workers.map((w) => w.call("report", { phase: phaseName }))));
  return { rate, expected, ...stats, deliveriesPerS: Math.round(stats.received / seconds), ...published,
    complete: stats.received === expected && published.refused === 0 };
}

const ms = (v) => (v === null ? "-" : v < 10 ? v.toFixed(1) : Math.round(v).toLocaleString("en-US"));

async function runTarget(name, url, o) {
  const log = (line) => console.log(`[${name}] ${line}`);
  const workers = Array.from({ length: o.workers }, startWorker);
  let publisher;
  try {
    publisher = await connect(url, o.deflate);
    const run = `bench-${Date.now().toString(36)}`;
    const rooms = Array.from({ length: o.rooms }, (_, i) => `${run}-r${i}`);
    let started = now();
    const counts = await Promise.all(workers.map((w, k) => w.call("connect", {
      url, deflate: o.deflate, concurrency: o.concurrency,
      rooms: Array.from({ length: o.clients }, (_, i) => rooms[i % o.rooms]).filter((_, i) => i % o.workers === k),
    })));
    log(`${counts.reduce((a, b) => a + b, 0)} clients connected and subscribed in ${((now() - started) / 1000).toFixed(1)} s`);

    const roomsResult = await measure(workers, publisher, rooms, o.roomRate * o.rooms, o.durationS,
      o.clients / o.rooms, "rooms", o.drainMs);
    log(`rooms: ${roomsResult.received}/${roomsResult.expected} deliveries, ${roomsResult.outOfOrder} out of order, `
      + `p50/p90/p99/max ${[roomsResult.p50, roomsResult.p90, roomsResult.p99, roomsResult.max].map(ms).join("/")} ms`);

    const fanoutRoom = `${run}-fanout`;
    await Promise.all(workers.map((w) => w.call("subscribe", { room: fanoutRoom, concurrency: o.concurrency })));
    const steps = [];
    for (const rate of o.fanoutRates) {
      const step = await measure(workers, publisher, [fanoutRoom], rate, o.stepS, o.clients, `fanout-${rate}`, o.drainMs);
      step.ok = step.complete && step.p99 !== null && step.p99 <= o.maxP99Ms;
      steps.push(step);
      log(`fan-out ${rate} msg/s: ${step.deliveriesPerS.toLocaleString("en-US")} deliveries/s, `
        + `${step.received}/${step.expected} received, p99 ${ms(step.p99)} ms${step.ok ? "" : " -> stop"}`);
      if (!step.ok) break;
    }
    const best = steps.filter((s) => s.ok).at(-1) ?? null;
    return { name, rooms: roomsResult, steps, maxFanout: best && { rate: best.rate, deliveriesPerS: best.rate * o.clients, p99: best.p99 } };
  } finally {
    publisher?.disconnect();
    await Promise.allSettled(workers.map((w) => w.call("close")));
    workers.forEach((w) => w.stop());
  }
}

function table(results, o) {
  const col = (f) => results.map((r) => f(r).padEnd(24)).join("");
  const row = (label, f) => console.log(label.padEnd(34) + col(f));
  console.log();
  row("", (r) => (r.name === "streamhub" ? "Streamhub" : "Node socket.io 4.8"));
  row(`rooms (${o.clients} clients, ${o.rooms} rooms, ${o.roomRate} msg/s/room)`, () => "");
  row("  deliveries received/expected", (r) => `${r.rooms.received}/${r.rooms.expected}`);
  row("  out of order", (r) => String(r.rooms.outOfOrder));
  row("  latency p50/p90/p99/max ms", (r) => [r.rooms.p50, r.rooms.p90, r.rooms.p99, r.rooms.max].map(ms).join("/"));
  row(`fan-out (${o.clients} clients, 1 room)`, () => "");
  for (const rate of o.fanoutRates.filter((rate) => results.some((r) => r.steps.some((s) => s.rate === rate)))) {
    row(`  ${rate} msg/s: deliveries/s, p99 ms`, (r) => {
      const s = r.steps.find((step) => step.rate === rate);
      return s ? `${s.deliveriesPerS.toLocaleString("en-US")}${s.complete ? "" : " (incomplete)"}, ${ms(s.p99)}` : "";
    });
  }
  row("  max sustained deliveries/s", (r) => (r.maxFanout ? r.maxFanout.deliveriesPerS.toLocaleString("en-US") : "none"));
  console.log();
}

async function main() {
  const o = {
    streamhub: arg("streamhub", "http://127.0.0.1:8080"),
    referencePort: arg("reference-port", "0"),
    targets: arg("targets", "streamhub,reference").split(","),
    clients: Number(arg("clients", "1000")),
    rooms: Number(arg("rooms", "100")),
    roomRate: Number(arg("room-rate", "4")),
    durationS: Number(arg("duration-s", "20")),
    workers: Number(arg("workers", "2")),
    concurrency: Number(arg("concurrency", "50")),
    fanoutRates: arg("fanout-rates", "2,5,10,20,30,50,75,100,150,200,300,400,600,800").split(",").map(Number),
    stepS: Number(arg("step-s", "5")),
    drainMs: Number(arg("drain-ms", "3000")),
    maxP99Ms: Number(arg("max-p99-ms", "100")),
    deflate: arg("deflate", "true") !== "false",
  };
  const results = [];
  for (const target of o.targets) {
    if (target === "streamhub") {
      results.push(await runTarget("streamhub", o.streamhub, o));
    } else if (target === "reference") {
      const reference = await startReference(o.referencePort);
      try {
        results.push(await runTarget("reference", reference.url, o));
      } finally {
        reference.stop();
      }
    } else {
      throw new Error(`unknown target ${target}`);
    }
  }
  table(results, o);
  const summary = Object.fromEntries(results.map((r) => [r.name, {
    rooms: r.rooms, maxFanout: r.maxFanout,
    steps: r.steps.map(({ rate, deliveriesPerS, expected, received, p50, p99, max, complete, ok }) =>
      ({ rate, deliveriesPerS, expected, received, p50, p99, max, complete, ok })),
  }]));
  const [sh, ref] = [summary.streamhub, summary.reference];
  if (sh?.maxFanout && ref?.maxFanout) {
    summary.fanoutRatio = sh.maxFanout.deliveriesPerS / ref.maxFanout.deliveriesPerS;
    // Lower p99: in the rooms workload, and at the highest fan-out rate both sustained.
    const shared = ref.steps.find((s) => s.rate === Math.min(sh.maxFanout.rate, ref.maxFanout.rate));
    const shShared = sh.steps.find((s) => s.rate === shared.rate);
    summary.targetMet = summary.fanoutRatio >= 2 && sh.rooms.p99 < ref.rooms.p99 && shShared.p99 < shared.p99;
  }
  console.log(`RESULT ${JSON.stringify(summary)}`);
}

if (process.argv.includes("--worker")) {
  worker();
} else {
  main().then(() => process.exit(0), (e) => {
    console.error(`sio-bench failed: ${e?.stack ?? e}`);
    process.exit(1);
  });
}
