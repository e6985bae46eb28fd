import { describe, expect, it } from 'vitest';
import {
  formatCount,
  formatDate,
  formatDateTime,
  formatDuration,
  formatMoney,
  formatRelative,
  plural,
} from '../../src-renderer/lib/format';

// The renderer shows local time; these run with TZ=Europe/London semantics only where a clock time shows.
const at = (y: number, m: number, d: number, h = 0, min = 0, s = 0) => new Date(y, m - 1, d, h, min, s);

describe('dates (dd/mm/yyyy)', () => {
  it('formats a calendar date without shifting it through a time zone', () => {
    expect(formatDate('2026-01-31')).toBe('31/01/2026');
    expect(formatDate('2026-12-01')).toBe('01/12/2026');
  });
  it('formats instants in local time, day first', () => {
    expect(formatDate(at(2026, 3, 5, 9, 7))).toBe('05/03/2026');
    expect(formatDateTime(at(2026, 3, 5, 9, 7))).toBe('05/03/2026 09:07');
  });
  it('returns what it cannot read unchanged', () => {
    expect(formatDate('not a date')).toBe('not a date');
    expect(formatDateTime('soon')).toBe('soon');
  });
});

describe('money (£)', () => {
  it('formats pounds with a thousands separator and pence', () => {
    expect(formatMoney(32500)).toBe('£32,500.00');
    expect(formatMoney(0.5)).toBe('£0.50');
  });
  it('uses other currencies’ own symbols and survives unknown codes', () => {
    expect(formatMoney(1000, 'EUR')).toBe('€1,000.00');
    expect(formatMoney(12, 'XXXX')).toBe('12.00 XXXX');
  });
});

describe('counts', () => {
  it('groups thousands the UK way and pluralises', () => {
    expect(formatCount(50000)).toBe('50,000');
    expect(plural(1, 'employee')).toBe('1 employee');
    expect(plural(50000, 'employee')).toBe('50,000 employees');
    expect(plural(2, 'company was', 'companies were')).toBe('2 companies were');
  });
});

describe('relative times', () => {
  const now = at(2026, 6, 10, 14, 0).getTime();
  const ago = (ms: number) => new Date(now - ms);
  it('says just now for the last 45 seconds, and in a moment for the next', () => {
    expect(formatRelative(ago(10_000), now)).toBe('just now');
    expect(formatRelative(new Date(now + 10_000), now)).toBe('in a moment');
  });
  it('counts minutes, hours and days, singular and plural', () => {
    expect(formatRelative(ago(60_000), now)).toBe('1 minute ago');
    expect(formatRelative(ago(5 * 60_000), now)).toBe('5 minutes ago');
    expect(formatRelative(new Date(now + 2 * 3_600_000), now)).toBe('in 2 hours');
    expect(formatRelative(ago(3 * 86_400_000), now)).toBe('3 days ago');
  });
  it('says yesterday / tomorrow with the time', () => {
    expect(formatRelative(at(2026, 6, 9, 13, 5), now)).toBe('yesterday at 13:05');
    expect(formatRelative(at(2026, 6, 11, 16, 30), now)).toBe('tomorrow at 16:30');
  });
  it('falls back to the date after a week', () => {
    expect(formatRelative(at(2026, 5, 1, 8, 0), now)).toBe('01/05/2026');
  });
});

describe('durations', () => {
  it('reads naturally at every scale', () => {
    expect(formatDuration(450)).toBe('450 ms');
    expect(formatDuration(2400)).toBe('2.4 s');
    expect(formatDuration(65_000)).toBe('1 min 05 s');
    expect(formatDuration(3_720_000)).toBe('1 h 02 min');
    expect(formatDuration(-1)).toBe('–');
  });
});
