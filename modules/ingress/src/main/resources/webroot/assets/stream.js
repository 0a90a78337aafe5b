// The live stream page: joins the visitor's replay stream and shows its predictions as they arrive.

import { Connection } from './connection.js';
import { $, STATES, newVisitorId, storedVisitorId } from './page.js';

const TABLE_ROWS = 20;
const CHART_POINTS = 120;
const ETA_WINDOW = 30;
const FRAUD_SCORE = 0.8;

/** The visitor id kept under localStorage.visitor_id, created on the first visit. */
function visitorId() {
  const id = storedVisitorId('visitor_id');
  if (id) return id;
  const fresh = newVisitorId();
  localStorage.setItem('visitor_id', fresh);
  return fresh;
}

const page = {
  visitorId: visitorId(),
  streamId: null,
  total: 0,
  lastSeq: 0,
  rows: 0,
  fraud: 0,
  times: [],
  ended: false,
};

const chart = new window.Chart(document.getElementById('chart'), {
  type: 'line',
  data: { labels: [], datasets: [{ label: 'Score', data: [], borderColor: '#2457c5', pointRadius: 0, borderWidth: 1.5 }] },
  options: {
    animation: false,
    maintainAspectRatio: false,
    scales: { y: { min: 0, max: 1 } },
    plugins: { legend: { display: false } },
  },
});

function showState(state, error) {
  $('state').textContent = state;
  $('error').hidden = !error;
  $('error').textContent = error || '';
}

function renderProgress() {
  $('seq').textContent = page.lastSeq;
  $('total').textContent = page.total;
  $('progress').max = Math.max(1, page.total);
  $('progress').value = page.lastSeq;
  $('row-count').textContent = page.rows;
  $('fraud-count').textContent = page.fraud;
  $('fraud-rate').textContent = `${(page.rows ? (100 * page.fraud) / page.rows : 0).toFixed(1)} %`;
  const t = page.times;
  const left = page.total - page.lastSeq;
  const perRow = t.length > 1 ? (t[t.length - 1] - t[0]) / (t.length - 1) : 0;
  $('eta').textContent = left > 0 && perRow > 0 ? `· about ${Math.ceil((left * perRow) / 1000)} s left` : '';
}

/** A stream announcement or join ack: a new stream id starts the view afresh, the same one keeps it. */
function adoptStream(data) {
  if (data.stream_id !== page.streamId) {
    Object.assign(page, { streamId: data.stream_id, lastSeq: data.seq || 0, rows: 0, fraud: 0, times: [], ended: false });
    $('rows').replaceChildren();
    chart.data.labels = [];
    chart.data.datasets[0].data = [];
    chart.update('none');
  }
  page.total = data.total;
  renderProgress();
}

function cell(text) {
  const td = document.createElement('td');
  td.textContent = text ?? '–';
  return td;
}

function addRow(data) {
  if (data.stream_id !== page.streamId || data.seq <= page.lastSeq) return;
  const fraud = data.is_fraud === true || (data.score ?? 0) >= FRAUD_SCORE;
  Object.assign(page, { lastSeq: data.seq, total: data.total, rows: page.rows + 1 });
  page.fraud += fraud ? 1 : 0;
  page.times.push(data.ts);
  if (page.times.length > ETA_WINDOW) page.times.shift();
  const tr = document.createElement('tr');
  tr.dataset.seq = data.seq;
  tr.className = fraud ? 'fraud' : '';
  const row = data.row || {};
  const amount = typeof row.TransactionAmt === 'number' ? row.TransactionAmt.toFixed(2) : row.TransactionAmt;
  tr.append(cell(data.seq), cell(row.TransactionID), cell(amount),
    cell(data.score === undefined ? undefined : data.score.toFixed(3)), cell(fraud ? 'yes' : 'no'));
  const body = $('rows');
  body.prepend(tr);
  while (body.children.length > TABLE_ROWS) body.lastElementChild.remove();
  if (data.score !== undefined) {
    chart.data.labels.push(data.seq);
    chart.data.datasets[0].data.push(data.score);
    if (chart.data.labels.length > CHART_POINTS) {
      chart.data.labels.shift();
      chart.data.datasets[0].data.shift();
    }
    chart.update('none');
  }
  renderProgress();
}

const connection = new Connection($('badge'));

async function join() {
  const request = { visitor_id: page.visitorId };
  if (page.streamId) request.resume = { stream_id: page.streamId, after_seq: page.lastSeq };
  try {
    const answer = await connection.request('join_stream', request);
    const state = 'lost' in answer ? 'stream_resumed' : 'seq' in answer ? 'joined_existing_stream' : 'stream_started';
    adoptStream(answer);
    if (!page.ended) showState(STATES[state]);
  } catch (error) {
    if (error.code !== 'disconnected') showState('error', error.message);
  }
}

Object.keys(STATES).forEach((event) => connection.on(event, (data) => {
  if (data.total !== undefined) adoptStream(data);
  showState(STATES[event]);
}));
connection.on('prediction', addRow);
connection.on('stream_complete', (data) => {
  if (data.stream_id !== page.streamId) return;
  page.ended = true;
  showState(data.reason === 'stopped' ? 'stopped' : 'complete');
});
connection.on('stream_error', (data) => showState('error', data.message));
connection.on('open', join);

document.getElementById('new-visitor').addEventListener('click', () => {
  connection.request('leave_stream', { visitor_id: page.visitorId }).catch(() => {});
  page.visitorId = newVisitorId();
  page.streamId = null;
  localStorage.setItem('visitor_id', page.visitorId);
  $('visitor').textContent = page.visitorId;
  showState('joining');
  join();
});

$('visitor').textContent = page.visitorId;
connection.start();
