// The dashboard page's session: {token, user, expires_at (ms), source: 'dev' | 'token'} kept in
// sessionStorage.dashboard_session, the dev login (GET /api/v1/dev/login says whether it works, POST gets a token),
// and the renewal of a dev-login token before it expires.

const SESSION_KEY = 'dashboard_session';
const DEV_LOGIN = '/api/v1/dev/login';
const RENEW_BEFORE_MS = 60000;
const MIN_RENEW_GAP_MS = 10000;

/** The stored session, {expired: true} for one past its expiry (then forgotten), or null. */
export function loadSession() {
  try {
    const session = JSON.parse(sessionStorage.getItem(SESSION_KEY));
    const expired = typeof session?.expires_at === 'number' && session.expires_at <= Date.now();
    if (session && typeof session.token === 'string' && !expired) return session;
    if (session) {
      sessionStorage.removeItem(SESSION_KEY);
      return { expired: true };
    }
  } catch {
    sessionStorage.removeItem(SESSION_KEY); // Not JSON: nothing usable is stored.
  }
  return null;
}

export function saveSession(session) {
  sessionStorage.setItem(SESSION_KEY, JSON.stringify(session));
}

export function forgetSession() {
  sessionStorage.removeItem(SESSION_KEY);
}

/** GET /api/v1/dev/login: {enabled, expires_in_s?}; {enabled: false} when it cannot be asked. */
export async function devLoginStatus() {
  try {
    const response = await fetch(DEV_LOGIN, { cache: 'no-store' });
    const body = await response.json();
    return response.ok && body.enabled === true ? body : { enabled: false };
  } catch {
    return { enabled: false };
  }
}

/** A dev-login session for user; rejects with the server's error {code, message}. */
export async function devLogin(user) {
  const response = await fetch(DEV_LOGIN, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ user }),
  });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw body.error || { code: `http_${response.status}`, message: 'dev login failed' };
  return { token: body.token, user, expires_at: Date.now() + body.expires_in_s * 1000, source: 'dev' };
}

/**
 * Renews a dev-login session's token a minute before it expires, or when the server sends `expiring`: a new token
 * from the dev login, handed to the live connection with refresh_token. Never within 10 s of the last token (a
 * token's exp counts whole seconds: a new one must expire later), so a server that announces expiry early cannot
 * make it loop.
 */
export class Renewal {
  /**
   * @param connection the page's Connection
   * @param current () => the session now (null when signed out)
   * @param renewed (session, ack or null) => after the session got a new token
   * @param failed (error) => when a renewal failed (the current token stays in use until it expires)
   */
  constructor(connection, current, renewed, failed) {
    Object.assign(this, { connection, current, renewed, failed, timer: null, running: false, last: 0 });
  }

  /** A new session got its token now: the next renewal is due a minute before it expires. */
  start() {
    this.last = Date.now();
    this.schedule();
  }

  schedule() {
    clearTimeout(this.timer);
    const session = this.current();
    if (!session || session.source !== 'dev' || !session.expires_at) return;
    const due = Math.max(session.expires_at - RENEW_BEFORE_MS, this.last + MIN_RENEW_GAP_MS);
    this.timer = setTimeout(() => this.renew(), Math.max(1000, due - Date.now()));
  }

  cancel() {
    clearTimeout(this.timer);
  }

  async renew() {
    const session = this.current();
    if (!session || session.source !== 'dev' || this.running) return;
    const wait = this.last + MIN_RENEW_GAP_MS - Date.now();
    if (wait > 0) {
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.renew(), wait);
      return;
    }
    Object.assign(this, { running: true, last: Date.now() });
    try {
      const fresh = await devLogin(session.user);
      if (session !== this.current()) return;
      Object.assign(session, { token: fresh.token, expires_at: fresh.expires_at });
      saveSession(session);
      const ack = this.connection.active
        ? await this.connection.request('refresh_token', { token: fresh.token }) : null;
      if (session === this.current()) this.renewed(session, ack);
    } catch (error) {
      if (error.code !== 'disconnected') this.failed(error);
    } finally {
      this.running = false;
      this.schedule();
    }
  }
}
