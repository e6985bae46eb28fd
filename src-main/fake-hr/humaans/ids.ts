/** Humaans-style ids and calendar-date arithmetic for the fake's data. */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A Humaans-style opaque 24-character id, stable for (kind, n). */
export function humaansId(kind: string, n: number): string {
  let x = 2166136261;
  for (const ch of `${kind}:${n}`) x = Math.imul(x ^ ch.charCodeAt(0), 16777619) >>> 0;
  let out = '';
  for (let i = 0; i < 24; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    out += ALPHABET[x % 62];
  }
  return out;
}

export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d! + days)).toISOString().slice(0, 10);
}
