// The pressure page's helpers: workout ids, the simulated foot-pressure frames, the heatmap's colours and text,
// number formatting, the time series keyed by frame number, and the charts, cells and list items the page shows.
// Nothing here reads or changes the page's state.

import { randomHex } from './page.js';

export const SERIES_FRAMES = 120;

/** What is wrong with a workout id, naming it, or null when the server accepts it. */
export function workoutIdError(id) {
  if (id.length === 0) return 'Workout id is required: 1–64 letters, digits, _ or -.';
  if (id.length > 64) return `Workout id is ${id.length} characters long; at most 64 are allowed.`;
  const bad = [...new Set(id.replace(/[A-Za-z0-9_-]/g, ''))];
  if (bad.length) {
    const shown = bad.map((ch) => (ch === ' ' ? 'space' : `“${ch}”`)).join(', ');
    return `Workout id may contain only letters, digits, _ and -; it contains ${shown}.`;
  }
  return null;
}

/** A new workout id: "workout-" and 8 random hex digits. */
export function newWorkoutId() {
  return `workout-${randomHex(4)}`;
}

const ROWS = 16;
const COLS = 16;
const PEAK = 900;

function gauss(r, c, row, col, sr, sc) {
  return Math.exp(-(((r - row) / sr) ** 2 + ((c - col) / sc) ** 2) / 2);
}

/**
 * A standing / walking person on a 16×16 mat, row 0 at the front: two feet whose load rolls from heel to toes over
 * a 2.4 s step and sways between left and right over 5 s, so the centre of pressure moves in both directions.
 * Values are whole numbers 0–~900 with a little noise; cells under 12 are 0 (no contact).
 */
export function footFrame(tMs, random = Math.random) {
  const step = (tMs % 2400) / 2400;
  const sway = 0.5 + 0.3 * Math.sin((2 * Math.PI * tMs) / 5000);
  const heel = 0.25 + 0.75 * Math.max(0, Math.cos(Math.PI * step));
  const ball = 0.25 + 0.75 * Math.max(0, Math.sin(Math.PI * step));
  const toes = 0.1 + 0.6 * Math.max(0, Math.sin(Math.PI * Math.min(1, step * 1.3)));
  const feet = [{ col: 3.5, load: 2 * sway }, { col: 11.5, load: 2 * (1 - sway) }];
  const matrix = [];
  for (let r = 0; r < ROWS; r += 1) {
    const row = [];
    for (let c = 0; c < COLS; c += 1) {
      let value = 0;
      for (const foot of feet) {
        const outside = foot.col < COLS / 2 ? -1 : 1;
        const shape = heel * gauss(r, c, 12.5, foot.col, 1.4, 1.0)
          + 0.35 * gauss(r, c, 8.5, foot.col + outside, 1.8, 0.7)
          + ball * gauss(r, c, 4.5, foot.col, 1.2, 1.3)
          + toes * gauss(r, c, 1.6, foot.col - 0.5 * outside, 0.8, 1.1);
        value += PEAK * 0.5 * foot.load * shape;
      }
      value *= 0.97 + 0.06 * random();
      row.push(value < 12 ? 0 : Math.round(value));
    }
    matrix.push(row);
  }
  return matrix;
}

// A perceptual ramp from pale blue over green and yellow to dark red; 0 is the panel's background.
const RAMP = [[222, 235, 247], [107, 174, 214], [49, 163, 84], [255, 221, 51], [240, 120, 30], [165, 15, 21]];

/** The colour of a value on a scale of 0..max, as "rgb(r, g, b)". */
export function heatColour(value, max) {
  if (!(value > 0) || !(max > 0)) return 'rgb(248, 249, 251)';
  const x = Math.min(1, value / max) * (RAMP.length - 1);
  const i = Math.min(RAMP.length - 2, Math.floor(x));
  const f = x - i;
  const mix = RAMP[i].map((channel, k) => Math.round(channel + f * (RAMP[i + 1][k] - channel)));
  return `rgb(${mix.join(', ')})`;
}

/** Draws the matrix filling the canvas context's width × height, each cell coloured on a scale of 0..max. */
export function drawHeatmap(context, matrix, width, height, max) {
  context.clearRect(0, 0, width, height);
  const rows = matrix.length;
  const cols = rows ? matrix[0].length : 0;
  if (!rows || !cols) return;
  const cw = width / cols;
  const ch = height / rows;
  for (let r = 0; r < rows; r += 1) {
    for (let c = 0; c < cols; c += 1) {
      context.fillStyle = heatColour(matrix[r][c], max);
      context.fillRect(Math.floor(c * cw), Math.floor(r * ch), Math.ceil(cw), Math.ceil(ch));
    }
  }
}

/** A number for people: whole numbers as they are, others with `digits` decimals; '–' for none. */
export function num(value, digits = 1) {
  if (value === null || value === undefined || Number.isNaN(value)) return '–';
  return Number.isInteger(value) ? String(value) : Number(value).toFixed(digits);
}

/** The heatmap's text alternative from the server's stats, e.g. "peak 812 at row 3, col 7; contact 41 cells". */
export function heatmapText(frame, stats) {
  if (!stats) return 'No frame yet.';
  const { max } = stats;
  const peak = max ? `peak ${num(max.value)} at row ${max.row}, col ${max.col}` : 'no pressure';
  return `Frame ${frame}: ${peak}; contact ${stats.contact_area} cells.`;
}

