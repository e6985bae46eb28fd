import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../src-main/core/app';
import { call, makeCore } from '../helpers/core';
import { connect, employeesTable, people, startVendor, type VendorFake } from './sync-rules-vendors';

let core: Core | null = null;
let vendor: VendorFake | null = null;
afterEach(async () => {
  await core?.close();
  await vendor?.fake.close();
  core = null;
  vendor = null;
});

describe('Settings previews write nothing and start no sync', () => {
  it('Who to sync: rules not yet saved are previewed, the saved ones stay', async () => {
    const staff = people(16);
    core = makeCore();
    vendor = await startVendor('personio', staff);
    const id = await connect(core, vendor);
    const dept = staff[0]!.department;
    const p = await call(core, 'companies.preview', {
      companyId: id,
      filters: [{ mode: 'exclude', field: vendor.keys.department, operator: 'is', values: [dept] }],
    });
    expect(p.excluded).toBe(staff.filter((s) => s.department === dept).length);
    expect(await call(core, 'filters.get', { companyId: id })).toEqual([]);
    expect(core.scheduler.isRunning(id)).toBe(false);
  });

  it('Field matching: says how many employees a new matching would move to Pending, before it is saved', async () => {
    core = makeCore();
    vendor = await startVendor('personio', people(16));
    const id = await connect(core, vendor);
    const table = employeesTable(core.dbFile);
    const mapping = await call(core, 'mapping.get', { companyId: id });
    const ready = (await call(core, 'employees.list', { companyId: id, status: 'ready' })).total;
    expect(ready).toBeGreaterThan(0);
    const same = await call(core, 'mapping.preview', { companyId: id, mapping });
    expect(same).toMatchObject({ toReady: 0, toPending: 0 });
    const noSurname = await call(core, 'mapping.preview', { companyId: id, mapping: { ...mapping, lastName: null } });
    // Unmapped, the surname is kept from the last sync ("Do not map" never touches it): nobody moves.
    expect(noSurname.toPending).toBe(0);
    const wrongDate = await call(core, 'mapping.preview', {
      companyId: id,
      mapping: { ...mapping, dateOfBirth: 'email' },
    });
    expect(wrongDate.toPending).toBe(ready);
    expect(await call(core, 'mapping.get', { companyId: id })).toEqual(mapping);
    expect(employeesTable(core.dbFile)).toEqual(table);
  });
});
