// The dashboard page's rendering and formatting: pure functions from DashboardData (and the live events) to text
// and elements. No state, no network; dashboard.js wires them to the connection.

/** The twelve metrics of DashboardData, in card order: label, number format, and whether `trends` has the metric. */
export const METRICS = [
  { key: 'total_predictions', label: 'Total predictions', kind: 'count', trend: true },
  { key: 'avg_score', label: 'Average score', kind: 'score', trend: true },
  { key: 'high_risk', label: 'High risk', kind: 'count', trend: true },
  { key: 'medium_risk', label: 'Medium risk', kind: 'count', trend: true },
  { key: 'low_risk', label: 'Low risk', kind: 'count', trend: true },
  { key: 'fraud_flagged', label: 'Fraud flagged', kind: 'count', trend: true },
  { key: 'active_streams', label: 'Active streams', kind: 'count', trend: false },
  { key: 'workouts_total', label: 'Workouts', kind: 'count', trend: false },
  { key: 'workouts_active', label: 'Active workouts', kind: 'count', trend: false },
  { key: 'frames_today', label: 'Frames today', kind: 'count', trend: true },
  { key: 'avg_pressure_today', label: 'Average pressure today', kind: 'pressure', trend: true },
  { key: 'peak_pressure_today', label: 'Peak pressure today', kind: 'pressure', trend: true },
];

/** The risk bands, as the server names them, with the bar chart's colours. */
export const RISK_BANDS = [
  { key: 'high', metric: 'high_risk', label: 'High', colour: '#c62828' },
  { key: 'medium', metric: 'medium_risk', label: 'Medium', colour: '#b26a00' },
  { key: 'low', metric: 'low_risk', label: 'Low', colour: '#2e7d32' },
];

const TRENDS = {
  increasing: { symbol: '▲', text: 'increasing' },
  decreasing: { symbol: '▼', text: 'decreasing' },
  stable: { symbol: '▬', text: 'stable' },
};

const ACTIVITY_LABELS = { prediction: 'Prediction', workout_started: 'Workout started', workout_ended: 'Workout ended' };

/** A metric's value as the card shows it: counts whole, the score to 4 decimals, pressures to 2. */
export function formatMetric(kind, value) {
  const number = Number(value ?? 0);
  if (kind === 'score') return number.toFixed(4);
  if (kind === 'pressure') return number.toFixed(2);
  return Math.round(number).toLocaleString('en-US');
}

/** A time as the page shows it (local, hours to seconds); '–' for none. */
export function formatTime(value) {
  if (value === undefined || value === null) return '–';
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? String(value) : date.toLocaleTimeString('en-GB');
}

/** A date and time, local, for expiry and date-range texts. */
export function formatDateTime(value) {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? String(value)
    : date.toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'medium' });
}

function element(tag, props = {}, children = []) {
  const node = document.createElement(tag);
  Object.entries(props).forEach(([name, value]) => {
    if (name === 'text') node.textContent = value;
    else if (name === 'dataset') Object.assign(node.dataset, value);
    else node.setAttribute(name, value);
  });
  node.append(...children);
  return node;
}

/** An empty card for one metric: label, value and (for metrics with a trend) an arrow with its word for screen readers. */
export function metricCard(metric) {
  const value = element('span', { class: 'value', 'data-testid': `metric-${metric.key}`, text: '–' });
  const children = [element('span', { class: 'label', text: metric.label }), value];
  if (metric.trend) {
    children.push(element('span', { class: 'trend', 'data-testid': `trend-${metric.key}` }));
  }
  return element('li', { class: 'card', 'data-testid': `card-${metric.key}` }, children);
}

/** Fills a card from the metrics and trends of one DashboardData; no metrics empties it. */
export function updateCard(card, metric, metrics, trends) {
  const value = card.querySelector('.value');
  const trendNode = card.querySelector('.trend');
  if (!metrics) {
    value.textContent = '–';
    delete value.dataset.value;
    trendNode?.replaceChildren();
    return;
  }
  const raw = metrics[metric.key] ?? 0;
  value.textContent = formatMetric(metric.kind, raw);
  value.dataset.value = String(raw);
  if (!trendNode) return;
  const trend = TRENDS[trends?.[metric.key]] || TRENDS.stable;
  trendNode.dataset.trend = trend.text;
  trendNode.replaceChildren(element('span', { 'aria-hidden': 'true', text: trend.symbol }),
    element('span', { class: 'visually-hidden', text: `trend ${trend.text}` }),
    element('span', { class: 'trend-word', 'aria-hidden': 'true', text: trend.text }));
}

