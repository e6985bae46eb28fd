import Database from 'better-sqlite3';
import { describe, expect, it, vi } from 'vitest';
import type { Credentials } from '../../src-main/contract/providers';
import type { RunSummary } from '../../src-main/contract/sync';
import type { Core } from '../../src-main/core/app';
import { startFakePeopleHR, type FakePeopleHR } from '../../src-main/fake-hr/peoplehr';
import { MemorySecretStore } from '../../src-main/core/secrets/file-secret-store';
import { generatePeople, type SamplePerson } from '../../src-main/fake-hr/sample-people';
import { call, employeeRows, FakeClock, makeCore } from '../helpers/core';
import { HOUR, useSyncedCompany } from '../helpers/synced-company';

/**
 * PeopleHR has no change feed: every hourly run receives the whole staff list. When that reply is, byte for
 * byte, the one the last complete read took, under the same set-up, the run repeats that read's outcome
 * rather than reading 10,000 people again. What a bureau relies on: such a run says what a full read would
 * have said, and whatever could make the outcome differ (an edit in PeopleHR, Sync now on someone, a
 * set-up change, a new day, a new app version) means a full read.
 */
const FAKE_PEOPLEHR = {
  start: (people: SamplePerson[], now: () => number) => startFakePeopleHR({ people, today: new Date(now()) }),
  credentials: (fake: FakePeopleHR): Credentials => ({ provider: 'peoplehr', apiKey: fake.fullApiKey }),
};
const start = useSyncedCompany(FAKE_PEOPLEHR);
const REPEATED = /^Hourly check: PeopleHR sent its staff list exactly as at the last sync, so nobody changed\./;

let core: Core;
let fake: FakePeopleHR;

async function connected(count = 12, coreOptions?: { peoplehrHoldReplyBytes: number }) {
  const c = await start({ count, seed: 31, coreOptions });
  ({ core, fake } = c);
  c.clock.advance(HOUR);
  return c;
}

const hourly = (id: string) => core.engine.runCompany(id, 'scheduled');

/** Staff list calls since the last look. */
function listCalls(): number {
  const n = fake.actions().filter((a) => a === 'GetAllEmployeeDetail').length;
  fake.log.length = 0;
  return n;
}

const problemsCsv = async (runId: string) =>
  (await call(core, 'sync.runProblemsCsv', { runId })).csv.trim().split(/\r?\n/);

/** The run of the same company that a full read would give now, for comparison: counts and problems. */
function repeatedCounts(first: RunSummary): RunSummary['counts'] {
  return {
    ...first.counts,
    created: 0,
    updated: 0,
    unchanged: first.counts.created + first.counts.updated + first.counts.unchanged,
    missing: 0,
  };
}

describe('PeopleHR hourly run with the staff list as it was', () => {
  it('repeats the last read: same counts and problem list, no employee written, one call', async () => {
    const { id, first } = await connected();
    listCalls();
    const before = employeeRows(core.dbFile);
    const run = await hourly(id);

    expect(run.status).toBe('succeeded');
    expect(run.note).toMatch(REPEATED);
    expect(listCalls()).toBe(1);
    expect(employeeRows(core.dbFile)).toEqual(before);
    expect(run.counts).toEqual(repeatedCounts(first));
    expect((await problemsCsv(first.runId)).length).toBeGreaterThan(1);
    expect(await problemsCsv(run.runId)).toEqual(await problemsCsv(first.runId));
    // The company's last sync moves on, as with any successful run.
    const company = (await call(core, 'companies.list', {})).find((c) => c.id === id)!;
    expect(company.lastSuccessfulSyncAt).toBe(run.finishedAt);

    // A full read now (Sync now on the company) agrees with what was repeated.
    const full = await call(core, 'sync.company', { companyId: id });
    expect(full.note).toBeNull();
    expect(full.counts).toEqual(run.counts);
    expect(await problemsCsv(full.runId)).toEqual(await problemsCsv(run.runId));
    expect(employeeRows(core.dbFile)).toEqual(before);
  });

  it('repeats it too when the list is too long to hold unread: read as it came, nothing of that read is written', async () => {
    // 120 people: pages of 50 go out while the reply arrives.
    const { id, first, staff } = await connected(120, { peoplehrHoldReplyBytes: 2000 });
    listCalls();
    const before = employeeRows(core.dbFile);
    const run = await hourly(id);

    expect(run.note).toMatch(REPEATED);
    expect(listCalls()).toBe(1);
    expect(run.counts).toEqual(repeatedCounts(first));
    expect(await problemsCsv(run.runId)).toEqual(await problemsCsv(first.runId));
    expect(employeeRows(core.dbFile)).toEqual(before);

    // A long reply that differs is read and applied as ever.
    const target = staff.find((p) => !p.isLeaver)!;
    fake.setPeople(staff.map((p) => (p === target ? { ...p, jobTitle: 'Head of Payroll' } : p)));
    const edited = await hourly(id);
    expect(edited.note).toBeNull();
    expect(edited.counts).toMatchObject({ created: 0, updated: 1, missing: 0 });
    expect(core.reports.changes(id)).toEqual([expect.objectContaining({ field: 'jobTitle', to: 'Head of Payroll' })]);
  });

  it('keeps repeating hour after hour', async () => {
    const { id, clock, first } = await connected();
    for (let i = 0; i < 3; i++) {
      const run = await hourly(id);
      expect(run.note).toMatch(REPEATED);
      expect(run.counts).toEqual(repeatedCounts(first));
      clock.advance(HOUR / 4);
    }
  });
});

