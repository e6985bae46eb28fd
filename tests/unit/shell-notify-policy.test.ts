import { describe, expect, it } from 'vitest';
import type { CompanySummary } from '../../src-main/contract/companies';
import type { RunSummary } from '../../src-main/contract/sync';
import type { AppErrorShape } from '../../src-main/contract/errors';
import { decideNotice, memoFromSummary, type CompanyMemo } from '../../src-main/shell/notify-policy';
import { createRunNotifier } from '../../src-main/shell/run-notifier';

const prefs = { notifyOnFailure: true, notifyOnPending: true };

function company(pending = 0, p: Partial<CompanySummary> = {}): CompanySummary {
  return {
    id: 'c1',
    name: 'Acme Ltd',
    provider: 'peoplehr',
    paused: false,
    reviewed: true,
    lastSuccessfulSyncAt: null,
    lastAttempt: null,
    nextSyncAt: null,
    counts: { ready: 10, pending, leaver: 0, excluded: 0, missing: 0 },
    running: false,
    ...p,
  };
}
function run(
  status: RunSummary['status'],
  error: AppErrorShape | null = null,
  trigger: RunSummary['trigger'] = 'scheduled',
): RunSummary {
  return {
    runId: 'r1',
    companyId: 'c1',
    trigger,
    status,
    startedAt: '2025-03-12T14:00:00Z',
    finishedAt: '2025-03-12T14:01:00Z',
    counts: { created: 0, updated: 0, unchanged: 0, excluded: 0, leavers: 0, missing: 0, problems: 0 },
    error,
    note: null,
    employeeHrId: null,
  };
}
const unreachable: AppErrorShape = { code: 'HR_UNREACHABLE', message: 'PeopleHR did not answer within 30 seconds' };
const rateLimited: AppErrorShape = { code: 'RATE_LIMITED', message: 'PeopleHR kept saying "too many requests".' };
const auth: AppErrorShape = { code: 'AUTH_FAILED', message: 'PeopleHR rejected the API key.' };
const okMemo: CompanyMemo = { failure: null, pending: 0 };

