import { describe, expect, it } from 'vitest';
import { call, employeeRows } from '../helpers/core';
import { FAKE_PERSONIO, HOUR, useSyncedCompany } from '../helpers/synced-company';
import type { Core } from '../../src-main/core/app';
import { generatePeople, type SamplePerson } from '../../src-main/fake-hr/sample-people';
import type { RunningFakePersonio } from '../../src-main/fake-hr/personio';

/**
 * The hourly run of a Personio company reads only the people Personio reports as changed (updated_since)
 * plus a roll call of ids, when that is safe; everything else reads everyone. What a bureau relies on: the
 * result is exactly what a full read would have given.
 */
const start = useSyncedCompany(FAKE_PERSONIO);
let core: Core;
let fake: RunningFakePersonio;

/** A Personio company synced once, an hour before the test's hourly run, with the fake's log cleared. */
async function connected(count = 30) {
  const c = await start({ count, seed: 23 });
  ({ core, fake } = c);
  fake.log.length = 0;
  c.clock.advance(HOUR);
  return c;
}

/** The employee listings the last run asked Personio for. */
function listings() {
  return fake.log.filter((e) => e.path === '/v1/company/employees');
}
const isChangeFeed = (e: { query: Record<string, string> }) => 'updated_since' in e.query;
const isRollCall = (e: { url: string }) => decodeURIComponent(e.url).includes('attributes[]=id');

const hourly = (id: string) => core.engine.runCompany(id, 'scheduled');

describe('the hourly run reads only what changed', () => {
  it('with nothing changed it asks for changes and a roll call, writes no employee, and reports the whole company', async () => {
    const { id, first } = await connected(30);
    const before = employeeRows(core.dbFile);
    const run = await hourly(id);

    expect(run.status).toBe('succeeded');
    const asked = listings();
    expect(asked.length).toBeGreaterThan(0);
    expect(asked.every((e) => isChangeFeed(e) || isRollCall(e))).toBe(true);
    expect(asked.filter(isChangeFeed)).toHaveLength(1);
    // Personio's naive timestamp, asked from two hours before the last run started (the zone is undocumented).
    expect(asked.find(isChangeFeed)!.query.updated_since).toBe('2026-11-02T07:00:00');
    expect(employeeRows(core.dbFile)).toEqual(before);
    expect(run.counts).toEqual({
      ...first.counts,
      created: 0,
      unchanged: first.counts.created + first.counts.unchanged,
    });
    expect(run.note).toMatch(/Hourly check: Personio reported 0 people changed/);
    // The run's problem list still describes everyone, as the full read's did.
    const problems = async (runId: string) =>
      (await call(core, 'sync.runProblemsCsv', { runId })).csv.trim().split(/\r?\n/).sort();
    expect((await problems(first.runId)).length).toBeGreaterThan(1);
    expect(await problems(run.runId)).toEqual(await problems(first.runId));
  });

  it("when nobody left, the roll call is one request for Personio's count, not a listing of every id", async () => {
    const { id, staff } = await connected(250);
    const target = staff.find((p) => !p.isLeaver)!;
    fake.setPeople(staff.map((p) => (p === target ? { ...p, jobTitle: 'Counted' } : p)));
    const run = await hourly(id);

    expect(run.counts).toMatchObject({ updated: 1, missing: 0 });
    const rollCalls = listings().filter(isRollCall);
    expect(rollCalls.map((e) => e.query.limit)).toEqual(['1']);
    // Someone deleted changes the count: every id is listed again (250 people, 100 a page), and they are missing.
    fake.setPeople(staff.filter((p) => p !== target));
    fake.log.length = 0;
    const next = await hourly(id);
    expect(next.counts.missing).toBe(1);
    expect(
      listings()
        .filter(isRollCall)
        .map((e) => e.query.limit),
    ).toEqual(['1', '100', '100', '100']);
  });

  it('an edit in Personio reaches the next hourly run, with its field history', async () => {
    const { id, staff } = await connected(30);
    const target = staff.find((p) => !p.isLeaver)!;
    fake.setPeople(staff.map((p) => (p === target ? { ...p, jobTitle: 'Head of Payroll' } : p)));
    const run = await hourly(id);

    expect(run.counts).toMatchObject({ created: 0, updated: 1, missing: 0 });
    expect(run.note).toMatch(/reported 1 person changed/);
    expect(core.reports.changes(id)).toEqual([expect.objectContaining({ field: 'jobTitle', to: 'Head of Payroll' })]);
  });

  it('someone deleted in Personio is marked missing, and someone added is created', async () => {
    const { id, staff } = await connected(30);
    const gone = staff[3]!;
    const added: SamplePerson = { ...generatePeople({ count: 1, seed: 99 })[0]!, seq: 500 };
    fake.setPeople([...staff.filter((p) => p !== gone), added]);
    const run = await hourly(id);

    expect(run.counts).toMatchObject({ created: 1, missing: 1 });
    const list = await call(core, 'employees.list', { companyId: id, limit: 100, status: 'missing' });
    expect(list.rows.map((r) => r.name)).toEqual([`${gone.firstName} ${gone.lastName}`]);
  });
});

