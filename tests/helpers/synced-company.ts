import { afterEach, expect } from 'vitest';
import type { Credentials } from '../../src-main/contract/providers';
import type { RunSummary } from '../../src-main/contract/sync';
import type { Core } from '../../src-main/core/app';
import { startFakePersonio, PERSONIO_FAKE_CREDENTIALS } from '../../src-main/fake-hr/personio';
import { generatePeople, type SamplePerson } from '../../src-main/fake-hr/sample-people';
import { call, FakeClock, makeCore } from './core';

export const HOUR = 3_600_000;

/** A core on a hand-moved clock with one company on a fake HR system, its first sync done. */
export interface SyncedCompany<F> {
  core: Core;
  fake: F;
  clock: FakeClock;
  id: string;
  staff: SamplePerson[];
  first: RunSummary;
}

/**
 * The set-up of the hourly-run tests, once: registers the clean-up (the core and the fake close after each
 * test) and returns a starter. The starter generates staff, starts the fake with the clock's time as its
 * "now" (so modified times follow the clock) and any options a test gives it, and adds the company on a
 * core at 09:00 on 2 November 2026.
 */
export function useSyncedCompany<F extends { baseUrl: string; close(): Promise<void> }, O = never>(vendor: {
  start(staff: SamplePerson[], now: () => number, options?: O): Promise<F>;
  credentials(fake: F): Credentials;
}): (o: {
  count: number;
  seed: number;
  fakeOptions?: O;
  coreOptions?: Parameters<typeof makeCore>[0];
}) => Promise<SyncedCompany<F>> {
  const open: Array<{ core: Core; fake: F }> = [];
  afterEach(async () => {
    for (const { core, fake } of open.splice(0)) {
      await core.close();
      await fake.close();
    }
  });
  return async ({ count, seed, fakeOptions, coreOptions }) => {
    const clock = new FakeClock('2026-11-02T09:00:00Z');
    const staff = generatePeople({ count, seed });
    const fake = await vendor.start(staff, () => clock.now().getTime(), fakeOptions);
    const core = makeCore({ ...coreOptions, clock });
    open.push({ core, fake });
    const { id } = await call(core, 'companies.create', {
      name: 'Hourly Ltd',
      credentials: vendor.credentials(fake),
      baseUrl: fake.baseUrl,
    });
    const first = await call(core, 'companies.review', { companyId: id });
    expect(first.status).toBe('succeeded');
    return { core, fake, clock, id, staff, first };
  };
}

/** The fake Personio, for useSyncedCompany. */
export const FAKE_PERSONIO = {
  start: (people: SamplePerson[], now: () => number) => startFakePersonio({ people, now }),
  credentials: (): Credentials => ({ provider: 'personio', ...PERSONIO_FAKE_CREDENTIALS }),
};