describe('notify policy', () => {
  it('announces a company going from OK to failing, with the reason in words and the history screen', () => {
    const d = decideNotice(okMemo, run('failed', unreachable), company(), prefs);
    expect(d.notice).toEqual({
      kind: 'sync-failed',
      title: 'Acme Ltd: sync failed',
      body: 'PeopleHR did not answer within 30 seconds. Bureau Sync will try again at the next scheduled sync.',
      target: { screen: 'history', companyId: 'c1' },
    });
  });

  it('does not repeat the same failure every hour, but does announce a different one', () => {
    const first = decideNotice(okMemo, run('failed', unreachable), company(), prefs);
    const again = decideNotice(first.memo, run('failed', unreachable), company(), prefs);
    expect(again.notice).toBeNull();
    const changed = decideNotice(again.memo, run('failed', rateLimited), company(), prefs);
    expect(changed.notice?.kind).toBe('sync-failed');
    expect(changed.notice?.body).toContain('too many requests');
  });

  it('announces again after the company recovered and then failed again', () => {
    const failed = decideNotice(okMemo, run('failed', unreachable), company(), prefs);
    const recovered = decideNotice(failed.memo, run('succeeded'), company(), prefs);
    expect(recovered.memo.failure).toBeNull();
    expect(decideNotice(recovered.memo, run('failed', unreachable), company(), prefs).notice?.kind).toBe('sync-failed');
  });

  it('has its own wording for credentials that stopped working, pointing at the company settings', () => {
    const d = decideNotice(okMemo, run('failed', auth), company(), prefs);
    expect(d.notice?.kind).toBe('credentials');
    expect(d.notice?.title).toBe('Acme Ltd: PeopleHR credentials stopped working');
    expect(d.notice?.body).toBe('PeopleHR rejected the API key. Click to open Settings → Connection and replace them.');
    expect(d.notice?.target).toEqual({ screen: 'settings', companyId: 'c1' });
    const forbidden = decideNotice(
      okMemo,
      run('failed', { code: 'FORBIDDEN', message: 'The key cannot read salaries' }),
      company(),
      prefs,
    );
    expect(forbidden.notice?.kind).toBe('credentials');
    expect(forbidden.notice?.title).toBe('Acme Ltd: PeopleHR credentials lack a permission');
  });

  it('says nothing for skipped or cancelled runs and keeps what it knew', () => {
    const failing: CompanyMemo = { failure: 'HR_UNREACHABLE: x', pending: 3 };
    for (const status of ['skipped', 'cancelled'] as const) {
      const d = decideNotice(
        failing,
        run(status, status === 'cancelled' ? { code: 'CANCELLED', message: 'Cancelled' } : null),
        company(9),
        prefs,
      );
      expect(d.notice).toBeNull();
      expect(d.memo).toEqual(failing);
    }
  });

  it('respects notifyOnFailure but still remembers the failure (no stale burst when turned back on)', () => {
    const off = decideNotice(okMemo, run('failed', unreachable), company(), { ...prefs, notifyOnFailure: false });
    expect(off.notice).toBeNull();
    expect(decideNotice(off.memo, run('failed', unreachable), company(), prefs).notice).toBeNull();
  });

  it('announces newly Pending employees only when asked and only when the count went up', () => {
    const memo: CompanyMemo = { failure: null, pending: 2 };
    const up = decideNotice(memo, run('succeeded'), company(5), prefs);
    expect(up.notice).toEqual({
      kind: 'pending',
      title: 'Acme Ltd: 3 employees need attention',
      body: '3 employees became Pending after the latest sync (5 Pending in all). Open the company to see what is missing.',
      target: { screen: 'company', companyId: 'c1' },
    });
    expect(up.memo.pending).toBe(5);
    expect(decideNotice(up.memo, run('succeeded'), company(5), prefs).notice).toBeNull();
    expect(decideNotice(up.memo, run('succeeded'), company(4), prefs).notice).toBeNull();
    expect(decideNotice(memo, run('succeeded'), company(3), prefs).notice?.title).toBe(
      'Acme Ltd: 1 employee needs attention',
    );
    expect(decideNotice(memo, run('succeeded'), company(5), { ...prefs, notifyOnPending: false }).notice).toBeNull();
  });

  it('stays quiet for the first sync, which the add-company wizard shows', () => {
    expect(decideNotice(undefined, run('failed', unreachable, 'first'), company(), prefs).notice).toBeNull();
    const d = decideNotice(undefined, run('succeeded', null, 'first'), company(7), prefs);
    expect(d.notice).toBeNull();
    expect(d.memo).toEqual({ failure: null, pending: 7 });
  });

  it('seeds from the companies list so a failure already known at launch is not announced again', () => {
    const known = company(4, { lastAttempt: { at: '2025-03-12T13:00:00Z', status: 'failed', error: unreachable } });
    const memo = memoFromSummary(known);
    expect(memo).toEqual({ failure: `HR_UNREACHABLE: ${unreachable.message}`, pending: 4 });
    expect(decideNotice(memo, run('failed', unreachable), known, prefs).notice).toBeNull();
  });
});

describe('run notifier', () => {
  it('seeds, then shows one notice per change', async () => {
    let list = [company(1, { lastAttempt: { at: '2025-03-12T13:00:00Z', status: 'failed', error: unreachable } })];
    const shown: string[] = [];
    const n = createRunNotifier({
      listCompanies: async () => list,
      preferences: () => prefs,
      show: (x) => shown.push(x.title),
    });
    await n.seed();
    await n.onRunFinished(run('failed', unreachable)); // already known at launch
    list = [company(4)];
    await n.onRunFinished(run('succeeded')); // recovered, 3 more pending
    await n.onRunFinished(run('failed', auth));
    await n.onRunFinished(run('failed', auth)); // same again: quiet
    expect(shown).toEqual(['Acme Ltd: 3 employees need attention', 'Acme Ltd: PeopleHR credentials stopped working']);
  });

  it('ignores runs of companies that no longer exist, and survives a failing list', async () => {
    const errors: unknown[] = [];
    let fail = false;
    const n = createRunNotifier({
      listCompanies: async () => {
        if (fail) throw new Error('database closed');
        return [];
      },
      preferences: () => prefs,
      show: () => {
        throw new Error('must not show');
      },
      onError: (e) => errors.push(e),
    });
    expect(await n.onRunFinished(run('failed', unreachable))).toBeNull();
    fail = true;
    expect(await n.onRunFinished(run('failed', unreachable))).toBeNull();
    expect(errors).toHaveLength(1);
  });
});
