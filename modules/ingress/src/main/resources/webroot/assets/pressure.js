// The pressure page: choose or create a workout, run a simulated 16×16 foot-pressure device into it, and show the
// server's answers: the latest frame as a heatmap with its stats, the last 120 frames as time series, the
// acknowledgement and storage state, the summary when the workout ends, and the stored workouts.
//
// Frame numbers are the server's (frame_count of each frame_processed). The series is keyed by them, so a frame
// shows once whichever way it arrived; a number the page knows exists (session_joined after a reconnect, a later
// ack, a room message) but has no stats for is a gap, filled from GET /api/v1/sessions/{id}/frames.

import { Connection } from './connection.js';
import { $, getJson, showMessage } from './page.js';
import { Device } from './pressure-device.js';
import { Series, deviceCells, drawHeatmap, footFrame, heatmapText, lineChart, newWorkoutId, num, statsCells, storedItem,
  summaryCells, workoutIdError } from './pressure-view.js';

const KEY = 'pressure_workout_id';
const FILL_DELAY_MS = 500;
const FILL_RETRY_MS = 1000;
const FILL_MAX_TRIES = 30;
const HEATMAP_FETCH_MS = 1000;
const HEATMAP_MAX_TRIES = 5;

const page = { workoutId: null, joined: false, wantJoined: false, status: null, latest: 0, drawn: 0, filling: false,
  fillTries: 0, heatmapTimer: null, fillTimer: null, deviceTimer: null, running: false };
const series = new Series();
const connection = new Connection($('badge'));
const api = (id) => `/api/v1/sessions/${encodeURIComponent(id)}`;

const totals = lineChart(document.getElementById('series'), [['Sum', '#2457c5', 'y'], ['Contact area (cells)', '#c2410c', 'y1']], {
  y: { beginAtZero: true, title: { display: true, text: 'sum' } },
  y1: { beginAtZero: true, position: 'right', grid: { drawOnChartArea: false }, title: { display: true, text: 'cells' } },
});
const cop = lineChart(document.getElementById('cop'), [['CoP row', '#146c2e', 'y'], ['CoP col', '#7c3aed', 'y']], {
  y: { min: 0, max: 15, title: { display: true, text: 'cell' } },
});


function renderSeries() {
  const points = series.ordered();
  const labels = points.map(([frame]) => frame);
  totals.data.labels = labels;
  cop.data.labels = labels;
  [['sum', totals, 0], ['contact', totals, 1], ['copRow', cop, 0], ['copCol', cop, 1]].forEach(([key, c, i]) => {
    c.data.datasets[i].data = points.map(([, p]) => p[key]);
  });
  totals.update('none');
  cop.update('none');
}

/**
 * A frame the server processed: into the series; the newest one's stats are shown, and its heatmap once its matrix
 * is known (a room message carries none: another device's frame is then drawn from the store).
 */
function showFrame(frame, stats, matrix) {
  const added = series.add(frame, stats);
  if (frame >= page.latest) {
    page.latest = frame;
    const text = heatmapText(frame, stats);
    $('heatmap-text').textContent = text;
    $('heatmap').setAttribute('aria-label', `Pressure heatmap. ${text}`);
    $('stat-frame').textContent = `#${frame}`;
    Object.entries(statsCells(stats)).forEach(([id, value]) => { $(id).textContent = value; });
    if (matrix) drawFrame(frame, matrix, stats);
    else scheduleHeatmap();
  }
  if (added) renderSeries();
  if (frame > Number($('session-frames').textContent)) $('session-frames').textContent = frame;
  if (series.missing().length) scheduleFill();
}

function drawFrame(frame, matrix, stats) {
  page.drawn = frame;
  const peak = stats.max ? stats.max.value : 0;
  const canvas = $('heatmap');
  drawHeatmap(canvas.getContext('2d'), matrix, canvas.width, canvas.height, peak);
  $('heatmap-scale').textContent = num(peak);
}

