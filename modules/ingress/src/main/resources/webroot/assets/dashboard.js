// The dashboard page: sign in (dev login or a pasted token), then the user's DashboardData live over the connection
// (auth first after every (re)open, then the filter and date range again), with GET /api/live-data every 5 s while
// the page is on the polling fallback or offline. The session (token, user, expiry) is kept in
// sessionStorage.dashboard_session; a dev-login token is renewed before it expires.

import { Connection } from './connection.js';
import { $, showMessage } from './page.js';
import * as view from './dashboard-view.js';
import { ReplayControl } from './dashboard-stream.js';
import { Renewal, devLogin, devLoginStatus, forgetSession, loadSession, saveSession } from './dashboard-session.js';

const LIVE_DATA = '/api/live-data';
const REST_POLL_MS = 5000;
const LIVE_ROWS = 20;
const LIVE_KEPT = 100;
const LIVE_ALERTS = 10;
const SESSION_ENDING = new Set(['unauthorized', 'token_expired']);

const state = {
  session: null, // {token, user, expires_at (ms), source: 'dev' | 'token'}
  confirmed: false,
  filter: {},
  range: {},
  predictions: [],
  liveAlerts: [],
  currentAlerts: [],
  restTimer: null,
};

const connection = new Connection($('badge'));
const replay = new ReplayControl(connection, (text) => showError(text));
const renewal = new Renewal(connection, () => state.session, (session, ack) => {
  confirm(ack?.user_id ?? session.user, ack?.exp ? ack.exp * 1000 : session.expires_at);
  $('token-notice').textContent = `Token renewed; it now expires ${view.formatDateTime(session.expires_at)}.`;
}, (error) => showError(`Could not renew the token: ${view.errorText(error)}`));
const cards = new Map();
const chart = new window.Chart(document.getElementById('risk-chart'), {
  type: 'bar',
  data: {
    labels: view.RISK_BANDS.map((band) => band.label),
    datasets: [{ label: 'Predictions', data: [0, 0, 0], backgroundColor: view.RISK_BANDS.map((band) => band.colour) }],
  },
  options: {
    animation: false,
    maintainAspectRatio: false,
    scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
    plugins: { legend: { display: false } },
  },
});

const showError = (text) => showMessage('error', text);
const showSignInError = (text) => showMessage('signin-error', text);

function setBusy(busy) {
  ['dev-login', 'token-login'].forEach((id) => { $(id).disabled = busy; });
  $('signin-status').textContent = busy ? 'Signing in…' : '';
}

/** Shows the dev login form only where GET /api/v1/dev/login says it works. */
async function checkDevLogin() {
  const status = await devLoginStatus();
  $('dev-login-form').hidden = !status.enabled;
  $('dev-login-form').dataset.enabled = String(status.enabled);
  if (status.expires_in_s) $('dev-login-ttl').textContent = `${Math.round(status.expires_in_s / 60)} minutes`;
}

function begin(session) {
  state.session = session;
  state.confirmed = false;
  showSignInError('');
  setBusy(true);
  connection.stop();
  connection.start();
  renewal.start();
}

/** The server accepted the token (an auth ack, or a REST answer): show the dashboard. */
function confirm(user, expiresAt) {
  const session = state.session;
  Object.assign(session, { user, expires_at: expiresAt || session.expires_at });
  saveSession(session);
  $('user').textContent = user;
  $('expires').textContent = session.expires_at ? view.formatDateTime(session.expires_at) : 'unknown';
  if (state.confirmed) return;
  state.confirmed = true;
  setBusy(false);
  $('signin').hidden = true;
  $('dashboard').hidden = false;
  $('notice').textContent = `Signed in as ${user}.`;
  renewal.schedule();
}

