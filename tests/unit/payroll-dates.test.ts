import { describe, expect, it } from 'vitest';
import { formatUkDate, parseCalendarDate, yearsBefore } from '../../src-main/core/payroll/dates';
import { NORMALISERS } from '../../src-main/core/payroll/normalise';

describe('calendar dates are read as the HR system wrote them', () => {
  it.each([
    ['1990-01-01', '1990-01-01'],
    ['1990/01/02', '1990-01-02'], // PeopleHR query results
    ['1990-01-01T00:00:00+01:00', '1990-01-01'], // Personio: midnight in Berlin is still 1 January
    ['2014-11-09T00:00:00+0100', '2014-11-09'],
    ['1990-01-01T23:30:00-05:00', '1990-01-01'], // would be 2 January in UTC
    ['1990-01-01T00:00:00Z', '1990-01-01'],
    ['1990-01-01T00:00:00.000Z', '1990-01-01'],
    ['1990-01-01T00:00:00', '1990-01-01'],
    ['31/01/1990', '1990-01-31'], // UK order: day first
    ['01/02/1990', '1990-02-01'],
    ['1/2/1990', '1990-02-01'],
    ['05.04.2024', '2024-04-05'],
    ['29/02/2024', '2024-02-29'],
    ['29/02/2000', '2000-02-29'],
    ['25 May 2023', '2023-05-25'],
    ['Thu, 25 May 2023', '2023-05-25'],
    [' 2024-04-06 ', '2024-04-06'],
  ])('%j is %s', (raw, expected) => {
    expect(parseCalendarDate(raw)).toBe(expected);
  });

  it.each([
    '31/02/1990', // no 31 February
    '1990-02-30',
    '29/02/2023', // not a leap year
    '29/02/1900', // 1900 was not a leap year
    '31/04/2024',
    '1990-13-01',
    '13/13/1990',
    '00/01/1990',
    '1990-01-00',
    '01/31/1990', // US order is not a UK date
    'yesterday',
    '1990',
    '32 Jan 1990',
  ])('rejects the impossible or unreadable %j', (raw) => {
    expect(parseCalendarDate(raw)).toBeNull();
  });

  it('does not depend on the machine time zone', () => {
    const before = process.env.TZ;
    process.env.TZ = 'America/Los_Angeles'; // a local-time reading would give 31 December
    try {
      expect(parseCalendarDate('1990-01-01T00:00:00+01:00')).toBe('1990-01-01');
    } finally {
      if (before === undefined) delete process.env.TZ;
      else process.env.TZ = before;
    }
  });
});

describe('date helpers', () => {
  it.each([
    ['2026-11-01', 13, '2013-11-01'],
    ['2028-02-29', 13, '2015-02-28'], // no 29 February in 2015
    ['2028-02-29', 4, '2024-02-29'],
  ])('%s minus %i years is %s', (today, years, expected) => {
    expect(yearsBefore(today, years)).toBe(expected);
  });

  it('formats dates the way a UK clerk reads them', () => {
    expect(formatUkDate('1900-01-01')).toBe('1 January 1900');
    expect(formatUkDate('2013-11-30')).toBe('30 November 2013');
  });
});

describe('date of birth is between 1900-01-01 and 13 years before today', () => {
  const dob = (raw: string, today = '2026-11-01') => {
    const out = NORMALISERS.dateOfBirth(raw, { today, country: null });
    return out.ok ? out.value : out.expected;
  };

  it.each([
    ['1900-01-01', '1900-01-01'],
    ['2013-11-01', '2013-11-01'], // exactly 13 today
    ['1986-12-23', '1986-12-23'],
    ['23/12/1986', '1986-12-23'],
  ])('accepts %s', (raw, expected) => {
    expect(dob(raw)).toBe(expected);
  });

  it.each(['1899-12-31', '2013-11-02', '2026-01-01', '2030-01-01'])('rejects %s and says the allowed range', (raw) => {
    expect(dob(raw)).toBe('between 1 January 1900 and 1 November 2013 (at least 13 years before today)');
  });

  it('moves with today', () => {
    expect(dob('2013-11-02', '2026-11-02')).toBe('2013-11-02');
  });

  it('rejects an impossible date of birth', () => {
    expect(dob('31/02/1990')).toMatch(/a real date/);
  });

  it.each(['startDate', 'leaveDate'] as const)('%s accepts any real date, also in the future', (field) => {
    expect(NORMALISERS[field]('2030-01-31T00:00:00+00:00', { today: '2026-11-01', country: null })).toEqual({
      ok: true,
      value: '2030-01-31',
    });
    expect(NORMALISERS[field]('30/02/2024', { today: '2026-11-01', country: null }).ok).toBe(false);
  });
});