/** The latest-stats rows shown next to the heatmap, by data-testid. */
export function statsCells(stats) {
  const cop = stats.center_of_pressure;
  const lr = stats.left_right_balance;
  const fb = stats.front_back_balance;
  return {
    'stat-sum': num(stats.sum, 0),
    'stat-mean': num(stats.mean, 2),
    'stat-max': stats.max ? `${num(stats.max.value)} (row ${stats.max.row}, col ${stats.max.col})` : '–',
    'stat-contact': `${stats.contact_area} cells (${num(100 * (stats.contact_fraction || 0), 1)} %)`,
    'stat-cop': cop ? `row ${num(cop.row, 2)}, col ${num(cop.col, 2)}` : '–',
    'stat-lr': lr ? `${num(lr.left, 1)} % / ${num(lr.right, 1)} %` : '–',
    'stat-fb': fb ? `${num(fb.front, 1)} % / ${num(fb.back, 1)} %` : '–',
  };
}

/**
 * The points of the time series, keyed by frame number: the last SERIES_FRAMES frame numbers up to the highest one
 * known, each once. Frames the page knows exist but has no stats for are the gaps, see missing().
 */
export class Series {
  constructor(size = SERIES_FRAMES) {
    this.size = size;
    this.points = new Map();
    this.highest = 0;
    this.floor = 1;
  }

  /** Starts over for a workout whose frames before `first` are not shown. */
  reset(first = 1) {
    this.points.clear();
    this.highest = first - 1;
    this.floor = first;
  }

  /** Frame number `frame` exists (the server said so), with or without its stats yet. */
  know(frame) {
    this.highest = Math.max(this.highest, frame);
    this.trim();
  }

  /** Adds a frame's stats; false when it was already there or is older than the window. */
  add(frame, stats) {
    this.know(frame);
    if (frame < this.start() || this.points.has(frame)) return false;
    const cop = stats.center_of_pressure;
    this.points.set(frame, { sum: stats.sum, contact: stats.contact_area, copRow: cop ? cop.row : null,
      copCol: cop ? cop.col : null });
    return true;
  }

  /** The first frame number of the window. */
  start() {
    return Math.max(this.floor, this.highest - this.size + 1);
  }

  trim() {
    const start = this.start();
    for (const frame of this.points.keys()) if (frame < start) this.points.delete(frame);
  }

  /** Frame numbers of the window that exist on the server but have no point here, ascending. */
  missing() {
    const gaps = [];
    for (let f = this.start(); f <= this.highest; f += 1) if (!this.points.has(f)) gaps.push(f);
    return gaps;
  }

  /** The points in frame order: [frame, point]. */
  ordered() {
    return [...this.points.entries()].sort((a, b) => a[0] - b[0]);
  }
}

/** A Chart.js line chart of frame numbers; datasets are [label, colour, y axis id]. */
export function lineChart(canvas, datasets, scales) {
  return new window.Chart(canvas, {
    type: 'line',
    data: { labels: [], datasets: datasets.map(([label, colour, axis]) => ({ label, data: [], borderColor: colour,
      backgroundColor: colour, pointRadius: 0, borderWidth: 1.5, yAxisID: axis })) },
    options: { animation: false, maintainAspectRatio: false, scales, plugins: { legend: { position: 'bottom' } } },
  });
}

/** The summary cells by data-testid, from session_ended's (or the stored session's) frame count and summary. */
export function summaryCells(frames, summary) {
  return {
    'summary-frames': String(frames),
    'summary-duration': `${num((summary.duration_ms || 0) / 1000, 1)} s`,
    'summary-rate': `${num(summary.frame_rate_hz, 2)} Hz`,
    'summary-peak': summary.peak_frame ? `${num(summary.peak_pressure)} (frame ${summary.peak_frame})`
      : num(summary.peak_pressure),
    'summary-mean': num(summary.mean_pressure, 2),
    'summary-contact': `${num(summary.mean_contact_area, 1)} cells`,
  };
}

/** One entry of the stored workouts: a button (click, Enter or Space) that chooses it. */
export function storedItem(session, current, choose) {
  const li = document.createElement('li');
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'secondary';
  button.dataset.testid = 'stored-workout';
  button.dataset.workoutId = session.workout_id;
  const when = session.updated_at ? ` · ${new Date(session.updated_at).toLocaleString()}` : '';
  button.textContent = `${session.workout_id} · ${session.status} · ${session.frame_count} frames${when}`;
  if (current) button.setAttribute('aria-current', 'true');
  button.addEventListener('click', choose);
  li.append(button);
  return li;
}

/** The device's counters and its three state lines by data-testid (see pressure-device.js for what they count). */
export function deviceCells(device, running) {
  const c = device.counters;
  const unanswered = device.inFlight.size + device.outbox.length;
  const waiting = device.waiting.size;
  return {
    'count-sent': c.sent,
    'count-inflight': device.inFlight.size,
    'count-acked': c.acked,
    'count-persisted': c.persisted,
    'count-waiting': waiting,
    'count-refused': c.refused,
    'count-queued': device.outbox.length,
    'count-resent': c.resent,
    'count-recovered': c.recovered,
    'last-frame': c.lastFrame,
    'device-state': `${running ? 'running' : 'stopped'}${device.ready ? '' : ' · not joined to the session'}`
      + (c.skipped ? ` · ${c.skipped} frames skipped (outbox full)` : ''),
    'ack-state': device.lastError || (c.sent === 0 ? 'nothing sent yet' : unanswered === 0
      ? `all ${c.acked} frames acknowledged` : `${unanswered} frames awaiting acknowledgement`),
    'persist-state': c.acked === 0 ? 'nothing acknowledged yet' : waiting === 0
      ? `all ${c.acked} acknowledged frames stored` : `${waiting} acknowledged frames waiting for the store`,
  };
}