function signOut(error) {
  renewal.cancel();
  clearInterval(state.restTimer);
  const source = state.session?.source;
  Object.assign(state, { session: null, confirmed: false, restTimer: null, filter: {}, range: {}, predictions: [],
    liveAlerts: [], currentAlerts: [] });
  forgetSession();
  connection.stop();
  replay.reset();
  document.querySelectorAll('fieldset input[type=checkbox]').forEach((box) => { box.checked = true; });
  ['range-from', 'range-to'].forEach((id) => { $(id).value = ''; });
  $('range-status').textContent = view.describeRange({});
  render(null);
  renderAlerts();
  renderPredictions();
  showError('');
  ['notice', 'token-notice', 'last-update', 'user', 'expires'].forEach((id) => { $(id).textContent = ''; });
  $('dashboard').hidden = true;
  $('signin').hidden = false;
  setBusy(false);
  showSignInError(error);
  const devForm = !$('dev-login-form').hidden && source !== 'token';
  (devForm ? $('dev-user') : $('token-input')).focus();
}

function userAction(action, data) {
  return connection.request('user_action', { action, data, timestamp: new Date().toISOString() });
}

/** After every (re)open: auth first, then the view as this page has it, then the data. */
connection.on('open', async () => {
  const session = state.session;
  if (!session) return;
  try {
    const ack = await connection.request('auth', { token: session.token });
    if (session !== state.session) return;
    confirm(ack.user_id, ack.exp ? ack.exp * 1000 : null);
    await userAction('filter', state.filter);
    await userAction('date_range', state.range);
    await connection.request('request_dashboard_data', {});
    replay.reopened();
  } catch (error) {
    if (session !== state.session || error.code === 'disconnected') return;
    if (SESSION_ENDING.has(error.code)) signOut(view.errorText(error));
    else showError(view.errorText(error));
  }
});

/** Shows one DashboardData (source 'live' or 'rest'); null empties the view (signed out). */
function render(data, source) {
  if (data && (!state.session || (state.confirmed && data.user_id !== state.session.user))) return;
  if (data && !state.confirmed) confirm(data.user_id, view.tokenClaims(state.session.token)?.expMs);
  view.METRICS.forEach((metric) => view.updateCard(cards.get(metric.key), metric, data?.metrics, data?.trends));
  const bands = view.RISK_BANDS.map((band) => Number(data?.metrics?.[band.metric] ?? 0));
  chart.data.datasets[0].data = bands;
  chart.update('none');
  chart.canvas.setAttribute('aria-label', `Predictions by risk band: ${view.RISK_BANDS
    .map((band, i) => `${band.label.toLowerCase()} ${bands[i]}`).join(', ')}`);
  state.currentAlerts = data?.alerts || [];
  renderAlerts();
  const activity = (data?.recent_activity || []).map(view.activityItem);
  $('activity').replaceChildren(...activity);
  $('no-activity').hidden = activity.length > 0;
  if (!data) return;
  const updated = $('last-update');
  updated.textContent = `${view.formatTime(data.timestamp)} (${source === 'rest' ? 'REST' : 'live'})`;
  updated.setAttribute('datetime', data.timestamp);
  updated.dataset.source = source;
}

function renderAlerts() {
  const items = [...state.liveAlerts.map((alert) => view.alertItem(alert, true)),
    ...state.currentAlerts.map((alert) => view.alertItem(alert, false))];
  $('alerts').replaceChildren(...items);
  $('no-alerts').hidden = items.length > 0;
}

function renderPredictions() {
  const risks = state.filter.risk_levels;
  const shown = state.predictions.filter((p) => !risks || risks.length === 0 || risks.includes(p.risk))
    .slice(0, LIVE_ROWS);
  $('live-predictions').replaceChildren(...shown.map(view.predictionRow));
  $('no-predictions').hidden = state.predictions.length > 0;
}

connection.on('dashboard_update', (data) => render(data, 'live'));
connection.on('new_prediction', (prediction) => {
  if (!state.session || prediction.user_id !== state.session.user) return;
  state.predictions.unshift({ ...prediction, risk: prediction.risk || view.riskOf(prediction.score ?? 0) });
  state.predictions.length = Math.min(state.predictions.length, LIVE_KEPT);
  renderPredictions();
});
connection.on('system_alert', (alert) => {
  state.liveAlerts.unshift(alert);
  state.liveAlerts.length = Math.min(state.liveAlerts.length, LIVE_ALERTS);
  renderAlerts();
});
connection.on('dashboard_export', (exported) => view.download(
  view.exportFileName(state.session?.user ?? 'user', exported.format), exported.body, exported.content_type));
