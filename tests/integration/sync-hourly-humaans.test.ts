import { describe, expect, it } from 'vitest';
import { employeeRows } from '../helpers/core';
import { HOUR, useSyncedCompany } from '../helpers/synced-company';
import type { Core } from '../../src-main/core/app';
import type { FakeHumaansOptions } from '../../src-main/fake-hr/humaans/options';
import { startFakeHumaans, HUMAANS_DEMO_TOKEN, type FakeHumaans } from '../../src-main/fake-hr/humaans';

/**
 * The hourly run of a Humaans company asks each collection for rows changed since the last sync
 * (updatedAt[$gt], unverified on the real API, so probed first) and reads only the people they belong to,
 * plus a roll call; a Humaans that does not honour the filter is read in full, as before.
 */
const start = useSyncedCompany({
  start: (people, now, opts: Partial<FakeHumaansOptions> = {}) =>
    startFakeHumaans({ people, today: '2026-11-01', now, ...opts }),
  credentials: () => ({ provider: 'humaans', token: HUMAANS_DEMO_TOKEN }),
});
let core: Core;
let fake: FakeHumaans;

/** A Humaans company synced once, an hour before the test's hourly run, with the fake's log cleared. */
async function connected(count = 20, opts: Partial<FakeHumaansOptions> = {}) {
  const c = await start({ count, seed: 31, fakeOptions: opts });
  ({ core, fake } = c);
  fake.log.length = 0;
  c.clock.advance(HOUR);
  return c;
}

const hourly = (id: string) => core.engine.runCompany(id, 'scheduled');
const changeQueries = () => fake.log.filter((e) => decodeURIComponent(e.url).includes('updatedAt[$gt]'));
/** Whole-collection reads of related records (what a full read does, and the hourly check must not). */
const fullRelatedReads = () =>
  fake.log.filter(
    (e) =>
      e.path === '/api/custom-values' &&
      !decodeURIComponent(e.url).includes('updatedAt') &&
      !decodeURIComponent(e.url).includes('personId'),
  );

describe('the hourly run of a Humaans company', () => {
  it('with nothing changed asks each collection what changed, reads no related list whole, and writes nothing', async () => {
    const { id, first } = await connected(20);
    const before = employeeRows(core.dbFile);
    const run = await hourly(id);

    expect(run.status).toBe('succeeded');
    expect(run.note).toMatch(/Hourly check: Humaans reported 0 people changed/);
    const asked = new Set(changeQueries().map((e) => e.path));
    expect([...asked].sort()).toEqual([
      '/api/bank-accounts',
      '/api/custom-fields',
      '/api/custom-values',
      '/api/job-roles',
      '/api/people',
    ]);
    // Asked from a quarter of an hour before the last run started (clock drift).
    expect(decodeURIComponent(changeQueries().find((e) => e.path === '/api/job-roles')!.url)).toContain(
      'updatedAt[$gt]=2026-11-02T08:45:00.000Z',
    );
    expect(fullRelatedReads()).toHaveLength(0);
    expect(employeeRows(core.dbFile)).toEqual(before);
    expect(run.counts).toEqual({
      ...first.counts,
      created: 0,
      unchanged: first.counts.created + first.counts.unchanged,
    });
  });

  it('an edit in Humaans reaches the next hourly run; someone deleted is marked missing', async () => {
    const { id, staff } = await connected(20);
    const edited = staff.find((p) => !p.isLeaver)!;
    const gone = staff.filter((p) => !p.isLeaver)[4]!;
    fake.setPeople(
      staff.filter((p) => p !== gone).map((p) => (p === edited ? { ...p, jobTitle: 'Head of Payroll' } : p)),
    );
    const run = await hourly(id);

    expect(run.status).toBe('succeeded');
    expect(run.counts).toMatchObject({ created: 0, updated: 1, missing: 1 });
    expect(run.note).toMatch(/reported 1 person changed/);
    expect(core.reports.changes(id)).toEqual([expect.objectContaining({ field: 'jobTitle', to: 'Head of Payroll' })]);
  });

  it('when many people changed it reads everyone at once instead of one by one', async () => {
    const { id, staff } = await connected(20);
    // Eleven of twenty: more than the ten a small company's check reads one by one.
    fake.setPeople(staff.map((p, i) => (i < 11 ? { ...p, phone: `07700 9000${String(i).padStart(2, '0')}` } : p)));
    const run = await hourly(id);
    expect(run.status).toBe('succeeded');
    expect(run.note).toBeNull();
    expect(fullRelatedReads().length).toBeGreaterThan(0);
    expect(run.counts.updated).toBeGreaterThan(0);
  });

  it.each([['ignored'], ['refused']] as const)(
    'a Humaans whose updatedAt filter is %s is read in full, correctly',
    async (mode) => {
      const { id, staff } = await connected(12, { updatedAtFilter: mode });
      fake.setPeople(staff.map((p, i) => (i === 2 ? { ...p, jobTitle: 'Changed Title' } : p)));
      const run = await hourly(id);

      expect(run.status).toBe('succeeded');
      expect(run.note).toBeNull();
      // The probe alone told: asked for changes after 2999, this Humaans did not answer "nobody".
      expect(changeQueries().map((e) => decodeURIComponent(e.url))).toEqual([
        expect.stringContaining('updatedAt[$gt]=2999-01-01'),
      ]);
      expect(fullRelatedReads().length).toBeGreaterThan(0);
      expect(run.counts.updated).toBe(1);
    },
  );
});