/** Draws the newest stored frame when the newest shown came without a matrix: at most once a second, 5 tries. */
function scheduleHeatmap(tries = 0) {
  if (page.heatmapTimer || tries >= HEATMAP_MAX_TRIES) return;
  page.heatmapTimer = setTimeout(async () => {
    page.heatmapTimer = null;
    const workout = page.workoutId;
    if (!workout || page.drawn >= page.latest) return;
    const body = await getJson(`${api(workout)}/frames?limit=1`).catch(() => ({ frames: [] }));
    const stored = body.frames[0];
    if (workout !== page.workoutId) return;
    if (stored && stored.frame > page.drawn) drawFrame(stored.frame, stored.matrix, stored.stats);
    if (page.drawn < page.latest) scheduleHeatmap(tries + 1);
  }, HEATMAP_FETCH_MS);
}

/** Gaps wait a moment before they are read from the store: most are answers still on their way. */
function scheduleFill() {
  if (!page.fillTimer && !page.filling) page.fillTimer = setTimeout(fill, FILL_DELAY_MS);
}

const device = new Device({
  send: (data) => connection.request('pressure_frame', data),
  onAck: (entry, processed) => showFrame(processed.frame_count, processed.stats, entry.data.matrix),
  onChange: () => renderCounters(),
  onNotJoined: () => { page.joined = false; if (page.wantJoined) join().catch(failed); },
});

function renderCounters() {
  Object.entries(deviceCells(device, page.running)).forEach(([id, value]) => { $(id).textContent = value; });
  $('device-start').disabled = !page.workoutId || page.running;
  $('device-stop').disabled = !page.running;
  $('end-workout').disabled = !page.workoutId || page.status === 'ended';
}

function failed(error) {
  if (error && error.code !== 'disconnected') showMessage('workout-error', error.message || String(error));
}

function setStatus(status, frames) {
  page.status = status;
  $('session-state').textContent = status || 'none';
  if (frames !== undefined) {
    $('session-frames').textContent = frames;
    series.know(frames);
  }
  renderCounters();
}

/**
 * Reads the gaps of the series from the store, newest first, and adds them. A frame found there that the device
 * still has queued to send again was processed already (only its ack was lost): it counts as acknowledged.
 */
async function fill() {
  if (page.filling || !page.workoutId) return;
  clearTimeout(page.fillTimer);
  page.fillTimer = null;
  const gaps = series.missing();
  if (!gaps.length) return;
  page.filling = true;
  const workout = page.workoutId;
  try {
    const limit = Math.min(1000, series.highest - gaps[0] + 1 + 64);
    const body = await getJson(`${api(workout)}/frames?limit=${limit}`);
    if (workout !== page.workoutId) return;
    device.recover(body.frames).forEach(([, stored]) => series.know(stored.frame));
    const wanted = new Set(series.missing());
    body.frames.filter((f) => wanted.has(f.frame)).sort((a, b) => a.frame - b.frame)
      .forEach((f) => showFrame(f.frame, f.stats, f.matrix));
    page.fillTries = series.missing().length ? page.fillTries + 1 : 0;
  } catch (error) {
    page.fillTries += 1;
  } finally {
    page.filling = false;
  }
  if (series.missing().length && page.fillTries < FILL_MAX_TRIES && workout === page.workoutId) {
    page.fillTimer = setTimeout(fill, FILL_RETRY_MS);
  }
}

/**
 * Makes `id` the current workout. A workout from the list (or remembered) is shown as stored; a typed one is joined,
 * which creates it when new (so no request for a workout that does not exist).
 */
async function open(id, joinIt) {
  const problem = workoutIdError(id);
  $('workout-id').setAttribute('aria-invalid', problem ? 'true' : 'false');
  showMessage('workout-error', problem);
  if (problem) return false;
  if (id !== page.workoutId) {
    stopDevice();
    if (page.workoutId) connection.request('unsubscribe', { room: `workout.${page.workoutId}` }).catch(() => {});
    Object.assign(page, { workoutId: id, joined: false, wantJoined: false, status: null, latest: 0, drawn: 0, fillTries: 0 });
    device.reset();
    series.reset();
    renderSeries();
    $('summary').hidden = true;
  }
  $('workout-id').value = id;
  $('current-workout').textContent = id;
  localStorage.setItem(KEY, id);
  subscribe();
  if (joinIt) {
    await join();
    return true;
  }
  try {
    const status = await getJson(api(id));
    setStatus(status.status, status.frame_count);
    if (status.status === 'ended' && status.summary) showSummary(id, status.frame_count, status.summary);
    fill();
  } catch (error) {
    showMessage('workout-error', `Could not read workout ${id}: ${error.message}`);
  }
  return true;
}

