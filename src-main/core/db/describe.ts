/** Sizes and times as the app's messages show them (en-GB, UK time: a bureau reads them, not a program). */

export function describeBytes(n: number): string {
  if (n < 1024) return `${n.toLocaleString('en-GB')} ${n === 1 ? 'byte' : 'bytes'}`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let v = n / 1024;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u += 1;
  }
  return `${v >= 100 ? Math.round(v) : v.toFixed(1)} ${units[u]}`;
}

const WHEN = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

/** "2 Nov 2026, 09:00" in UK time. */
export function describeWhen(iso: string): string {
  return WHEN.format(new Date(iso));
}
