// The machine monitor page: the dataset's baseline (blue) and the live monitor points (red) on one scatter plot,
// with start / pause / resume / stop / reset, speed and point size, and the stream's status from the REST API.

import { Connection } from './connection.js';
import { $, STATES, getJson, newVisitorId, storedVisitorId } from './page.js';

const DATASET = 'machine-monitor';
const VISITOR_KEY = 'monitor_visitor_id';
const POLL_MS = 1500;

const stored = storedVisitorId(VISITOR_KEY);
const page = {
  visitorId: stored || newVisitorId(),
  seen: stored !== null,
  streamId: null,
  total: 0,
  lastSeq: 0,
  joined: false,
  ended: false,
  paused: false,
};

const plot = new window.Chart(document.getElementById('plot'), {
  type: 'scatter',
  data: {
    datasets: [
      { label: 'Baseline', data: [], backgroundColor: 'rgba(36, 87, 197, 0.45)', borderColor: '#2457c5', pointRadius: 3 },
      { label: 'Live', data: [], backgroundColor: 'rgba(214, 39, 40, 0.85)', borderColor: '#d62728', pointRadius: 3 },
    ],
  },
  options: {
    animation: false,
    maintainAspectRatio: false,
    scales: { x: { title: { display: true, text: 'dinsight_x' } }, y: { title: { display: true, text: 'dinsight_y' } } },
    plugins: { legend: { display: false } },
  },
});
const [baseline, live] = plot.data.datasets;

function showState(state, error) {
  $('state').textContent = state;
  $('error').hidden = !error;
  $('error').textContent = error || '';
}

function renderControls() {
  const running = page.joined && !page.ended;
  $('start').disabled = running;
  $('pause').disabled = !running || page.paused;
  $('resume').disabled = !running || !page.paused;
  $('stop').disabled = !running;
}

function renderProgress() {
  $('seq').textContent = page.lastSeq;
  $('total').textContent = page.total;
  $('progress').max = Math.max(1, page.total);
  $('progress').value = page.lastSeq;
  $('live-count').textContent = live.data.length;
}

function clearLive() {
  live.data = [];
  plot.update('none');
  renderProgress();
}

/** A stream announcement or join ack: a new stream id starts the red points afresh, the same one keeps them. */
function adoptStream(data) {
  if (data.stream_id !== page.streamId) {
    Object.assign(page, { streamId: data.stream_id, lastSeq: data.seq || 0, ended: false, paused: false });
    clearLive();
  }
  page.total = data.total;
  renderProgress();
  renderControls();
}

function addPoint(data) {
  if (data.stream_id !== page.streamId || data.seq <= page.lastSeq) return;
  Object.assign(page, { lastSeq: data.seq, total: data.total });
  const row = data.row || {};
  if (typeof row.dinsight_x === 'number' && typeof row.dinsight_y === 'number') {
    live.data.push({ x: row.dinsight_x, y: row.dinsight_y, seq: data.seq });
    plot.update('none');
  }
  renderProgress();
}

const connection = new Connection($('badge'));

function failed(error) {
  if (error && error.code !== 'disconnected') showState('error', error.message);
}

async function join(resume) {
  const request = { visitor_id: page.visitorId, dataset: DATASET };
  if (resume && page.streamId) request.resume = { stream_id: page.streamId, after_seq: page.lastSeq };
  const answer = await connection.request('join_stream', request);
  page.joined = true;
  const state = 'lost' in answer ? 'stream_resumed' : 'seq' in answer ? 'joined_existing_stream' : 'stream_started';
  adoptStream(answer);
  if (!page.ended) showState(STATES[state]);
  if (!resume && Number($('speed').value) !== 1) await control('speed', Number($('speed').value));
}

/** A stream_control request; the ack is the stream's status. */
async function control(action, value) {
  const request = { visitor_id: page.visitorId, action };
  if (value !== undefined) request.value = value;
  const status = await connection.request('stream_control', request);
  applyStatus(status);
  return status;
}

function applyStatus(status) {
  if (!status || (page.streamId && status.stream_id !== page.streamId)) return;
  page.paused = status.paused === true;
  $('status-state').textContent = status.state;
  if (page.joined && !page.ended) showState(status.state);
  renderControls();
}

/** Starts a fresh stream from row 1: leaves the current one first, so the join is not taken as a second tab. */
async function fresh() {
  localStorage.setItem(VISITOR_KEY, page.visitorId);
  page.seen = true;
  if (page.joined) {
    await connection.request('leave_stream', { visitor_id: page.visitorId }).catch(() => {});
    page.joined = false;
  }
  page.streamId = null;
  clearLive();
  showState('joining');
  await join(false);
  poll();
}

async function poll() {
  if (!page.seen) return;
  try {
    const response = await fetch(`/api/v1/streams/${encodeURIComponent(page.visitorId)}`);
    if (response.status === 404) {
      $('status-state').textContent = 'none';
      return;
    }
    if (!response.ok) return;
    const status = await response.json();
    $('status-state').textContent = status.state;
    $('progress-text').textContent = `${Number(status.progress_percentage || 0).toFixed(1)} %`;
    if (status.stream_id === page.streamId) {
      page.paused = status.paused === true;
      renderControls();
    } else if (!page.joined) {
      page.total = status.total;
      $('seq').textContent = status.streamed;
      $('total').textContent = status.total;
    }
  } catch (error) {
    $('status-state').textContent = 'unreachable';
  }
}

async function loadBaseline() {
  try {
    const body = await getJson(`/api/v1/datasets/${DATASET}/baseline`);
    baseline.data = body.points.map((p) => ({ x: p.x, y: p.y }));
    $('baseline-count').textContent = baseline.data.length;
    plot.update('none');
  } catch (error) {
    showState('error', `baseline: ${error.message}`);
  }
}

Object.keys(STATES).forEach((event) => connection.on(event, (data) => {
  if (data.total !== undefined) adoptStream(data);
  showState(STATES[event]);
}));
connection.on('monitor_point', addPoint);
connection.on('stream_state', (data) => {
  if (data.stream_id !== page.streamId) return;
  page.paused = data.paused === true;
  if (!page.ended) showState(data.state);
  renderControls();
});
connection.on('stream_complete', (data) => {
  if (data.stream_id !== page.streamId) return;
  page.ended = true;
  showState(data.reason === 'stopped' ? 'stopped' : 'complete');
  renderControls();
});
connection.on('stream_error', (data) => showState('error', data.message));
connection.on('open', () => {
  if (page.joined && !page.ended) join(true).catch(failed);
});

document.getElementById('start').addEventListener('click', () => fresh().catch(failed));
document.getElementById('reset').addEventListener('click', () => fresh().catch(failed));
document.getElementById('pause').addEventListener('click', () => control('pause').catch(failed));
document.getElementById('resume').addEventListener('click', () => control('resume').catch(failed));
document.getElementById('stop').addEventListener('click', () => control('stop').catch(failed));
document.getElementById('speed').addEventListener('change', (event) => {
  if (page.joined && !page.ended) control('speed', Number(event.target.value)).catch(failed);
});
document.getElementById('point-size').addEventListener('input', (event) => {
  const radius = Number(event.target.value);
  baseline.pointRadius = radius;
  live.pointRadius = radius;
  plot.update('none');
});

$('visitor').textContent = page.visitorId;
renderControls();
loadBaseline();
poll();
setInterval(poll, POLL_MS);
connection.start();
