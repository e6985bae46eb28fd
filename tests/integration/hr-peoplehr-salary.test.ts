import { describe, expect, it } from 'vitest';
import { PEOPLEHR_FAKE_EMPLOYEE_ONLY_KEY } from '../../src-main/fake-hr/peoplehr';
import { generatePeople } from '../../src-main/fake-hr/sample-people';
import { FAST, TODAY, clientFor, listAll, usePeopleHRFakes } from '../helpers/peoplehr';

// The salary traps of docs/hris/peoplehr.md §12 (N+1 calls, rate limit, separate grant, strings, symbols).
const start = usePeopleHRFakes();

const people = (count: number, seed = 7) => generatePeople({ count, seed, today: TODAY });

describe('PeopleHR salary traps', () => {
  it('trap 12 salary is N+1: one GetSalaryDetail per person, and none at all unless salaries are asked for', async () => {
    const fake = await start({ people: people(6) });
    const client = clientFor(fake);
    const without = await listAll(client, false);
    expect(fake.log.filter((e) => e.path === '/Salary')).toHaveLength(0);
    expect(without.records.every((r) => !('Salary.SalaryAmount' in r.fields))).toBe(true);

    await listAll(client, true);
    const salaryIds = fake.log
      .filter((e) => e.path === '/Salary')
      .map((e) => (JSON.parse(e.body) as { EmployeeId: string }).EmployeeId);
    expect(salaryIds.sort()).toEqual(without.records.map((r) => r.externalId).sort());
  });

  it('trap 12 salary is rate-limited: calls are spaced to the limit, so PeopleHR never refuses one', async () => {
    const fake = await start({
      people: people(5),
      faults: { enforceRateLimit: true },
      rateLimit: { max: 4, windowMs: 450 },
    });
    // 480 a minute is one call per 125 ms or more: at most 4 in any 450 ms.
    const { records, result } = await listAll(clientFor(fake, { callsPerMinute: 480 }), true);
    expect(result.complete).toBe(true);
    expect(records.every((r) => r.fields['Salary.SalaryType'] !== undefined)).toBe(true);
    expect(fake.log.every((e) => e.status === 200)).toBe(true);
    // The fake enforces the window and would have refused a call past it (every status is 200 above); the gaps
    // the server sees are not asserted, since on a loaded machine one request's delay in flight shortens the next gap.
    expect(fake.log).toHaveLength(6);
  });

  it("trap 12 salary is rate-limited: by default calls go no faster than PeopleHR's 30 a minute (one per 2 s)", async () => {
    const staff = people(2);
    const fake = await start({ people: staff });
    const client = clientFor(fake, { callsPerMinute: undefined });
    await client.getEmployee(staff[0]!.employeeNumber, { includeSalaries: true });
    expect(fake.log).toHaveLength(2);
    expect(fake.log[1]!.at - fake.log[0]!.at).toBeGreaterThanOrEqual(1900);
  });

  it('trap 12 salary is rate-limited: the pace can be set through http.rateLimit.perMinute, as for other vendors', async () => {
    const staff = people(2);
    const fake = await start({ people: staff });
    const client = clientFor(fake, { callsPerMinute: undefined, http: { ...FAST, rateLimit: { perMinute: 200 } } });
    await client.getEmployee(staff[0]!.employeeNumber, { includeSalaries: true });
    expect(fake.log).toHaveLength(2);
    expect(fake.log[1]!.at - fake.log[0]!.at).toBeGreaterThanOrEqual(290);
  });

  it('trap 12 salary needs its own grant: without "Get Salary Detail" salaries are refused in PeopleHR words', async () => {
    const fake = await start({ people: people(3) });
    const client = clientFor(fake, { credentials: { apiKey: PEOPLEHR_FAKE_EMPLOYEE_ONLY_KEY } });
    const check = await client.checkCredentials();
    expect(check.canReadSalaries).toBe(false);
    expect(check.salaryReason).toMatch(/Get Salary Detail/);
    await expect(listAll(client, true)).rejects.toMatchObject({
      code: 'FORBIDDEN',
      details: { permission: 'Salary: Get Salary Detail', howToGrant: expect.stringMatching(/Settings → API/) },
    });
    expect((await listAll(client, false)).result.complete).toBe(true);
  });

  it('trap 10/12 the current salary row is read, not Result[0] and not a future-dated raise', async () => {
    const staff = people(10).map((p) => ({
      ...p,
      employmentType: 'Permanent' as const,
      isLeaver: false,
      leaveDate: null,
    }));
    const fake = await start({ people: staff });
    const { records } = await listAll(clientFor(fake), true);
    for (const p of staff) {
      const rec = records.find((r) => r.externalId === p.employeeNumber)!;
      expect(Number(rec.fields['Salary.SalaryAmount'])).toBeCloseTo(Math.round(p.salary.amount * 100) / 100, 2);
      expect(rec.fields['Salary.EffectiveFrom']! <= '2026-11-01').toBe(true);
    }
  });

  it('trap 11 currency is a symbol: PeopleHR\'s "£" reaches the record as GBP', async () => {
    const fake = await start({ people: people(3).map((p) => ({ ...p, employmentType: 'Permanent' as const })) });
    const { records } = await listAll(clientFor(fake), true);
    expect(records.map((r) => r.fields['Salary.Currency'])).toEqual(['GBP', 'GBP', 'GBP']);
  });
});
