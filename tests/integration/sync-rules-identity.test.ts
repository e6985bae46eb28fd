import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../src-main/core/app';
import type { SamplePerson } from '../../src-main/fake-hr/sample-people';
import { call, makeCore } from '../helpers/core';
import {
  connect,
  employeeByHrId,
  employeesTable,
  people,
  settle,
  startVendor,
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

const renamed = (p: SamplePerson, lastName: string): SamplePerson => ({ ...p, lastName });

describe('Identity: an employee is matched on the company ID field, never duplicated', () => {
  it.each(VENDORS)(
    '%s: someone already stored as active, leaver, excluded or missing is updated in place when the HR system sends them again',
    async (provider) => {
      const staff = people(24);
      const current = staff.filter((p) => !p.isLeaver);
      const [active, willLeave, willBeExcluded, willGoMissing] = current as [
        SamplePerson,
        SamplePerson,
        SamplePerson,
        SamplePerson,
      ];
      core = makeCore();
      vendor = await startVendor(provider, staff);
      const id = await connect(core, vendor);
      const v = vendor;
      const before = employeesTable(core.dbFile);
      expect(before.size).toBe(24);

      // Bring each of the four into its state: leaver in the HR system, excluded by a filter, removed from HR.
      v.fake.setPeople(
        staff.map((p) => (p.seq === willLeave.seq ? v.makeLeaver(p) : p)).filter((p) => p.seq !== willGoMissing.seq),
      );
      await call(core, 'filters.set', {
        companyId: id,
        filters: [{ mode: 'exclude', field: v.keys.email, operator: 'is', values: [willBeExcluded.email] }],
      });
      await settle(core, id);
      const states = async () =>
        Object.fromEntries(
          await Promise.all(
            [active, willLeave, willBeExcluded, willGoMissing].map(async (p) => [
              p.seq,
              (await employeeByHrId(core!, id, v.externalId(p))).state,
            ]),
          ),
        );
      expect(await states()).toEqual({
        [active.seq]: 'active',
        [willLeave.seq]: 'leaver',
        [willBeExcluded.seq]: 'excluded',
        [willGoMissing.seq]: 'missing',
      });

      // Now every one of them comes back with a new surname: each is updated, nobody is added.
      await call(core, 'filters.set', { companyId: id, filters: [] });
      await settle(core, id);
      const four = new Set([active.seq, willLeave.seq, willBeExcluded.seq, willGoMissing.seq]);
      v.fake.setPeople(
        staff.map((p) =>
          four.has(p.seq) ? renamed(p.seq === willLeave.seq ? v.makeLeaver(p) : p, `Newname${p.seq}`) : p,
        ),
      );
      const run = await call(core, 'sync.company', { companyId: id });
      expect(run.status).toBe('succeeded');
      expect(run.counts.created).toBe(0);

      const after = employeesTable(core.dbFile);
      expect(after.size).toBe(24);
      for (const p of [active, willLeave, willBeExcluded, willGoMissing]) {
        const e = await employeeByHrId(core, id, v.externalId(p));
        expect(before.get(e.identity)?.id).toBe(e.id);
        expect(e.values.lastName).toBe(`Newname${p.seq}`);
      }
      expect(await states()).toEqual({
        [active.seq]: 'active',
        [willLeave.seq]: 'leaver',
        [willBeExcluded.seq]: 'active',
        [willGoMissing.seq]: 'active',
      });
    },
  );

  it.each(VENDORS)(
    '%s: a new person in the HR system is a new starter; everyone else is matched, not added again',
    async (provider) => {
      const staff = people(21);
      core = makeCore();
      vendor = await startVendor(provider, staff.slice(0, 20));
      const id = await connect(core, vendor);
      vendor.fake.setPeople(staff);
      const run = await call(core, 'sync.company', { companyId: id });
      expect(run.counts).toMatchObject({ created: 1, missing: 0 });
      expect(run.counts.updated + run.counts.unchanged).toBe(20);
      expect(employeesTable(core.dbFile).size).toBe(21);
      expect((await employeeByHrId(core, id, vendor.externalId(staff[20]!))).state).toBe('active');
    },
  );
});

describe('Identity: Personio matches on the ID field the bureau picked', () => {
  const PAYROLL_ID = 'dynamic_24427'; // the fake's "Payroll ID" custom attribute (the employee number)

  async function personioOnPayrollId(staff: SamplePerson[]) {
    core = makeCore();
    vendor = await startVendor('personio', staff);
    const { id } = await call(core, 'companies.create', {
      name: 'Payroll ID Ltd',
      credentials: vendor.credentials,
      baseUrl: vendor.fake.baseUrl,
    });
    await call(core, 'settings.set', { companyId: id, patch: { idField: PAYROLL_ID } });
    const first = await call(core, 'companies.review', { companyId: id });
    expect(first.status).toBe('succeeded');
    return id;
  }

  it('someone re-created in Personio under a new Personio id but the same Payroll ID is the same employee, updated not duplicated', async () => {
    const staff = people(20);
    const id = await personioOnPayrollId(staff);
    const c = core!;
    const target = staff[4]!;
    const stored = await employeeByHrId(c, id, vendor!.externalId(target));
    expect(stored.identity).toBe(target.employeeNumber);

    // Same person, same Payroll ID, but Personio gives the new profile another id (the fake derives ids from seq).
    const recreated: SamplePerson = { ...target, seq: 500, lastName: 'Recreated' };
    vendor!.fake.setPeople(staff.map((p) => (p.seq === target.seq ? recreated : p)));
    const run = await call(c, 'sync.company', { companyId: id });
    expect(run.status).toBe('succeeded');
    expect(run.counts).toMatchObject({ created: 0, missing: 0 });

    const after = await employeeByHrId(c, id, vendor!.externalId(recreated));
    expect(after.id).toBe(stored.id);
    expect(after.identity).toBe(target.employeeNumber);
    expect(after.values.lastName).toBe('Recreated');
    expect(employeesTable(c.dbFile).size).toBe(20);
  });

  it('a person with no Payroll ID is not synced and the run says why; two people sharing one are not merged', async () => {
    const staff = people(20);
    const id = await personioOnPayrollId(staff);
    const c = core!;
    const noId = { ...staff[2]!, employeeNumber: '' };
    // Personio lists by id, so the real holder (seq 6) comes before the newer profile (seq 9) claiming their ID.
    const twin = { ...staff[8]!, employeeNumber: staff[5]!.employeeNumber, lastName: 'Twin' };
    const before = employeesTable(c.dbFile);
    vendor!.fake.setPeople(staff.map((p) => (p.seq === noId.seq ? noId : p.seq === twin.seq ? twin : p)));
    const run = await call(c, 'sync.company', { companyId: id });
    expect(run.status).toBe('succeeded');
    expect(run.counts.created).toBe(0);
    const { csv: problems } = await call(c, 'sync.runProblemsCsv', { runId: run.runId });
    expect(problems).toMatch(/missing_id/);
    expect(problems).toMatch(/duplicate_id/);
    // The holder of the shared ID keeps their record and their own data; the twin is not written over them.
    const holder = await employeeByHrId(c, id, vendor!.externalId(staff[5]!));
    expect(holder.id).toBe(before.get(staff[5]!.employeeNumber)?.id);
    expect(holder.values.lastName).toBe(staff[5]!.lastName);
    expect(employeesTable(c.dbFile).size).toBe(20);
  });

  it('switching the ID field after the first sync keeps every employee (re-keyed on the new field), no duplicates', async () => {
    const staff = people(20);
    core = makeCore();
    vendor = await startVendor('personio', staff);
    const id = await connect(core, vendor);
    const before = employeesTable(core.dbFile);
    await call(core, 'settings.set', { companyId: id, patch: { idField: PAYROLL_ID } });
    await settle(core, id);
    const [run] = await call(core, 'sync.history', { companyId: id, limit: 1 });
    expect(run).toMatchObject({ trigger: 'settings', status: 'succeeded' });
    expect(run!.counts).toMatchObject({ created: 0, missing: 0 });
    const after = employeesTable(core.dbFile);
    expect(after.size).toBe(20);
    for (const p of staff) {
      const was = before.get(vendor.externalId(p))!;
      expect(after.get(p.employeeNumber)?.id).toBe(was.id);
    }
    // A later change of the value in the (now unchanged) ID field is a new ID, as the identity rules say.
    vendor.fake.setPeople(staff.map((p) => (p.seq === 3 ? { ...p, employeeNumber: 'E77777' } : p)));
    const next = await call(core, 'sync.company', { companyId: id });
    expect(next.counts).toMatchObject({ created: 1, missing: 1 });
  });
});
