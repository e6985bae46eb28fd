import Papa from 'papaparse';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../src-main/core/app';
import type { SamplePerson } from '../../src-main/fake-hr/sample-people';
import { call, FakeClock, makeCore } from '../helpers/core';
import {
  connect,
  employeeByHrId,
  employeesTable,
  people,
  settle,
  startVendor,
  storedRecord,
  tableCounts,
  VENDORS,
  type VendorFake,
} from './sync-rules-vendors';

let core: Core | null = null;
let vendor: VendorFake | null = null;
afterEach(async () => {
  await core?.close();
  await vendor?.fake.close();
  core = null;
  vendor = null;
});

describe('Pause', () => {
  it.each(VENDORS)(
    '%s: scheduled and settings syncs of a paused company are recorded as skipped; "Sync now" on one employee still runs',
    async (provider) => {
      const staff = people(20);
      const clock = new FakeClock('2026-11-22T09:00:00Z');
      core = makeCore({ clock });
      vendor = await startVendor(provider, staff);
      const id = await connect(core, vendor);
      const v = vendor;

      await call(core, 'settings.set', { companyId: id, patch: { paused: true } });
      await settle(core, id);
      // HR changes while paused; an hour later the scheduler finds the company due.
      const [a, b] = staff.filter((p) => !p.isLeaver) as [SamplePerson, SamplePerson];
      v.fake.setPeople(
        staff.map((p) => (p.seq === a.seq || p.seq === b.seq ? { ...p, lastName: `${p.lastName}-Paused` } : p)),
      );
      const table = employeesTable(core.dbFile);
      clock.advance(61 * 60_000);
      core.scheduler.start();
      expect(core.scheduler.isRunning(id)).toBe(true);
      await core.scheduler.runCompany(id, 'scheduled');

      const history = await call(core, 'sync.history', { companyId: id });
      expect(history.slice(0, 2).map((r) => [r.trigger, r.status])).toEqual([
        ['scheduled', 'skipped'],
        ['settings', 'skipped'],
      ]);
      for (const r of history.slice(0, 2)) expect(r.note).toMatch(/paused/i);
      expect(employeesTable(core.dbFile)).toEqual(table);

      const emp = await employeeByHrId(core, id, v.externalId(a));
      const one = await call(core, 'sync.employee', { companyId: id, employeeId: emp.id });
      expect(one).toMatchObject({ status: 'succeeded', trigger: 'employee', employeeHrId: v.externalId(a) });
      const after = await employeeByHrId(core, id, v.externalId(a));
      expect(after.values.lastName).toBe(`${a.lastName}-Paused`);
      expect(after.changes[0]).toMatchObject({ field: 'lastName', to: `${a.lastName}-Paused`, runId: one.runId });
      // Only that one employee moved.
      expect((await employeeByHrId(core, id, v.externalId(b))).values.lastName).toBe(b.lastName);
    },
  );
});

describe('Run history and its problems', () => {
  it.each(VENDORS)('%s: every run is recorded with trigger, times, counts and error', async (provider) => {
    const staff = people(24);
    core = makeCore();
    vendor = await startVendor(provider, staff);
    const id = await connect(core, vendor);
    const leavers = staff.filter((p) => p.isLeaver).length;

    vendor.fake.setPeople([
      ...staff.slice(1, 23).map((p, i) => (i === 0 ? { ...p, lastName: 'Changed' } : p)),
      ...people(26).slice(24),
    ]);
    await call(core, 'sync.company', { companyId: id });
    vendor.fake.faults.serverError = { count: 1000 };
    await call(core, 'sync.company', { companyId: id });

    const [failed, second, first] = await call(core, 'sync.history', { companyId: id });
    expect(first).toMatchObject({ trigger: 'first', status: 'succeeded', error: null });
    expect(first!.counts).toMatchObject({ created: 24, updated: 0, missing: 0, leavers });
    expect(second).toMatchObject({ trigger: 'manual-company', status: 'succeeded' });
    expect(second!.counts).toMatchObject({ created: 2, missing: 2 });
    expect(second!.counts.updated).toBeGreaterThanOrEqual(1);
    expect(second!.counts.updated + second!.counts.unchanged).toBe(22);
    expect(failed).toMatchObject({ trigger: 'manual-company', status: 'failed' });
    expect(failed!.error?.message).toMatch(/\w+/);
    for (const r of [first!, second!, failed!]) {
      expect(Date.parse(r.finishedAt!)).toBeGreaterThanOrEqual(Date.parse(r.startedAt));
    }
  });

  it.each(VENDORS)(
    '%s: the problems CSV has one row per problem, with the value the HR system sent',
    async (provider) => {
      const staff = people(30, 9);
      const badSortCode = staff.find((p) => p.expectedProblems.includes('sortCode'));
      const badGender = staff.find((p) => p.expectedProblems.includes('gender'));
      expect(badSortCode && badGender).toBeTruthy();
      core = makeCore();
      vendor = await startVendor(provider, staff);
      const id = await connect(core, vendor);
      const [run] = await call(core, 'sync.history', { companyId: id, limit: 1 });

      const { filename, csv } = await call(core, 'sync.runProblemsCsv', { runId: run!.runId });
      expect(filename).toMatch(/\.csv$/);
      const rows = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true }).data;
      // One row per problem (errors and warnings) on every employee the run wrote.
      expect(rows.length).toBe(tableCounts(core.dbFile).employee_problems);
      expect(rows.filter((r) => r.Severity === 'Blocks payroll').length).toBe(run!.counts.problems);

      const sortEmp = await employeeByHrId(core, id, vendor.externalId(badSortCode!));
      const sortRow = rows.find((r) => r['Employee ID'] === sortEmp.shownId && r.Field === 'sortCode');
      expect(sortRow?.['Value in HR system']?.replace(/\D/g, '')).toBe(badSortCode!.sortCode.replace(/\D/g, ''));
      expect(sortRow?.Message?.length).toBeGreaterThan(10);
      const genderEmp = await employeeByHrId(core, id, vendor.externalId(badGender!));
      const genderRow = rows.find((r) => r['Employee ID'] === genderEmp.shownId && r.Field === 'gender');
      const sentGender = storedRecord(core.dbFile, genderEmp.identity).fields[vendor.keys.gender];
      expect(sentGender).toBeTruthy();
      expect(genderRow?.['Value in HR system']).toBe(sentGender);
      expect(genderRow?.Name).toBe(genderEmp.name);
    },
  );
});
