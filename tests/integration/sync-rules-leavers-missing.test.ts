import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../src-main/core/app';
import type { FaultSwitches } from '../../src-main/fake-hr/faults';
import type { SamplePerson } from '../../src-main/fake-hr/sample-people';
import { startFakePeopleHR } from '../../src-main/fake-hr/peoplehr';
import { call, makeCore } from '../helpers/core';
import {
  connect,
  employeeByHrId,
  employeesTable,
  people,
  startVendor,
  tableCounts,
  TODAY,
  VENDORS,
  type VendorFake,
} from './sync-rules-vendors';

let core: Core | null = null;
let vendor: VendorFake | null = null;
const extraFakes: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  await core?.close();
  await vendor?.fake.close();
  await Promise.all(extraFakes.splice(0).map((f) => f.close()));
  core = null;
  vendor = null;
});

async function setup(provider: VendorFake['provider'], staff: SamplePerson[]) {
  core = makeCore();
  vendor = await startVendor(provider, staff);
  const id = await connect(core, vendor);
  return { c: core, v: vendor, id };
}

describe('Leavers', () => {
  it.each(VENDORS)(
    "%s: the HR system's own leaver signal makes an employee a leaver; a leaving date still ahead does not",
    async (provider) => {
      const staff = people(20);
      const [leaving, onNotice] = staff.filter((p) => !p.isLeaver && !p.leaveDate) as [SamplePerson, SamplePerson];
      const { c, v, id } = await setup(provider, staff);
      expect((await employeeByHrId(c, id, v.externalId(leaving))).state).toBe('active');
      const alreadyLeft = staff.filter((p) => p.isLeaver);
      expect(alreadyLeft.length).toBeGreaterThan(0);
      for (const p of alreadyLeft) expect((await employeeByHrId(c, id, v.externalId(p))).state).toBe('leaver');

      v.fake.setPeople(
        staff.map((p) =>
          p.seq === leaving.seq
            ? v.makeLeaver(p)
            : p.seq === onNotice.seq
              ? { ...p, leaveDate: '2027-06-30', leavingReason: 'Resignation' }
              : p,
        ),
      );
      const run = await call(c, 'sync.company', { companyId: id });
      expect(run.status).toBe('succeeded');
      expect(run.counts.leavers).toBe(alreadyLeft.length + 1);
      const left = await employeeByHrId(c, id, v.externalId(leaving));
      expect(left.state).toBe('leaver');
      expect(left.values.leaveDate).toBe('2026-10-15');
      expect((await employeeByHrId(c, id, v.externalId(onNotice))).state).toBe('active');
      // Nothing is deleted: leavers stay in the list under their own status.
      expect((await call(c, 'employees.list', { companyId: id, status: 'leaver' })).total).toBe(alreadyLeft.length + 1);
      expect(employeesTable(c.dbFile).size).toBe(20);
    },
  );
});

