// What the pages share: elements by data-testid, message lines, random ids, visitor ids kept in localStorage, stream
// announcement names.

/** The stream announcements and how a page shows them. */
export const STATES = {
  stream_started: 'started',
  joined_existing_stream: 'joined existing',
  stream_resumed: 'resumed',
  stream_gone: 'gone',
};

/** The element with this data-testid. */
export const $ = (id) => document.querySelector(`[data-testid="${id}"]`);

/** Shows text in the element (a message or error line), hiding it when there is none. */
export function showMessage(id, text) {
  $(id).textContent = text || '';
  $(id).hidden = !text;
}

/** GET url as JSON; a failed answer rejects with an Error carrying the API's error message and the HTTP `status`. */
export async function getJson(url) {
  const response = await fetch(url, { cache: 'no-store' });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw Object.assign(new Error(body.error ? body.error.message : `HTTP ${response.status}`), { status: response.status });
  return body;
}

/** `bytes` random bytes as hex digits. */
export function randomHex(bytes) {
  return Array.from(crypto.getRandomValues(new Uint8Array(bytes)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** A new visitor id: crypto.randomUUID(), or 32 random hex digits where the browser lacks it (plain HTTP). */
export function newVisitorId() {
  return crypto.randomUUID ? crypto.randomUUID() : randomHex(16);
}

/** The visitor id stored under key, or null when none (or an invalid one) is stored. */
export function storedVisitorId(key) {
  const id = localStorage.getItem(key);
  return id && /^[A-Za-z0-9_-]{1,64}$/.test(id) ? id : null;
}
