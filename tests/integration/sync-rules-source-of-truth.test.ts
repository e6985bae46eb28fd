import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../src-main/core/app';
import type { SamplePerson } from '../../src-main/fake-hr/sample-people';
import { call, makeCore } from '../helpers/core';
import { connect, employeeByHrId, people, settle, startVendor, VENDORS, type VendorFake } from './sync-rules-vendors';

let core: Core | null = null;
let vendor: VendorFake | null = null;
afterEach(async () => {
  await core?.close();
  await vendor?.fake.close();
  core = null;
  vendor = null;
});

async function setup(provider: VendorFake['provider'], staff: SamplePerson[]) {
  core = makeCore();
  vendor = await startVendor(provider, staff);
  const id = await connect(core, vendor);
  return { c: core, v: vendor, id };
}

const current = (staff: SamplePerson[]) => staff.filter((p) => !p.isLeaver && p.expectedProblems.length === 0);

describe('The HR system is the source of truth', () => {
  it.each(VENDORS)(
    '%s: a mapped field changed in HR overwrites payroll, and one blanked in HR blanks the payroll field',
    async (provider) => {
      const staff = people(20);
      const a = current(staff).find((p) => p.middleName !== null)!;
      const b = current(staff).find((p) => p.seq !== a.seq)!;
      const { c, v, id } = await setup(provider, staff);
      expect((await employeeByHrId(c, id, v.externalId(a))).values.middleName).toBe(a.middleName);

      v.fake.setPeople(
        staff.map((p) =>
          p.seq === a.seq ? { ...p, middleName: null } : p.seq === b.seq ? { ...p, department: 'Payroll' } : p,
        ),
      );
      const run = await call(c, 'sync.company', { companyId: id });
      expect(run.status).toBe('succeeded');
      expect(run.counts.updated).toBe(2);
      expect((await employeeByHrId(c, id, v.externalId(a))).values.middleName).toBeNull();
      expect((await employeeByHrId(c, id, v.externalId(b))).values.department).toBe('Payroll');
    },
  );

  it.each(VENDORS)(
    '%s: a field set to "Do not map" is never touched again, whatever the HR system sends',
    async (provider) => {
      const staff = people(20);
      const [a, b] = current(staff) as [SamplePerson, SamplePerson];
      const { c, v, id } = await setup(provider, staff);
      const mapping = await call(c, 'mapping.get', { companyId: id });
      expect(mapping.department).toBe(v.keys.department);

      await call(c, 'mapping.set', { companyId: id, mapping: { department: null } });
      await settle(c, id);
      expect((await call(c, 'mapping.get', { companyId: id })).department).toBeNull();
      // Both a changed and a blanked value in HR leave the stored payroll value as it was.
      v.fake.setPeople(
        staff.map((p) =>
          p.seq === a.seq ? { ...p, department: 'Changed in HR' } : p.seq === b.seq ? { ...p, department: '' } : p,
        ),
      );
      const run = await call(c, 'sync.company', { companyId: id });
      expect(run.status).toBe('succeeded');
      const ea = await employeeByHrId(c, id, v.externalId(a));
      const eb = await employeeByHrId(c, id, v.externalId(b));
      expect(ea.values.department).toBe(a.department);
      expect(eb.values.department).toBe(b.department);
      expect([...ea.changes, ...eb.changes].filter((ch) => ch.field === 'department')).toEqual([]);
      // Mapped fields on the same people are still overwritten in that run.
      v.fake.setPeople(
        staff.map((p) => (p.seq === a.seq ? { ...p, department: 'Changed in HR', lastName: 'Mapped-Still' } : p)),
      );
      await call(c, 'sync.company', { companyId: id });
      const again = await employeeByHrId(c, id, v.externalId(a));
      expect(again.values).toMatchObject({ lastName: 'Mapped-Still', department: a.department });
    },
  );

  it.each(VENDORS)(
    '%s: every field change is recorded with employee, field, from, to, run and time',
    async (provider) => {
      const staff = people(20);
      const [a] = current(staff) as [SamplePerson];
      const { c, v, id } = await setup(provider, staff);
      const emp = await employeeByHrId(c, id, v.externalId(a));
      expect(emp.changes).toEqual([]);

      v.fake.setPeople(
        staff.map((p) => (p.seq === a.seq ? { ...p, lastName: 'Marriedname', department: 'Finance Ops' } : p)),
      );
      const run = await call(c, 'sync.company', { companyId: id });
      expect(run.status).toBe('succeeded');
      const after = await employeeByHrId(c, id, v.externalId(a));
      expect(after.id).toBe(emp.id);
      const byField = Object.fromEntries(after.changes.map((ch) => [ch.field, ch]));
      expect(byField.lastName).toMatchObject({ from: a.lastName, to: 'Marriedname', runId: run.runId });
      expect(byField.department).toMatchObject({ from: a.department, to: 'Finance Ops', runId: run.runId });
      const at = Date.parse(byField.lastName!.at);
      expect(at).toBeGreaterThanOrEqual(Date.parse(run.startedAt));
      expect(at).toBeLessThanOrEqual(Date.parse(run.finishedAt!));
      // The company-wide history (CLI `changes`) names the employee by their HR id.
      const history = c.reports.changes(id, v.externalId(a));
      expect(history.map((h) => [h.field, h.from, h.to, h.runId]).sort()).toEqual(
        [
          ['department', a.department, 'Finance Ops', run.runId],
          ['lastName', a.lastName, 'Marriedname', run.runId],
        ].sort(),
      );
      // Only the people who changed have history.
      expect(c.reports.changes(id).every((h) => h.externalId === v.externalId(a))).toBe(true);
    },
  );
});