/** The risk band of a score, with the server's thresholds (high ≥ 0.8, medium ≥ 0.5). */
export function riskOf(score) {
  if (score >= 0.8) return 'high';
  return score >= 0.5 ? 'medium' : 'low';
}

/** A table row for a live `new_prediction`. */
export function predictionRow(prediction) {
  const risk = prediction.risk || riskOf(prediction.score ?? 0);
  const cells = [formatTime(prediction.timestamp), prediction.seq, (prediction.score ?? 0).toFixed(4), risk,
    prediction.is_fraud ? 'yes' : 'no'];
  return element('tr', { class: `risk-${risk}`, dataset: { seq: prediction.seq, risk, stream: prediction.stream_id } },
    cells.map((text) => element('td', { text: String(text) })));
}

/** A list item for one `recent_activity` entry. */
export function activityItem(item) {
  const parts = [formatTime(item.timestamp), ACTIVITY_LABELS[item.type] || item.type];
  if (item.type === 'prediction') {
    parts.push(`seq ${item.seq}`, `score ${Number(item.score ?? 0).toFixed(4)} (${item.risk})`);
    if (item.is_fraud) parts.push('fraud');
  } else {
    parts.push(item.ref);
    if (item.frame_count !== undefined) parts.push(`${item.frame_count} frames`);
  }
  const dataset = { type: item.type };
  if (item.risk) dataset.risk = item.risk;
  return element('li', { dataset, text: parts.join(' · ') });
}

/** A list item for an alert: a condition of `alerts`, or a live `system_alert` (which has a timestamp). */
export function alertItem(alert, live) {
  const tag = element('span', { class: `tag ${alert.type}`, text: alert.type });
  const when = live ? `${formatTime(alert.timestamp)} · ` : '';
  return element('li', { class: `alert ${alert.type}`, dataset: { code: alert.code, type: alert.type,
    source: live ? 'live' : 'current' } }, [tag, ` ${when}${alert.message}`]);
}

/** The filter of `user_action filter`: each group as ticked; all ticked means no filter on it (omitted). */
export function filterData(riskLevels, activityTypes) {
  const data = {};
  if (riskLevels.length !== RISK_BANDS.length) data.risk_levels = riskLevels;
  if (activityTypes.length !== Object.keys(ACTIVITY_LABELS).length) data.activity_types = activityTypes;
  return data;
}

/**
 * The data of `user_action date_range` from two datetime-local values (local time, either may be empty), or an
 * error text naming what is wrong.
 */
export function rangeData(fromValue, toValue) {
  const data = {};
  for (const [name, value] of [['from', fromValue], ['to', toValue]]) {
    if (!value) continue;
    const date = new Date(value);
    if (Number.isNaN(date.getTime())) return { error: `"${name}" is not a date and time` };
    data[name] = date.toISOString();
  }
  if (data.from && data.to && data.from >= data.to) return { error: '"from" must be before "to"' };
  return { data };
}

/** How a date range reads on the page. */
export function describeRange(data) {
  if (!data.from && !data.to) return 'All time';
  if (!data.to) return `From ${formatDateTime(data.from)}`;
  if (!data.from) return `Before ${formatDateTime(data.to)}`;
  return `${formatDateTime(data.from)} to ${formatDateTime(data.to)}`;
}

/** The file name of an export: dashboard-<user>-<UTC time>.<format>, with only file-name-safe characters. */
export function exportFileName(user, format, date = new Date()) {
  const safeUser = String(user).replace(/[^A-Za-z0-9._-]/g, '_');
  const time = date.toISOString().replace(/\.\d+Z$/, 'Z').replace(/[-:]/g, '');
  return `dashboard-${safeUser}-${time}.${format}`;
}

/** Lets the browser save text as a file (an export). */
export function download(fileName, body, contentType) {
  const url = URL.createObjectURL(new Blob([body], { type: contentType }));
  const link = element('a', { href: url, download: fileName });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}

/** The `sub` and `exp` (ms) a JWT's payload claims, read without verifying (the server verifies); null if unreadable. */
export function tokenClaims(token) {
  const parts = String(token).split('.');
  if (parts.length !== 3) return null;
  try {
    const json = atob(parts[1].replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(parts[1].length / 4) * 4, '='));
    const claims = JSON.parse(json);
    return { sub: typeof claims.sub === 'string' ? claims.sub : null, expMs: Number(claims.exp) * 1000 || null };
  } catch {
    return null;
  }
}

/** The text of a server error {code, message} (or a plain string) for the page. */
export function errorText(error) {
  if (!error) return 'unknown error';
  if (typeof error === 'string') return error;
  if (!error.code) return error.message || String(error);
  return error.message ? `${error.code}: ${error.message}` : String(error.code);
}
