import { describe, expect, it } from 'vitest';
import type { CompanySummary } from '../../src-main/contract/companies';
import { attention, countsAreOld } from '../../src-renderer/features/companies/attention';

const company = (over: Partial<CompanySummary>): CompanySummary => ({
  id: 'c',
  name: 'C',
  provider: 'personio',
  paused: false,
  reviewed: true,
  lastSuccessfulSyncAt: '2026-12-07T09:00:00Z',
  lastAttempt: { at: '2026-12-07T09:00:00Z', status: 'succeeded', error: null },
  nextSyncAt: null,
  counts: { ready: 10, pending: 0, leaver: 0, excluded: 0, missing: 0 },
  running: false,
  ...over,
});

describe('the home page says what needs attention today', () => {
  it('lists failed companies (credentials first) and totals Pending across companies', () => {
    const a = attention([
      company({ id: 'a', name: 'Alpha', lastAttempt: { at: '2026-12-07T10:00:00Z', status: 'failed', error: { code: 'HR_UNREACHABLE', message: 'down' } }, counts: { ready: 1, pending: 3, leaver: 0, excluded: 0, missing: 0 } }),
      company({ id: 'b', name: 'Beta', lastAttempt: { at: '2026-12-07T10:00:00Z', status: 'failed', error: { code: 'AUTH_FAILED', message: 'revoked' } } }),
      company({ id: 'c', name: 'Gamma', counts: { ready: 1, pending: 2, leaver: 0, excluded: 0, missing: 0 } }),
      company({ id: 'd', name: 'Delta', lastAttempt: { at: '2026-12-07T10:00:00Z', status: 'skipped', error: null } }),
    ]);
    expect(a.items.map((i) => [i.name, i.kind])).toEqual([
      ['Beta', 'credentials'],
      ['Alpha', 'failed'],
    ]);
    expect(a).toMatchObject({ pending: 5, pendingCompanies: 2 });
  });

  it('counts after a failed attempt are "as of" the last successful sync', () => {
    expect(countsAreOld(company({ lastAttempt: { at: 'x', status: 'failed', error: { code: 'HR_UNREACHABLE', message: '' } } }))).toBe(true);
    expect(countsAreOld(company({}))).toBe(false);
  });
});
