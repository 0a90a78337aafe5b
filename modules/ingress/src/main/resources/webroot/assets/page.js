// What the pages share: elements by data-testid, visitor ids kept in localStorage, stream announcement names.

/** The stream announcements and how a page shows them. */
export const STATES = {
  stream_started: 'started',
  joined_existing_stream: 'joined existing',
  stream_resumed: 'resumed',
  stream_gone: 'gone',
};

/** The element with this data-testid. */
export const $ = (id) => document.querySelector(`[data-testid="${id}"]`);

/** A new visitor id: crypto.randomUUID(), or 32 random hex digits where the browser lacks it (plain HTTP). */
export function newVisitorId() {
  if (crypto.randomUUID) return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The visitor id stored under key, or null when none (or an invalid one) is stored. */
export function storedVisitorId(key) {
  const id = localStorage.getItem(key);
  return id && /^[A-Za-z0-9_-]{1,64}$/.test(id) ? id : null;
}
