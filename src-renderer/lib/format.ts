/** UK formatting helpers. Pure functions; times are shown in the user's local time zone. */

const pad = (n: number): string => String(n).padStart(2, '0');

function toDate(value: string | Date): Date | null {
  const d = value instanceof Date ? value : new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** 31/01/2026 */
export function formatDate(value: string | Date): string {
  // A bare ISO date (yyyy-mm-dd) is a calendar date: never shift it through a time zone.
  if (typeof value === 'string') {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    if (m) return `${m[3]}/${m[2]}/${m[1]}`;
  }
  const d = toDate(value);
  if (!d) return String(value);
  return `${pad(d.getDate())}/${pad(d.getMonth() + 1)}/${d.getFullYear()}`;
}

/** 31/01/2026 14:05 */
export function formatDateTime(value: string | Date): string {
  const d = toDate(value);
  if (!d) return String(value);
  return `${formatDate(d)} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** 31/01/2026 14:05:09 — for tooltips where seconds matter (a sync a moment ago). */
export function formatDateTimeSeconds(value: string | Date): string {
  const d = toDate(value);
  if (!d) return String(value);
  return `${formatDateTime(d)}:${pad(d.getSeconds())}`;
}

/** "just now", "5 minutes ago", "in 2 hours", "yesterday at 14:05", or the date. */
export function formatRelative(value: string | Date, now: number = Date.now()): string {
  const d = toDate(value);
  if (!d) return String(value);
  const diff = d.getTime() - now;
  const abs = Math.abs(diff);
  const future = diff > 0;
  const minute = 60_000;
  const hour = 60 * minute;
  const day = 24 * hour;
  const say = (n: number, unit: string) => {
    const text = `${n} ${unit}${n === 1 ? '' : 's'}`;
    return future ? `in ${text}` : `${text} ago`;
  };
  if (abs < 45_000) return future ? 'in a moment' : 'just now';
  const mins = Math.max(1, Math.round(abs / minute));
  if (mins < 60) return say(mins, 'minute');
  const hours = Math.round(abs / hour);
  if (hours < 24) return say(hours, 'hour');
  const time = `${pad(d.getHours())}:${pad(d.getMinutes())}`;
  if (abs < 2 * day) return future ? `tomorrow at ${time}` : `yesterday at ${time}`;
  if (abs < 7 * day) return say(Math.round(abs / day), 'day');
  return formatDate(d);
}

/** "2.4 s", "1 min 05 s", "1 h 02 min" */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '–';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const s = ms / 1000;
  if (s < 60) return `${s.toFixed(1)} s`;
  const mins = Math.floor(s / 60);
  if (mins < 60) return `${mins} min ${pad(Math.round(s % 60))} s`;
  return `${Math.floor(mins / 60)} h ${pad(mins % 60)} min`;
}

const gbp = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP' });

/** £32,500.00; other currencies use their own symbol. */
export function formatMoney(amount: number, currency = 'GBP'): string {
  if (currency === 'GBP') return gbp.format(amount);
  try {
    return new Intl.NumberFormat('en-GB', { style: 'currency', currency }).format(amount);
  } catch {
    return `${amount.toFixed(2)} ${currency}`;
  }
}

const int = new Intl.NumberFormat('en-GB');

/** 50,000 */
export function formatCount(n: number): string {
  return int.format(n);
}

/** "1 employee", "3 employees" */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

/** "812 bytes", "4.1 KB", "57.8 MB" (1 KB = 1,024 bytes, as file managers show them). */
export function formatBytes(n: number): string {
  if (n < 1024) return `${formatCount(n)} ${n === 1 ? 'byte' : 'bytes'}`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let v = n / 1024;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u += 1;
  }
  return `${v >= 100 ? Math.round(v) : v.toFixed(1)} ${units[u]}`;
}
