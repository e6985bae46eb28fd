/**
 * Calendar dates as payroll means them: a day, not an instant. A datetime from an HR system is read at the
 * calendar date it was written with (Personio sends `1990-01-01T00:00:00+01:00` for 1 January); converting it
 * to UTC first would move birthdays to the day before.
 */

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

const ISO_DATE = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/;
const ISO_DATETIME = /^(\d{4})-(\d{2})-(\d{2})[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const UK_DATE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
// "25 May 2023", "Thu, 25 May 2023", "1 Jan 1990": the display form some HR endpoints use.
const WORDED_DATE = /^(?:[a-z]{3,9},?\s+)?(\d{1,2})\s+([a-z]{3,9})\.?\s+(\d{4})$/i;

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  return m === 2 ? (isLeapYear(y) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;
}

function toIso(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  // Padded by hand: this runs for every date of every person, and padStart needs a string per part.
  const year = y >= 1000 ? String(y) : String(y).padStart(4, '0');
  return `${year}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

function monthNumber(word: string): number | null {
  const w = word.toLowerCase();
  const i = MONTHS.findIndex((name) => name === w || (w.length >= 3 && name.startsWith(w)));
  return i < 0 ? null : i + 1;
}

/**
 * The calendar date an HR value names, as `YYYY-MM-DD`, or null when it is not a real date
 * (wrong shape, or an impossible day such as 31/02). Slashed dates with the year last are UK order (dd/mm/yyyy).
 */
export function parseCalendarDate(raw: string): string | null {
  const s = raw.trim();
  let m = ISO_DATE.exec(s) ?? ISO_DATETIME.exec(s);
  if (m) return toIso(Number(m[1]), Number(m[2]), Number(m[3]));
  m = UK_DATE.exec(s);
  if (m) return toIso(Number(m[3]), Number(m[2]), Number(m[1]));
  m = WORDED_DATE.exec(s);
  if (m) {
    const month = monthNumber(m[2] ?? '');
    return month === null ? null : toIso(Number(m[3]), month, Number(m[1]));
  }
  return null;
}

/** The same calendar day `years` earlier; 29 February falls back to 28 February in a common year. */
export function yearsBefore(isoDate: string, years: number): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const year = y - years;
  return toIso(year, m, Math.min(d, daysInMonth(year, m))) ?? isoDate;
}

/** "1 January 1900": how a clerk reads a date in a message. */
export function formatUkDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const month = MONTHS[m - 1] ?? '';
  return `${d} ${month.charAt(0).toUpperCase()}${month.slice(1)} ${y}`;
}
