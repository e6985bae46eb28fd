import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../src-main/core/app';
import { call, makeCore } from '../helpers/core';
import {
  connect,
  employeesTable,
  people,
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

async function until(cond: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !cond(); i++) await new Promise((r) => setTimeout(r, 5));
  if (!cond()) throw new Error('condition never became true');
}

describe('Cancel', () => {
  it.each(VENDORS)(
    '%s: cancelling a running sync stops it, records it as cancelled, and writes nothing',
    async (provider) => {
      const staff = people(20);
      core = makeCore();
      vendor = await startVendor(provider, staff);
      const id = await connect(core, vendor);
      const table = employeesTable(core.dbFile);
      const counts = tableCounts(core.dbFile);

      vendor.fake.setPeople(staff.slice(0, 12).map((p) => ({ ...p, lastName: `${p.lastName}-Cancelled` })));
      vendor.fake.faults.slowMs = 150;
      const mark = vendor.fake.log.length;
      const running = call(core, 'sync.company', { companyId: id });
      // Cancel once the run is talking to the HR system.
      await until(() => vendor!.fake.log.length > mark);
      expect(await call(core, 'sync.cancel', { companyId: id })).toEqual({ cancelled: true });
      const run = await running;
      expect(run.status).toBe('cancelled');
      expect(run.error?.code).toBe('CANCELLED');
      expect(employeesTable(core.dbFile)).toEqual(table);
      expect(tableCounts(core.dbFile)).toEqual(counts);
      expect(core.scheduler.isRunning(id)).toBe(false);
      expect(await call(core, 'sync.cancel', { companyId: id })).toEqual({ cancelled: false });

      vendor.fake.faults.slowMs = 0;
      const next = await call(core, 'sync.company', { companyId: id });
      expect(next.status).toBe('succeeded');
      expect(next.counts.missing).toBe(8);
    },
  );
});
