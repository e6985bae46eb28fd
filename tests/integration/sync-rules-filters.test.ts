import Database from 'better-sqlite3';
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

/** Everyone in one department, and the rest; the staff list is made so both are non-empty. */
function split(staff: SamplePerson[]): { dept: string; inDept: SamplePerson[]; others: SamplePerson[] } {
  const dept = staff[0]!.department;
  return {
    dept,
    inDept: staff.filter((p) => p.department === dept),
    others: staff.filter((p) => p.department !== dept),
  };
}

function runCount(dbFile: string): number {
  const db = new Database(dbFile, { readonly: true });
  try {
    return (db.prepare('SELECT COUNT(*) AS n FROM sync_runs').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

describe('Filters decide who is synced', () => {
  it.each(VENDORS)(
    '%s: include and exclude rules keep people who were never synced out of payroll: listed as excluded with their rule, no payroll fields stored',
    async (provider) => {
      const staff = people(24);
      const { dept, inDept, others } = split(staff);
      const excludedOne = inDept[1] ?? inDept[0]!;
      core = makeCore();
      vendor = await startVendor(provider, staff);
      const { id } = await call(core, 'companies.create', {
        name: 'Filtered Ltd',
        credentials: vendor.credentials,
        baseUrl: vendor.fake.baseUrl,
      });
      await call(core, 'filters.set', {
        companyId: id,
        filters: [
          { mode: 'include', field: vendor.keys.department, operator: 'is', values: [dept] },
          { mode: 'exclude', field: vendor.keys.email, operator: 'is', values: [excludedOne.email] },
        ],
      });
      const run = await call(core, 'companies.review', { companyId: id });
      expect(run.status).toBe('succeeded');
      expect(run.counts.created).toBe(inDept.length - 1);
      expect(run.counts.excluded).toBe(others.length + 1);
      const stored = employeesTable(core.dbFile);
      expect(stored.size).toBe(staff.length);
      const byHrId = new Map([...stored.values()].map((e) => [e.hr_id, e]));
      for (const p of [...others, excludedOne]) {
        const e = byHrId.get(vendor.externalId(p))!;
        expect(e).toMatchObject({ state: 'excluded', values_json: '{}' });
      }
      // "Why is X not in payroll?": the Excluded list names each of them, with the rule that left them out.
      const listed = await call(core, 'employees.list', { companyId: id, status: 'excluded' });
      expect(listed.total).toBe(others.length + 1);
      const other = listed.rows.find((r) => r.hrId === vendor!.externalId(others[0]!))!;
      expect(other.name).toBe(`${others[0]!.firstName} ${others[0]!.lastName}`);
      expect(other.excludedBy).toMatch(/^Not included: ".+" is not ".+" \(rule 1\)$/);
      const one = listed.rows.find((r) => r.hrId === vendor!.externalId(excludedOne))!;
      expect(one.excludedBy).toMatch(/^Excluded by rule 2: ".+" is ".+"$/);
      const page = await call(core, 'employees.get', { companyId: id, employeeId: one.id });
      expect(page.excludedBy).toBe(one.excludedBy);
      expect(page.values).toEqual({});
      // The record kept of them holds nothing payroll needs: no salary, bank or NI number.
      const db = new Database(core.dbFile, { readonly: true });
      const kept = JSON.parse(
        db.prepare('SELECT record_json FROM employees WHERE id = ?').pluck().get(one.id) as string,
      ) as { fields: Record<string, unknown> };
      db.close();
      expect(Object.keys(kept.fields).length).toBeLessThanOrEqual(8);
      if (excludedOne.niNumber) expect(JSON.stringify(kept)).not.toContain(excludedOne.niNumber);
      // Brought back in by a filter change: synced in full, their fields recorded as changes.
      await call(core, 'filters.set', { companyId: id, filters: [] });
      await settle(core, id);
      const back = await call(core, 'employees.get', { companyId: id, employeeId: one.id });
      expect(back.state).not.toBe('excluded');
      expect(back.excludedBy).toBeNull();
      expect(back.values.lastName).toBe(excludedOne.lastName);
    },
  );

  it.each(VENDORS)(
    '%s: someone synced before and now excluded is kept as excluded and no longer updated',
    async (provider) => {
      const staff = people(20);
      const target = staff.find((p) => !p.isLeaver)!;
      core = makeCore();
      vendor = await startVendor(provider, staff);
      const id = await connect(core, vendor);
      const v = vendor;
      const before = await employeeByHrId(core, id, v.externalId(target));

      await call(core, 'filters.set', {
        companyId: id,
        filters: [{ mode: 'exclude', field: v.keys.email, operator: 'is', values: [target.email] }],
      });
      await settle(core, id);
      const excluded = await employeeByHrId(core, id, v.externalId(target));
      expect(excluded).toMatchObject({ id: before.id, state: 'excluded', values: before.values });

      // HR changes the excluded person (but not the filtered field): nothing about them moves.
      const rowBefore = employeesTable(core.dbFile).get(excluded.identity)!;
      v.fake.setPeople(
        staff.map((p) =>
          p.seq === target.seq ? { ...p, lastName: 'ChangedWhileExcluded', department: 'Elsewhere' } : p,
        ),
      );
      const run = await call(core, 'sync.company', { companyId: id });
      expect(run.status).toBe('succeeded');
      expect(run.counts.excluded).toBe(1);
      const after = await employeeByHrId(core, id, v.externalId(target));
      expect(after.state).toBe('excluded');
      expect(after.values).toEqual(before.values);
      expect(after.changes).toEqual([]);
      expect(employeesTable(core.dbFile).get(excluded.identity)).toMatchObject({
        values_json: rowBefore.values_json,
        record_hash: rowBefore.record_hash,
        last_synced_at: rowBefore.last_synced_at,
      });
      expect((await call(core, 'employees.list', { companyId: id, status: 'excluded' })).total).toBe(1);
    },
  );

  it.each(VENDORS)('%s: the filter preview says who is in and out, and writes nothing at all', async (provider) => {
    const staff = people(20);
    const { dept, inDept, others } = split(staff);
    core = makeCore();
    vendor = await startVendor(provider, staff);
    const id = await connect(core, vendor);
    const v = vendor;
    await call(core, 'filters.set', {
      companyId: id,
      filters: [{ mode: 'include', field: v.keys.department, operator: 'is', values: [dept] }],
    });
    await settle(core, id);

    // The HR system changes; a preview must not pull any of it into payroll, nor record a run.
    v.fake.setPeople(staff.map((p) => ({ ...p, lastName: `${p.lastName}-Preview` })));
    const table = employeesTable(core.dbFile);
    const counts = tableCounts(core.dbFile);
    const runs = runCount(core.dbFile);
    const company = await call(core, 'companies.get', { companyId: id });

    const preview = await call(core, 'companies.preview', { companyId: id });
    expect(preview.complete).toBe(true);
    expect(preview.included).toBe(inDept.length);
    expect(preview.excluded).toBe(others.length);
    const out = preview.employees.find((e) => e.externalId === v.externalId(others[0]!))!;
    expect(out.included).toBe(false);
    expect(out.reason).toMatch(/Not included/);

    expect(employeesTable(core.dbFile)).toEqual(table);
    expect(tableCounts(core.dbFile)).toEqual(counts);
    expect(runCount(core.dbFile)).toBe(runs);
    const companyAfter = await call(core, 'companies.get', { companyId: id });
    expect(companyAfter.lastAttempt).toEqual(company.lastAttempt);
    expect(companyAfter.lastSuccessfulSyncAt).toBe(company.lastSuccessfulSyncAt);
  });
});