describe('when the hourly run reads everyone instead', () => {
  it('the first run of a new day reads everyone (leaver and age rules read the date)', async () => {
    const { id, clock } = await connected(10);
    clock.advance(24 * HOUR);
    const run = await hourly(id);
    expect(run.status).toBe('succeeded');
    expect(listings().some((e) => isChangeFeed(e) || isRollCall(e))).toBe(false);
    expect(run.note).toBeNull();
  });

  it('a company syncing on demand (Sync now, Sync all) reads everyone', async () => {
    const { id } = await connected(10);
    await call(core, 'sync.company', { companyId: id });
    expect(listings().length).toBeGreaterThan(0);
    expect(listings().some((e) => isChangeFeed(e) || isRollCall(e))).toBe(false);
  });

  it('after a set-up change whose own sync failed, the next hourly run reads everyone', async () => {
    const { id } = await connected(10);
    fake.faults.serverError = { count: 1_000, paths: ['/v1/company/employees'] };
    await call(core, 'settings.set', { companyId: id, patch: { defaults: { paymentFrequency: 'Weekly' } } });
    fake.faults.serverError = undefined;
    fake.log.length = 0;
    const run = await hourly(id);
    expect(run.status).toBe('succeeded');
    expect(listings().some(isChangeFeed)).toBe(false);
  });

  it('a company matched on another ID field reads everyone (the roll call lists Personio ids)', async () => {
    const { id } = await connected(10);
    await call(core, 'settings.set', { companyId: id, patch: { idField: 'email' } });
    fake.log.length = 0;
    const run = await hourly(id);
    expect(run.status).toBe('succeeded');
    expect(listings().some((e) => isChangeFeed(e) || isRollCall(e))).toBe(false);
  });

  it('someone back on the roll call whom the change feed did not report is decided by a full read', async () => {
    const { id, staff } = await connected(10);
    const gone = staff[2]!;
    fake.setPeople(staff.filter((p) => p !== gone));
    expect((await hourly(id)).counts.missing).toBe(1);
    // Restored in Personio without its modified time moving: only a full read can bring them back.
    fake.setPeople(staff, { touch: false });
    fake.log.length = 0;
    const run = await hourly(id);
    expect(run.status).toBe('succeeded');
    expect(run.counts.missing).toBe(0);
    expect(run.note).toBeNull();
    expect(listings().some((e) => !isChangeFeed(e) && !isRollCall(e))).toBe(true);
    const list = await call(core, 'employees.list', { companyId: id, limit: 100, status: 'missing' });
    expect(list.rows).toHaveLength(0);
  });

  it('a change list that cannot be read writes nothing and says so', async () => {
    const { id, staff } = await connected(10);
    fake.setPeople(staff.map((p, i) => (i === 1 ? { ...p, jobTitle: 'Changed' } : p)));
    const before = employeeRows(core.dbFile);
    fake.faults.serverError = { count: 1_000, paths: ['/v1/company/employees'] };
    const run = await hourly(id);
    expect(run.status).toBe('failed');
    expect(employeeRows(core.dbFile)).toEqual(before);
  });
});
