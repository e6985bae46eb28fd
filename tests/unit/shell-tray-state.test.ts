import { describe, expect, it } from 'vitest';
import type { CompanySummary } from '../../src-main/contract/companies';
import { formatWhen, trayModel } from '../../src-main/shell/tray-state';

const now = new Date('2025-03-12T14:30:00Z'); // 14:30 in London (GMT)
const tz = 'Europe/London';

function company(p: Partial<CompanySummary> & { id: string }): CompanySummary {
  return {
    name: `Company ${p.id}`,
    provider: 'personio',
    paused: false,
    reviewed: true,
    lastSuccessfulSyncAt: null,
    lastAttempt: null,
    nextSyncAt: null,
    counts: { ready: 0, pending: 0, leaver: 0, excluded: 0, missing: 0 },
    running: false,
    ...p,
  };
}
const ok = (at: string) => ({ at, status: 'succeeded' as const, error: null });
const failed = (at: string) => ({
  at,
  status: 'failed' as const,
  error: { code: 'HR_UNREACHABLE' as const, message: 'Personio did not answer.' },
});
const labels = (m: ReturnType<typeof trayModel>) =>
  m.menu.flat().map((i) => `${i.label}${i.enabled ? '' : ' (disabled)'}`);

describe('tray state', () => {
  it('is idle with "last sync HH:MM, all good" when every company synced', () => {
    const m = trayModel(
      [
        company({ id: 'a', lastAttempt: ok('2025-03-12T14:05:00Z') }),
        company({ id: 'b', lastAttempt: ok('2025-03-12T13:10:00Z') }),
      ],
      {
        now,
        timeZone: tz,
      },
    );
    expect(m.icon).toBe('idle');
    expect(m.tooltip).toBe('Bureau Sync — last sync 14:05, all good');
    expect(labels(m)).toEqual(['Open Bureau Sync', 'Sync all now', 'Pause all', 'Quit Bureau Sync']);
  });

  it('shows the error state and how many companies failed', () => {
    const m = trayModel(
      [
        company({ id: 'a', lastAttempt: failed('2025-03-12T14:05:00Z') }),
        company({ id: 'b', lastAttempt: failed('2025-03-12T14:01:00Z') }),
        company({ id: 'c', lastAttempt: ok('2025-03-12T13:00:00Z') }),
      ],
      { now, timeZone: tz },
    );
    expect(m.icon).toBe('error');
    expect(m.tooltip).toBe('Bureau Sync — last sync 14:05, 2 companies failed');
  });

  it('names the company when only one failed', () => {
    const m = trayModel([company({ id: 'a', name: 'Acme Ltd', lastAttempt: failed('2025-03-12T09:00:00Z') })], {
      now,
      timeZone: tz,
    });
    expect(m.tooltip).toBe('Bureau Sync — last sync 09:00, Acme Ltd failed');
  });

  it('syncing wins over error, and says what is syncing', () => {
    const one = trayModel(
      [
        company({ id: 'a', name: 'Acme Ltd', running: true }),
        company({ id: 'b', lastAttempt: failed('2025-03-12T14:00:00Z') }),
      ],
      {
        now,
        timeZone: tz,
      },
    );
    expect(one.icon).toBe('syncing');
    expect(one.tooltip).toBe('Bureau Sync — syncing Acme Ltd…');
    const two = trayModel([company({ id: 'a', running: true }), company({ id: 'b', running: true })], {
      now,
      timeZone: tz,
    });
    expect(two.tooltip).toBe('Bureau Sync — syncing 2 companies…');
  });

  it('offers Resume all once every company is paused, and Sync all is then disabled', () => {
    const m = trayModel(
      [company({ id: 'a', paused: true, lastAttempt: ok('2025-03-12T14:05:00Z') }), company({ id: 'b', paused: true })],
      {
        now,
        timeZone: tz,
      },
    );
    expect(labels(m)).toEqual(['Open Bureau Sync', 'Sync all now (disabled)', 'Resume all', 'Quit Bureau Sync']);
    expect(m.menu.flat().find((i) => i.label === 'Resume all')?.action).toBe('resume-all');
    expect(m.tooltip).toBe('Bureau Sync — last sync 14:05, syncing paused');
  });

  it('keeps Pause all while any company still syncs on schedule', () => {
    const m = trayModel([company({ id: 'a', paused: true }), company({ id: 'b', paused: false })], {
      now,
      timeZone: tz,
    });
    expect(m.menu.flat().map((i) => i.action)).toContain('pause-all');
  });

  it('ignores skipped and cancelled attempts for "last sync", and companies still in the wizard', () => {
    const m = trayModel(
      [
        company({ id: 'a', lastAttempt: ok('2025-03-12T10:00:00Z') }),
        company({ id: 'b', lastAttempt: { at: '2025-03-12T14:20:00Z', status: 'skipped', error: null } }),
        company({ id: 'c', reviewed: false, lastAttempt: failed('2025-03-12T14:25:00Z') }),
      ],
      { now, timeZone: tz },
    );
    expect(m.icon).toBe('idle');
    expect(m.tooltip).toBe('Bureau Sync — last sync 10:00, all good');
  });

  it('with no companies: nothing to sync or pause', () => {
    const m = trayModel([], { now, timeZone: tz });
    expect(m.tooltip).toBe('Bureau Sync — no companies set up yet');
    expect(labels(m)).toEqual([
      'Open Bureau Sync',
      'Sync all now (disabled)',
      'Pause all (disabled)',
      'Quit Bureau Sync',
    ]);
  });

  it('while quitting, says a sync is being finished and disables the actions', () => {
    const m = trayModel([company({ id: 'a', running: true })], { now, timeZone: tz, quitting: true });
    expect(m.tooltip).toBe('Bureau Sync — finishing the current sync before quitting…');
    expect(
      m.menu
        .flat()
        .filter((i) => i.enabled)
        .map((i) => i.action),
    ).toEqual(['open']);
  });

  it('keeps the tooltip within the 127 characters Windows shows', () => {
    const m = trayModel([company({ id: 'a', name: 'X'.repeat(200), running: true })], { now, timeZone: tz });
    expect(m.tooltip.length).toBeLessThanOrEqual(127);
    expect(m.tooltip.endsWith('…')).toBe(true);
  });

  it('formats older syncs with the day, in the given time zone (BST too)', () => {
    const summer = new Date('2025-07-01T12:00:00Z');
    expect(formatWhen(new Date('2025-07-01T08:05:00Z'), { now: summer, timeZone: tz })).toBe('09:05');
    expect(formatWhen(new Date('2025-06-30T20:00:00Z'), { now: summer, timeZone: tz })).toBe('yesterday 21:00');
    expect(formatWhen(new Date('2025-06-03T13:05:00Z'), { now: summer, timeZone: tz })).toBe('3 Jun 14:05');
  });
});