/** Subscribes to the workout's room, so frames other devices send show too (refused under auth: ignored). */
function subscribe() {
  if (page.workoutId) connection.request('subscribe', { room: `workout.${page.workoutId}` }).catch(() => {});
}

/** join_session; a count above what the series knows is a gap, filled before the device sends again. */
async function join() {
  page.wantJoined = true;
  const joined = await connection.request('join_session', { workout_id: page.workoutId });
  page.joined = true;
  $('summary').hidden = true;
  setStatus(joined.status, joined.frame_count);
  if (series.missing().length) await fill();
  device.setReady(true);
  refreshStored();
}

function tick() {
  device.queue(page.workoutId, footFrame(Date.now()));
}

function startDevice() {
  const rate = Number($('device-rate').value);
  if (!Number.isInteger(rate) || rate < 1 || rate > 20) {
    showMessage('rate-error', 'Rate must be a whole number of frames per second from 1 to 20.');
    return;
  }
  showMessage('rate-error', null);
  page.running = true;
  clearInterval(page.deviceTimer);
  page.deviceTimer = setInterval(tick, 1000 / rate);
  renderCounters();
  if (!page.joined) join().catch(failed);
}

function stopDevice() {
  page.running = false;
  clearInterval(page.deviceTimer);
  renderCounters();
}

function showSummary(id, frames, summary) {
  $('summary').hidden = false;
  $('summary-workout').textContent = id;
  Object.entries(summaryCells(frames, summary)).forEach(([testId, value]) => { $(testId).textContent = value; });
}

function ended(data) {
  if (data.workout_id !== page.workoutId) return;
  stopDevice();
  Object.assign(page, { joined: false, wantJoined: false });
  device.setReady(false);
  setStatus('ended', data.frame_count);
  showSummary(data.workout_id, data.frame_count, data.summary);
  refreshStored();
}

/** Stops the device, lets what it queued reach the server, then leaves the session: the summary shows. */
async function endWorkout() {
  stopDevice();
  if (!page.joined) await join();
  await device.drained(10000);
  ended(await connection.request('leave_session', { workout_id: page.workoutId }));
}

async function refreshStored() {
  try {
    const body = await getJson('/api/v1/sessions?limit=20');
    const items = body.sessions.map((s) => storedItem(s, s.workout_id === page.workoutId,
      () => open(s.workout_id).catch(failed)));
    $('stored-list').replaceChildren(...items);
    $('stored-state').textContent = items.length ? `${items.length} most recently updated` : 'none stored yet';
  } catch (error) {
    $('stored-state').textContent = `could not load: ${error.message}`;
  }
}

connection.on('session_ended', ended);
connection.on('frames_persisted', (data) => {
  if (data.workout_id === page.workoutId) device.persistedUpTo(data.up_to_frame);
});
connection.on('message', (message) => {
  if (message.room === `workout.${page.workoutId}` && message.data && message.data.frame_count) {
    showFrame(message.data.frame_count, message.data.stats, null);
  }
});
connection.on('status', (status) => {
  if (status !== 'live' && status !== 'polling') {
    page.joined = false;
    device.setReady(false);
  }
});
connection.on('open', () => {
  subscribe();
  if (page.wantJoined) join().catch(failed);
  refreshStored();
});

document.getElementById('workout-form').addEventListener('submit', (event) => {
  event.preventDefault();
  open($('workout-id').value.trim(), true).catch(failed);
});
document.getElementById('new-workout').addEventListener('click', async () => {
  try {
    await open(newWorkoutId(), true);
  } catch (error) {
    failed(error);
  }
});
document.getElementById('end-workout').addEventListener('click', () => endWorkout().catch(failed));
document.getElementById('device-start').addEventListener('click', startDevice);
document.getElementById('device-stop').addEventListener('click', () => {
  stopDevice();
  device.drained(5000).then(refreshStored);
});
document.getElementById('device-rate').addEventListener('change', () => { if (page.running) startDevice(); });
document.getElementById('refresh-stored').addEventListener('click', refreshStored);

const remembered = localStorage.getItem(KEY);
if (remembered && !workoutIdError(remembered)) open(remembered).catch(failed);
renderCounters();
connection.start();
