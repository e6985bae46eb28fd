import { describe, expect, it } from 'vitest';
import { evictPages, pagesForRange, problemText, rowStatus } from '../../src-renderer/features/employees/logic';
import { routeForNavigate } from '../../src-renderer/app/navigate';
import { pauseAllMessage } from '../../src-renderer/features/companies/logic';
import type { RunSummary } from '../../src-main/contract/sync';

describe('paging the employee list', () => {
  it('finds the pages covering a window of rows', () => {
    expect(pagesForRange(0, 40)).toEqual([0]);
    expect(pagesForRange(190, 210)).toEqual([0, 1]);
    expect(pagesForRange(49_990, 49_999)).toEqual([249]);
    expect(pagesForRange(10, 5)).toEqual([]);
    expect(pagesForRange(0, 25, 10)).toEqual([0, 1, 2]);
  });
  it('keeps the cache bounded, dropping the pages furthest from the view', () => {
    const pages: Record<number, string> = {};
    for (let p = 0; p < 30; p++) pages[p] = `page ${p}`;
    const kept = evictPages(pages, 29, 24);
    expect(
      Object.keys(kept)
        .map(Number)
        .sort((a, b) => a - b),
    ).toEqual(Array.from({ length: 24 }, (_, i) => i + 6));
    expect(evictPages({ 1: 'a' }, 1, 24)).toEqual({ 1: 'a' });
  });
});

describe('row status and problems', () => {
  it('a leaver, excluded or missing state wins over readiness', () => {
    expect(rowStatus({ state: 'active', readiness: 'pending' })).toBe('pending');
    expect(rowStatus({ state: 'leaver', readiness: 'ready' })).toBe('leaver');
  });
  it('says problems and warnings in words', () => {
    expect(problemText({ problemCount: 0, warningCount: 0 })).toBe('None');
    expect(problemText({ problemCount: 1, warningCount: 2 })).toBe('1 problem, 2 warnings');
    // What is wrong, in words, not "3 problems".
    expect(
      problemText({ problemCount: 3, warningCount: 0, firstProblem: { field: 'niCategory', code: 'missing' } }),
    ).toBe('NI category letter missing +2 more');
    expect(
      problemText({ problemCount: 1, warningCount: 1, firstProblem: { field: 'sortCode', code: 'invalid' } }),
    ).toMatch(/ not valid, 1 warning$/);
    expect(
      problemText({
        problemCount: 0,
        warningCount: 0,
        state: 'excluded',
        excludedBy: 'Excluded by rule 1: "Country" is "France"',
      }),
    ).toBe('Excluded by rule 1: "Country" is "France"');
  });
});

describe('app.navigate from the desktop shell', () => {
  it('opens the company tab it names, or falls back sensibly', () => {
    expect(routeForNavigate({ screen: 'home' })).toEqual({ name: 'home' });
    expect(routeForNavigate({ screen: 'company', companyId: 'c1' })).toEqual({
      name: 'company',
      companyId: 'c1',
      tab: 'employees',
    });
    expect(routeForNavigate({ screen: 'history', companyId: 'c1' })).toEqual({
      name: 'company',
      companyId: 'c1',
      tab: 'history',
    });
    expect(routeForNavigate({ screen: 'settings', companyId: 'c1' })).toEqual({
      name: 'company',
      companyId: 'c1',
      tab: 'settings',
      anchor: 'settings-connection',
    });
    expect(routeForNavigate({ screen: 'settings' })).toEqual({ name: 'preferences' });
    expect(routeForNavigate({ screen: 'history' })).toEqual({ name: 'home' });
  });
});

describe('pause all / resume all', () => {
  it('reports what changed in words', () => {
    expect(pauseAllMessage(true, 3).title).toBe('3 companies paused.');
    expect(pauseAllMessage(false, 1).title).toBe('1 company resumed.');
    expect(pauseAllMessage(true, 0)).toMatchObject({ tone: 'info', title: 'Every company was already paused.' });
  });
});

describe('sync all summary', () => {
  it('counts companies with the right plural', async () => {
    const { syncAllMessage } = await import('../../src-renderer/features/companies/logic');
    const run = (companyId: string, status: 'succeeded' | 'failed' | 'skipped'): RunSummary => ({
      runId: companyId,
      companyId,
      trigger: 'manual-all',
      status,
      startedAt: '',
      finishedAt: '',
      counts: { created: 0, updated: 0, unchanged: 0, excluded: 0, leavers: 0, missing: 0, problems: 0 },
      error: status === 'failed' ? { code: 'HR_ERROR', message: 'Humaans had a problem.' } : null,
      note: null,
      employeeHrId: null,
    });
    expect(syncAllMessage([run('a', 'succeeded'), run('b', 'succeeded'), run('c', 'skipped')], []).title).toBe(
      '2 companies synced.',
    );
    expect(syncAllMessage([run('a', 'failed'), run('b', 'succeeded')], []).text).toBe(
      'A company: Humaans had a problem.',
    );
  });
});

describe('payslips', () => {
  it('reads a UK pay date and rejects impossible ones', async () => {
    const { parseUkDate, matchSummary } = await import('../../src-renderer/features/payslips/logic');
    expect(parseUkDate('31/03/2026')).toBe('2026-03-31');
    expect(parseUkDate('1.4.2026')).toBe('2026-04-01');
    expect(parseUkDate('31/02/2026')).toBeNull();
    expect(parseUkDate('2026-03-31')).toBeNull();
    expect(matchSummary({ matched: 2, ambiguous: 1, unmatched: 1, notPdf: 1, tooLarge: 0, excluded: 0 })).toBe(
      '2 matched · 2 need a person · 1 problem file (not sent)',
    );
  });
});
