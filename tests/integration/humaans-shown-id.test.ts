import Papa from 'papaparse';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../src-main/core/app';
import type { SamplePerson } from '../../src-main/fake-hr/sample-people';
import { call, makeCore } from '../helpers/core';
import { connect, people, startVendor, type VendorFake } from './sync-rules-vendors';

let core: Core | null = null;
let vendor: VendorFake | null = null;
afterEach(async () => {
  await core?.close();
  await vendor?.fake.close();
  core = null;
  vendor = null;
});

describe('Humaans: the Employee ID a clerk sees is the one Humaans shows', () => {
  it('lists, shows, finds and exports people by their Humaans employeeId (e.g. HU0162), not the internal person id', async () => {
    const staff = people(15);
    core = makeCore();
    vendor = await startVendor('humaans', staff);
    const id = await connect(core, vendor);
    const someone = staff.find((p) => !p.isLeaver) as SamplePerson;
    const shown = someone.employeeNumber;
    const internal = vendor.externalId(someone);
    expect(shown).not.toBe(internal);

    const found = await call(core, 'employees.list', { companyId: id, search: shown });
    expect(found.rows.map((r) => r.shownId)).toEqual([shown]);
    expect(found.rows[0]!.identity).toBe(internal); // still the key behind the scenes

    const detail = await call(core, 'employees.get', { companyId: id, employeeId: found.rows[0]!.id });
    expect(detail.shownId).toBe(shown);
    expect(detail.hrId).toBe(internal);

    const all = await call(core, 'employees.list', { companyId: id });
    const numbers = new Set(staff.map((p) => p.employeeNumber));
    expect(all.rows.every((r) => numbers.has(r.shownId))).toBe(true);
    expect(all.rows.some((r) => r.shownId === internal)).toBe(false);

    const [run] = await call(core, 'sync.history', { companyId: id, limit: 1 });
    const { csv } = await call(core, 'sync.runProblemsCsv', { runId: run!.runId });
    const ids = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true }).data.map(
      (r) => r['Employee ID'],
    );
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.some((x) => staff.some((p) => vendor!.externalId(p) === x))).toBe(false);
  });
});
