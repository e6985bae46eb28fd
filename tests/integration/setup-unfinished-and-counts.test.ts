import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../src-main/core/app';
import { call, FakeClock, makeCore } from '../helpers/core';
import { connect, employeesTable, people, settle, startVendor, type VendorFake } from './sync-rules-vendors';

let core: Core | null = null;
let vendor: VendorFake | null = null;
afterEach(async () => {
  await core?.close();
  await vendor?.fake.close();
  core = null;
  vendor = null;
});

describe('a company whose set-up is not finished', () => {
  it('is refused by Sync now (contract) and skipped by the scheduler and Sync all: nothing is imported', async () => {
    const clock = new FakeClock('2026-11-22T09:00:00Z');
    core = makeCore({ clock });
    vendor = await startVendor('personio', people(12));
    const { id } = await call(core, 'companies.create', {
      name: 'Half Set Up Ltd',
      credentials: vendor.credentials,
      baseUrl: vendor.fake.baseUrl,
    });

    const r = await core.invoke('sync.company', { companyId: id });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('VALIDATION');
      expect(r.error.message).toBe('Finish setting up Half Set Up Ltd first: nothing has been synced');
    }
    expect(await call(core, 'sync.all', {})).toEqual([]);
    clock.advance(2 * 60 * 60_000);
    core.scheduler.checkDue();
    expect(core.scheduler.isRunning(id)).toBe(false);
    expect(employeesTable(core.dbFile).size).toBe(0);
    expect(await call(core, 'sync.history', { companyId: id })).toEqual([]);

    // Finishing the set-up (the wizard's review step) is what syncs it, and Sync now works from then on.
    expect((await call(core, 'companies.review', { companyId: id })).status).toBe('succeeded');
    expect((await call(core, 'sync.company', { companyId: id })).status).toBe('succeeded');
  });
});

describe("a run's Updated count", () => {
  it('counts the employees with at least one recorded field change, and the change history shows each of them', async () => {
    core = makeCore();
    vendor = await startVendor('personio', people(20));
    const id = await connect(core, vendor);
    const c = core;
    const detail = await call(c, 'companies.get', { companyId: id });
    expect(detail.canReadSalaries).toBe(true);

    // Salaries on, then off again: the second change re-reads everyone, and what it records is what it counts.
    for (const syncSalaries of [true, false]) {
      await call(c, 'settings.set', { companyId: id, patch: { syncSalaries } });
      await settle(c, id);
      const [run] = await call(c, 'sync.history', { companyId: id, limit: 1 });
      expect(run!.status).toBe('succeeded');
      const changed = new Set(
        c.reports
          .changes(id)
          .filter((ch) => ch.runId === run!.runId)
          .map((ch) => ch.externalId),
      );
      expect(run!.counts.updated).toBe(changed.size);
      expect(run!.counts.created + run!.counts.updated + run!.counts.unchanged + run!.counts.excluded).toBe(20);
    }
  });
});