describe('Missing: only a complete fetch may say someone is gone', () => {
  it.each(VENDORS)(
    '%s: someone removed from the HR system is marked missing after a complete fetch, and kept',
    async (provider) => {
      const staff = people(20);
      const gone = [staff[3]!, staff[7]!];
      const { c, v, id } = await setup(provider, staff);
      const before = employeesTable(c.dbFile);
      v.fake.setPeople(staff.filter((p) => !gone.includes(p)));
      const run = await call(c, 'sync.company', { companyId: id });
      expect(run.status).toBe('succeeded');
      expect(run.counts.missing).toBe(2);
      expect(employeesTable(c.dbFile).size).toBe(20);
      for (const p of gone) {
        const e = await employeeByHrId(c, id, v.externalId(p));
        expect(e.state).toBe('missing');
        expect(JSON.parse(before.get(e.identity)!.values_json)).toEqual(e.values);
      }
      // A second complete sync does not count them again.
      const again = await call(c, 'sync.company', { companyId: id });
      expect(again.counts.missing).toBe(0);
      expect((await call(c, 'employees.list', { companyId: id, status: 'missing' })).total).toBe(2);
    },
  );

  const FAULTS: Array<[string, FaultSwitches]> = [
    ['server errors beyond every retry', { serverError: { count: 1000, status: 503 } }],
    ['replies that are never valid JSON', { malformedJson: { count: 1000 } }],
    ['connections dropped every time', { dropConnection: { count: 1000 } }],
  ];
  const cases = VENDORS.flatMap((p) => FAULTS.map(([name, f]) => [p, name, f] as const));

  it.each(cases)('%s, %s: the run fails, says why, and changes nothing at all', async (provider, _name, fault) => {
    const staff = people(20);
    const { c, v, id } = await setup(provider, staff);
    const table = employeesTable(c.dbFile);
    const counts = tableCounts(c.dbFile);
    const company = await call(c, 'companies.get', { companyId: id });

    // HR really did change (people removed, one renamed): none of it may land from a failed run.
    v.fake.setPeople(staff.slice(0, 15).map((p, i) => (i === 0 ? { ...p, lastName: 'ShouldNotLand' } : p)));
    Object.assign(v.fake.faults, structuredClone(fault));
    const run = await call(c, 'sync.company', { companyId: id });
    expect(run.status).toBe('failed');
    expect(['HR_UNREACHABLE', 'HR_ERROR', 'INCOMPLETE_FETCH']).toContain(run.error?.code);
    expect(run.error?.message.length).toBeGreaterThan(20);
    expect(run.counts).toMatchObject({ created: 0, updated: 0, missing: 0 });
    expect(employeesTable(c.dbFile)).toEqual(table);
    expect(tableCounts(c.dbFile)).toEqual(counts);
    const after = await call(c, 'companies.get', { companyId: id });
    expect(after.lastAttempt).toMatchObject({ status: 'failed' });
    expect(after.lastSuccessfulSyncAt).toBe(company.lastSuccessfulSyncAt);

    // Once the HR system answers again, the next run sees the removals.
    for (const k of Object.keys(v.fake.faults)) delete v.fake.faults[k as keyof FaultSwitches];
    const next = await call(c, 'sync.company', { companyId: id });
    expect(next.status).toBe('succeeded');
    expect(next.counts.missing).toBe(5);
  });

  it('humaans: a failure part way through (related lists read, then the people list fails) still changes nothing', async () => {
    const staff = people(20);
    const { c, v, id } = await setup('humaans', staff);
    const table = employeesTable(c.dbFile);
    v.fake.setPeople(staff.slice(0, 10));
    v.fake.faults.serverError = { count: 1000, status: 502, paths: ['/api/people'] };
    const mark = v.fake.log.length;
    const run = await call(c, 'sync.company', { companyId: id });
    expect(run.status).toBe('failed');
    // Job roles and bank accounts were served fine: the run got part way before failing.
    const served = v.fake.log.slice(mark);
    expect(served.some((l) => l.path === '/api/bank-accounts' && l.status === 200)).toBe(true);
    expect(served.some((l) => l.path === '/api/people' && l.status === 502)).toBe(true);
    expect(employeesTable(c.dbFile)).toEqual(table);
  });

  it('peoplehr: a staff list with someone PeopleHR cannot identify is incomplete: nobody is marked missing', async () => {
    const staff = people(20);
    core = makeCore();
    const blankFor = new Set<number>();
    const fake = await startFakePeopleHR({
      people: staff,
      today: TODAY,
      employeeId: (p) => (blankFor.has(p.seq) ? '' : p.employeeNumber),
    });
    extraFakes.push(fake);
    const { id } = await call(core, 'companies.create', {
      name: 'PHR',
      credentials: { provider: 'peoplehr', apiKey: fake.fullApiKey },
      baseUrl: fake.baseUrl,
    });
    expect((await call(core, 'companies.review', { companyId: id })).status).toBe('succeeded');
    const table = employeesTable(core.dbFile);

    blankFor.add(5);
    fake.setPeople(staff.slice(0, 12));
    const run = await call(core, 'sync.company', { companyId: id });
    expect(run.status).toBe('failed');
    expect(run.error).toMatchObject({
      code: 'INCOMPLETE_FETCH',
      message: expect.stringMatching(/no Employee ID.*nothing was changed/is),
    });
    expect(employeesTable(core.dbFile)).toEqual(table);
  });
});