describe('PeopleHR hourly run reads everyone when the outcome may differ', () => {
  it('an edit in PeopleHR: the changed reply is read, and the edit arrives with its history', async () => {
    const { id, staff } = await connected();
    const target = staff.find((p) => !p.isLeaver)!;
    fake.setPeople(staff.map((p) => (p === target ? { ...p, jobTitle: 'Head of Payroll' } : p)));
    const run = await hourly(id);

    expect(run.note).toBeNull();
    expect(run.counts).toMatchObject({ created: 0, updated: 1, missing: 0 });
    expect(core.reports.changes(id)).toEqual([expect.objectContaining({ field: 'jobTitle', to: 'Head of Payroll' })]);
    // The new reply is the one the next hour compares with.
    expect((await hourly(id)).note).toMatch(REPEATED);
  });

  it('someone gone from PeopleHR is marked missing, not repeated away', async () => {
    const { id, staff } = await connected();
    fake.setPeople(staff.slice(1));
    const run = await hourly(id);
    expect(run.note).toBeNull();
    expect(run.counts.missing).toBe(1);
  });

  it('after Sync now on one employee, the next hourly run reads everyone; the one after repeats', async () => {
    const { id } = await connected();
    const someone = (await call(core, 'employees.list', { companyId: id, limit: 1 })).rows[0]!;
    await call(core, 'sync.employee', { companyId: id, employeeId: someone.id });
    listCalls();

    const next = await hourly(id);
    expect(next.note).toBeNull();
    expect(listCalls()).toBe(1);
    expect((await hourly(id)).note).toMatch(REPEATED);
  });

  it('Sync now on the company always reads everyone', async () => {
    const { id } = await connected();
    const run = await call(core, 'sync.company', { companyId: id });
    expect(run.note).toBeNull();
    expect(run.status).toBe('succeeded');
  });

  it('the first run of a new day reads everyone (leaver and age rules read the date)', async () => {
    const { id, clock } = await connected();
    clock.advance(24 * HOUR);
    expect((await hourly(id)).note).toBeNull();
    expect((await hourly(id)).note).toMatch(REPEATED);
  });

  it('after a set-up change whose own sync failed, the next hourly run reads everyone', async () => {
    const { id } = await connected();
    fake.faults.serverError = { count: 1_000 };
    await call(core, 'settings.set', { companyId: id, patch: { defaults: { paymentFrequency: 'Weekly' } } });
    // The set-up change starts its own sync in the background: the fault stays until that sync has failed.
    await vi.waitFor(
      async () => {
        const [last] = await call(core, 'sync.history', { companyId: id, limit: 1 });
        expect(last).toMatchObject({ trigger: 'settings', status: 'failed' });
      },
      { timeout: 10_000 },
    );
    fake.faults.serverError = undefined;
    const run = await hourly(id);
    expect(run.status).toBe('succeeded');
    expect(run.note).toBeNull();
    expect(run.counts.updated).toBeGreaterThan(0);
  });

  it('another version of the app reads everyone (its rules may decide otherwise)', async () => {
    const clock = new FakeClock('2026-11-02T09:00:00Z');
    const secrets = new MemorySecretStore();
    const hr = await FAKE_PEOPLEHR.start(generatePeople({ count: 8, seed: 5 }), () => clock.now().getTime());
    const old = makeCore({ clock, secrets, version: '1.0.0' });
    let upgraded: (Core & { dataDir: string }) | null = null;
    try {
      const { id } = await call(old, 'companies.create', {
        name: 'Upgrade Ltd',
        credentials: FAKE_PEOPLEHR.credentials(hr),
        baseUrl: hr.baseUrl,
      });
      await call(old, 'companies.review', { companyId: id });
      clock.advance(HOUR);
      expect((await old.engine.runCompany(id, 'scheduled')).note).toMatch(REPEATED);
      await old.close();

      upgraded = makeCore({ dataDir: old.dataDir, clock, secrets, version: '1.1.0' });
      const run = await upgraded.engine.runCompany(id, 'scheduled');
      expect(run.status).toBe('succeeded');
      expect(run.note).toBeNull();
      expect((await upgraded.engine.runCompany(id, 'scheduled')).note).toMatch(REPEATED);
    } finally {
      await (upgraded ?? old).close();
      await hr.close();
    }
  });

  it.each([
    ['held unread, the list is read in full after all', undefined, 2],
    ['too long to hold, what was read as it came is applied', 2000, 1],
  ])('an employee changed by another run while the reply arrived: %s', async (_, hold, calls) => {
    // 120 people: pages of 50 go out while the reply arrives.
    const { id, first } = await connected(120, hold === undefined ? undefined : { peoplehrHoldReplyBytes: hold });
    const before = employeeRows(core.dbFile);
    listCalls();
    // Between the reply and the run's commit, another writer forgets the outcome (as Sync now on someone does).
    const other = new Database(core.dbFile);
    try {
      const run = await core.engine.runCompany(id, 'scheduled', {
        onProgress: (p) => {
          if (p.phase === 'checking')
            other.prepare('UPDATE companies SET sync_cursor_run_id = NULL WHERE id = ?').run(id);
        },
      });
      expect(run.status).toBe('succeeded');
      expect(run.note).toBeNull();
      expect(run.counts).toEqual(repeatedCounts(first));
      expect(listCalls()).toBe(calls);
      expect(employeeRows(core.dbFile)).toEqual(before);
    } finally {
      other.close();
    }
  });
});
