import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../src-main/core/app';
import type { RunningFakePersonio } from '../../src-main/fake-hr/personio';
import { call } from '../helpers/core';
import { FAKE_PERSONIO, HOUR, useSyncedCompany } from '../helpers/synced-company';

/**
 * Every whole-company run keeps the company's problem list as it stood, for its history and its CSV. A run
 * in which nothing changed shares the list of the run before it rather than copying every problem again
 * (each hour, for ever). What a bureau relies on: each run's CSV still says exactly what was wrong at that
 * hour, however the list is stored, and an unchanged hour adds nothing to the database.
 */
const start = useSyncedCompany(FAKE_PERSONIO);
let core: Core;
let fake: RunningFakePersonio;

async function connected() {
  const c = await start({ count: 40, seed: 31 });
  ({ core, fake } = c);
  return c;
}

const csv = async (runId: string) => (await call(core, 'sync.runProblemsCsv', { runId })).csv;

function runProblemRows(): number {
  const db = new Database(core.dbFile, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare('SELECT COUNT(*) AS n FROM run_problems').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

describe("a run's problem list", () => {
  it('is shared, not copied, by runs in which nothing changed: hourly checks and full re-reads', async () => {
    const { id, clock, first } = await connected();
    const list = await csv(first.runId);
    expect(list.trim().split(/\r?\n/).length).toBeGreaterThan(2);
    const rows = runProblemRows();
    expect(rows).toBe(list.trim().split(/\r?\n/).length - 1);

    clock.advance(HOUR);
    const hourly = await core.engine.runCompany(id, 'scheduled');
    expect(hourly.note).toMatch(/Hourly check/);
    clock.advance(HOUR);
    const full = await call(core, 'sync.company', { companyId: id });
    clock.advance(HOUR);
    const again = await core.engine.runCompany(id, 'scheduled');

    for (const run of [hourly, full, again]) {
      expect(run.status).toBe('succeeded');
      expect(run.counts.problems).toBe(first.counts.problems);
      expect(await csv(run.runId)).toBe(list);
    }
    expect(runProblemRows()).toBe(rows);
  });

  it('gets rows of its own when something changed, and every earlier run keeps the list it had', async () => {
    const { id, staff, clock, first } = await connected();
    const before = await csv(first.runId);
    // Someone with a problem leaves Personio's list: the next run's list no longer holds them.
    const gone = staff.find((p) => !p.isLeaver && p.expectedProblems.length > 0)!;
    const name = `${gone.firstName} ${gone.lastName}`;
    expect(before).toContain(name);
    fake.setPeople(staff.filter((p) => p !== gone));
    clock.advance(HOUR);
    const changed = await core.engine.runCompany(id, 'scheduled');
    expect(changed.counts.missing).toBe(1);
    const after = await csv(changed.runId);
    expect(after).not.toContain(name);
    const rowsAfterChange = runProblemRows();
    expect(rowsAfterChange).toBeGreaterThan(0);

    // The hour after, nothing changed: it shares the changed run's list, not the first run's.
    clock.advance(HOUR);
    const quiet = await core.engine.runCompany(id, 'scheduled');
    expect(await csv(quiet.runId)).toBe(after);
    expect(runProblemRows()).toBe(rowsAfterChange);
    // History is untouched: the first run still lists the person who has since gone.
    expect(await csv(first.runId)).toBe(before);
  });

  it('is compared, not assumed: a problem fixed by "Sync now" on one person shows in the next hourly run', async () => {
    const { id, staff, clock, first } = await connected();
    const before = await csv(first.runId);
    const fixed = staff.find((p) => !p.isLeaver && p.expectedProblems.includes('niCategory'))!;
    fake.setPeople(staff.map((p) => (p === fixed ? { ...p, niCategory: 'A', expectedProblems: [] } : p)));
    const name = `${fixed.firstName} ${fixed.lastName}`;
    const { rows } = await call(core, 'employees.list', { companyId: id, limit: 100, search: fixed.lastName });
    const emp = rows.find((r) => r.name === name)!;
    clock.advance(HOUR);
    const one = await call(core, 'sync.employee', { companyId: id, employeeId: emp.id });
    expect(one.counts.updated).toBe(1);

    // The hourly run itself changes nobody (Sync now already did), yet its list differs from the first run's.
    clock.advance(HOUR);
    const hourly = await core.engine.runCompany(id, 'scheduled');
    expect(hourly.counts).toMatchObject({ created: 0, updated: 0, missing: 0 });
    const after = await csv(hourly.runId);
    expect(before).toMatch(new RegExp(`${name}.*niCategory`));
    expect(after).not.toMatch(new RegExp(`${name}.*niCategory`));
    expect(after.trim().split(/\r?\n/)).toHaveLength(before.trim().split(/\r?\n/).length - 1);
    expect(await csv(first.runId)).toBe(before);
  });
});