connection.on('expiring', (data) => {
  if (state.session?.source === 'dev') renewal.renew();
  else if (state.session) {
    $('token-notice').textContent = `Your token expires in ${data.in_s} s: sign out and paste a new one.`;
  }
});
connection.on('error', (error) => {
  if (state.session && SESSION_ENDING.has(error.code)) signOut(view.errorText(error));
});
connection.on('status', (status) => {
  const rest = state.session && !connection.stopped && (status === 'polling' || status === 'offline');
  if (rest && !state.restTimer) {
    fetchLiveData();
    state.restTimer = setInterval(fetchLiveData, REST_POLL_MS);
  } else if (!rest && state.restTimer) {
    clearInterval(state.restTimer);
    state.restTimer = null;
  }
});

/** The REST fallback: GET /api/live-data with the bearer token. */
async function fetchLiveData() {
  const session = state.session;
  if (!session) return;
  let response;
  try {
    response = await fetch(LIVE_DATA, { headers: { authorization: `Bearer ${session.token}` }, cache: 'no-store' });
  } catch {
    return; // The network is down: the badge says so, and the next poll tries again.
  }
  const body = await response.json().catch(() => ({}));
  if (session !== state.session) return;
  if (response.status === 401) signOut(`unauthorized: ${body.error || 'the token was refused'}`);
  else if (!response.ok || !body.success) showError(`The dashboard is unavailable: ${body.error || response.status}`);
  else render(body.data, 'rest');
}

function send(action, data) {
  showError('');
  if (!connection.active) {
    showError(action === 'export' ? 'Export needs a connection: try again once the badge reads Live or Polling.'
      : 'Not connected: the view applies as soon as the connection is back.');
    return;
  }
  userAction(action, data).catch((error) => showError(view.errorText(error)));
}

const ticked = (name) => [...document.querySelectorAll(`input[name=${name}]:checked`)].map((box) => box.value);

document.querySelectorAll('fieldset input[type=checkbox]').forEach((box) => box.addEventListener('change', () => {
  state.filter = view.filterData(ticked('risk'), ticked('type'));
  renderPredictions();
  send('filter', state.filter);
}));
$('range-apply').addEventListener('click', () => {
  const range = view.rangeData($('range-from').value, $('range-to').value);
  if (range.error) {
    showError(`Date range: ${range.error}`);
    return;
  }
  state.range = range.data;
  $('range-status').textContent = view.describeRange(range.data);
  send('date_range', range.data);
});
$('range-clear').addEventListener('click', () => {
  ['range-from', 'range-to'].forEach((id) => { $(id).value = ''; });
  state.range = {};
  $('range-status').textContent = view.describeRange({});
  send('date_range', {});
});
$('refresh').addEventListener('click', () => (connection.active ? send('refresh', {}) : fetchLiveData()));
['csv', 'json'].forEach((format) => $(`export-${format}`).addEventListener('click', () => send('export', { format })));
$('sign-out').addEventListener('click', () => signOut(''));

$('dev-login-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  setBusy(true);
  try {
    begin(await devLogin($('dev-user').value.trim()));
  } catch (error) {
    setBusy(false);
    showSignInError(`Dev login refused: ${view.errorText(error)}`);
    $('dev-user').focus();
  }
});
$('token-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const token = $('token-input').value.trim();
  const claims = view.tokenClaims(token);
  begin({ token, user: claims?.sub ?? null, expires_at: claims?.expMs ?? null, source: 'token' });
});

view.METRICS.forEach((metric) => {
  const card = view.metricCard(metric);
  cards.set(metric.key, card);
  $('metrics').append(card);
});
checkDevLogin();
const stored = loadSession();
if (stored?.expired) showSignInError('Your session has expired: sign in again.');
else if (stored) begin(stored);
