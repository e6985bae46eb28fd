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
      company({
        id: 'a',
        name: 'Alpha',
        lastAttempt: {
          at: '2026-12-07T10:00:00Z',
          status: 'failed',
          error: { code: 'HR_UNREACHABLE', message: 'down' },
        },
        counts: { ready: 1, pending: 3, leaver: 0, excluded: 0, missing: 0 },
      }),
      company({
        id: 'b',
        name: 'Beta',
        lastAttempt: {
          at: '2026-12-07T10:00:00Z',
          status: 'failed',
          error: { code: 'AUTH_FAILED', message: 'revoked' },
        },
      }),
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
    expect(
      countsAreOld(
        company({ lastAttempt: { at: 'x', status: 'failed', error: { code: 'HR_UNREACHABLE', message: '' } } }),
      ),
    ).toBe(true);
    expect(countsAreOld(company({}))).toBe(false);
  });

  it('calls out bank-detail changes awaiting the next pay run, and totals every change since the last export', () => {
    const companies = [
      company({ id: 'a', name: 'Alpha' }),
      company({ id: 'b', name: 'Beta' }),
      company({ id: 'c', name: 'Gamma' }),
    ];
    const a = attention(companies, {
      a: { companyId: 'a', count: 3, bankChanges: 1, lastExportAt: '2026-12-01T09:00:00Z' },
      b: { companyId: 'b', count: null, bankChanges: 0, lastExportAt: null },
      c: { companyId: 'c', count: 2, bankChanges: 0, lastExportAt: '2026-12-01T09:00:00Z' },
    });
    expect(a.bank).toEqual([{ companyId: 'a', name: 'Alpha', count: 1 }]);
    expect([a.awaiting, a.awaitingCompanies]).toEqual([5, 2]);
    // Before any export (or with no counts loaded yet) nothing awaits.
    expect(attention(companies)).toMatchObject({ bank: [], awaiting: 0, awaitingCompanies: 0 });
  });
});
