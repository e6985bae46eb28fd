import { describe, expect, it } from 'vitest';
import { createPeopleHRClient } from '../../src-main/core/hr/peoplehr';
import type { ProviderRecord } from '../../src-main/core/hr/types';
import { generatePeople } from '../../src-main/fake-hr/sample-people';
import { FAST, TODAY, clientFor, listAll, usePeopleHRFakes, readWhole } from '../helpers/peoplehr';

// Every fault switch, against the real client over real HTTP: a fault either heals within the retries
// or ends in a contract error; a cut-short fetch never passes as complete.
const start = usePeopleHRFakes();

const people = (count: number) => generatePeople({ count, seed: 11, today: TODAY });

describe('PeopleHR under faults', () => {
  it('a 5xx HTML page is retried; one that lasts is HR_ERROR in words a clerk understands', async () => {
    const fake = await start({ people: people(4), faults: { serverError: { count: 2, status: 503 } } });
    expect((await listAll(clientFor(fake))).result).toEqual(readWhole(4));
    fake.faults.serverError = { count: 50, status: 500 };
    await expect(listAll(clientFor(fake))).rejects.toMatchObject({
      code: 'HR_ERROR',
      message: expect.stringMatching(/PeopleHR had a problem/),
    });
  });

  it('malformed JSON is retried; if it lasts the fetch fails with HR_ERROR', async () => {
    const fake = await start({ people: people(4), faults: { malformedJson: { count: 1 } } });
    expect((await listAll(clientFor(fake))).records).toHaveLength(4);
    fake.faults.malformedJson = { count: 50 };
    await expect(listAll(clientFor(fake))).rejects.toMatchObject({ code: 'HR_ERROR' });
  });

  it('a truncated staff list is never taken as complete: retried whole, or the fetch fails', async () => {
    const fake = await start({ people: people(6), faults: { truncatedJson: { count: 1 } } });
    const healed = await listAll(clientFor(fake));
    expect(healed.result).toEqual(readWhole(6));
    fake.faults.truncatedJson = { count: 50 };
    const pages: ProviderRecord[][] = [];
    const failed = clientFor(fake).listEmployees({ includeSalaries: false, onPage: (p) => void pages.push(p) });
    await expect(failed).rejects.toMatchObject({ code: 'HR_ERROR' });
    expect(pages).toEqual([]);
  });

  it('slow answers past the timeout are HR_UNREACHABLE', async () => {
    const fake = await start({ people: people(2), faults: { slowMs: 400 } });
    const client = clientFor(fake, { http: { ...FAST, timeoutMs: 100, retries: 1 } });
    await expect(client.checkCredentials()).rejects.toMatchObject({
      code: 'HR_UNREACHABLE',
      message: expect.stringMatching(/took too long/),
    });
  });

  it('an address nothing answers on is HR_UNREACHABLE', async () => {
    const fake = await start({ people: [] });
    const baseUrl = fake.baseUrl;
    await fake.close();
    const client = createPeopleHRClient({
      baseUrl,
      credentials: { apiKey: 'k' },
      callsPerMinute: 60_000,
      http: { ...FAST, retries: 1 },
    });
    await expect(client.checkCredentials()).rejects.toMatchObject({ code: 'HR_UNREACHABLE' });
  });

  it('429 with Retry-After is honoured before retrying', async () => {
    const fake = await start({ people: people(3), faults: { rateLimit: { count: 1, retryAfterSeconds: 1 } } });
    expect((await listAll(clientFor(fake))).result.complete).toBe(true);
    expect(fake.log.map((e) => e.status)).toEqual([429, 200]);
    expect(fake.log[1]!.at - fake.log[0]!.at).toBeGreaterThanOrEqual(950);
  });

  it('429 without Retry-After backs off and recovers; endless 429s end as RATE_LIMITED', async () => {
    const fake = await start({ people: people(3), faults: { rateLimit: { count: 2 } } });
    expect((await listAll(clientFor(fake))).result.complete).toBe(true);
    expect(fake.log.map((e) => e.status)).toEqual([429, 429, 200]);
    fake.faults.rateLimit = { count: 50 };
    await expect(listAll(clientFor(fake))).rejects.toMatchObject({
      code: 'RATE_LIMITED',
      message: expect.stringMatching(/30 requests a minute/),
    });
  });

  it('the enforced 30-a-minute limit answered as a plain-text 429 is survived by backing off', async () => {
    const fake = await start({
      people: people(5),
      faults: { enforceRateLimit: true },
      rateLimit: { max: 3, windowMs: 200 },
      rateLimitReply: 'http429',
    });
    const { records, result } = await listAll(clientFor(fake), true);
    expect(result.complete).toBe(true);
    expect(records.every((r) => 'Salary.SalaryAmount' in r.fields)).toBe(true);
    expect(fake.log.some((e) => e.status === 429)).toBe(true);
  });

  it('the enforced limit answered as a 200 envelope with Status 6 is survived by backing off', async () => {
    const fake = await start({
      people: people(5),
      faults: { enforceRateLimit: true },
      rateLimit: { max: 3, windowMs: 200 },
      rateLimitReply: 'status6',
    });
    const { records, result } = await listAll(clientFor(fake), true);
    expect(result.complete).toBe(true);
    expect(records.every((r) => 'Salary.SalaryAmount' in r.fields)).toBe(true);
    // 1 list + 5 salaries, plus the refused calls that were retried.
    expect(fake.log.length).toBeGreaterThan(6);
  });

  it("PeopleHR's own Status 6 server fault is retried; if it lasts it is HR_ERROR", async () => {
    const fake = await start({ people: people(3) });
    fake.quirks.serverFaults = { count: 1 };
    expect((await listAll(clientFor(fake), true)).result.complete).toBe(true);
    fake.quirks.serverFaults = { count: 50 };
    await expect(listAll(clientFor(fake))).rejects.toMatchObject({
      code: 'HR_ERROR',
      message: expect.stringMatching(/Oops! Something went wrong/),
    });
  });

  it('a key revoked mid-run (expireTokenAfterRequests) stops the salary read with AUTH_FAILED', async () => {
    const fake = await start({ people: people(6), faults: { expireTokenAfterRequests: 3 } });
    await expect(listAll(clientFor(fake, { pageSize: 2 }), true)).rejects.toMatchObject({ code: 'AUTH_FAILED' });
    expect(fake.log.filter((e) => e.path === '/Salary').length).toBeGreaterThanOrEqual(2);
  });

  it('records changing mid-run: the run reads one consistent list; the newcomer and the departure show next time', async () => {
    const staff = people(5).map((p) => ({ ...p, employmentType: 'Permanent' as const }));
    const fake = await start({ people: staff, faults: { changeBetweenPages: true } });
    const client = clientFor(fake);
    const first = await listAll(client, true);
    expect(first.result).toMatchObject({ complete: true, fetched: 5 });
    const removed = first.records.find((r) => r.externalId === staff[0]!.employeeNumber)!;
    // Deleted before its salary was read: the salary is unknown (absent), not blank.
    expect(removed.fields).not.toHaveProperty('Salary.SalaryAmount');
    expect(first.records.filter((r) => r !== removed).every((r) => r.fields['Salary.SalaryAmount'] != null)).toBe(true);
    const second = await listAll(client);
    const ids = second.records.map((r) => r.externalId);
    expect(ids).not.toContain(staff[0]!.employeeNumber);
    expect(second.records.some((r) => r.fields.LastName === 'Newstarter')).toBe(true);
  });

  it('missing "Get All Employee Detail" is FORBIDDEN, naming the tick box and how to grant it', async () => {
    const fake = await start({ people: people(2), faults: { missingPermissions: ['GetAllEmployeeDetail'] } });
    const err = await clientFor(fake)
      .checkCredentials()
      .catch((e: unknown) => e);
    expect(err).toMatchObject({
      code: 'FORBIDDEN',
      details: {
        permission: 'Employee: Get All Employee Detail',
        howToGrant: expect.stringMatching(/Settings → API.*Get All Employee Detail/),
      },
    });
  });

  it('missing "Get Employee Detail By Id" is a warning, and one employee is still read from the list', async () => {
    const staff = people(3);
    const fake = await start({ people: staff, faults: { missingPermissions: ['GetEmployeeDetailById'] } });
    const client = clientFor(fake);
    const check = await client.checkCredentials();
    expect(check.canReadSalaries).toBe(true);
    expect(check.warnings.join(' ')).toMatch(/Get Employee Detail By Id/);
    const one = await client.getEmployee(staff[1]!.employeeNumber, { includeSalaries: false });
    expect(one?.fields.LastName).toBe(staff[1]!.lastName);
  });

  it('a dropped connection is retried; if it keeps dropping the HR system is HR_UNREACHABLE', async () => {
    const fake = await start({ people: people(3), faults: { dropConnection: { count: 1 } } });
    expect((await listAll(clientFor(fake))).records).toHaveLength(3);
    fake.faults.dropConnection = { count: 50 };
    await expect(listAll(clientFor(fake, { http: { ...FAST, retries: 2 } }))).rejects.toMatchObject({
      code: 'HR_UNREACHABLE',
    });
  });

  it('cancelling a salary run stops it with CANCELLED', async () => {
    const fake = await start({ people: people(6) });
    const ctrl = new AbortController();
    const run = clientFor(fake, { pageSize: 1 }).listEmployees({
      includeSalaries: true,
      signal: ctrl.signal,
      onPage: () => ctrl.abort(),
    });
    await expect(run).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(fake.log.filter((e) => e.path === '/Salary').length).toBeLessThan(6);
  });
});
