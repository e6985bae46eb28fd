import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../src-main/core/errors';
import {
  createHumaansClient,
  humaansSuggestedMapping,
  type HumaansClientOptions,
} from '../../src-main/core/hr/humaans';
import type { ProviderRecord } from '../../src-main/core/hr/types';
import type { Logger } from '../../src-main/core/ports';
import {
  HUMAANS_DEMO_TOKEN,
  humaansPersonId,
  startFakeHumaans,
  type FakeHumaans,
  type FakeHumaansOptions,
} from '../../src-main/fake-hr/humaans';
import { generatePeople, type SamplePerson } from '../../src-main/fake-hr/sample-people';

/** One test per trap of docs/hris/humaans.md §12, each against the fake Humaans over real HTTP. */
const TODAY = '2026-11-01';
const people = generatePeople({ count: 40, seed: 11, today: new Date(`${TODAY}T00:00:00Z`) });
const fakes: FakeHumaans[] = [];
afterEach(async () => {
  await Promise.all(fakes.splice(0).map((f) => f.close()));
});

async function setup(fakeOpts: Partial<FakeHumaansOptions> = {}, clientOpts: Partial<HumaansClientOptions> = {}) {
  const fake = await startFakeHumaans({ people, today: TODAY, ...fakeOpts });
  fakes.push(fake);
  const client = createHumaansClient({
    baseUrl: fake.baseUrl,
    credentials: { token: HUMAANS_DEMO_TOKEN },
    today: () => TODAY,
    pageSize: 50,
    http: { retries: 2, retryBaseMs: 5, minRateLimitWaitMs: 5, timeoutMs: 3000, rateLimit: { maxConcurrent: 1 } },
    ...clientOpts,
  });
  return { fake, client };
}

async function listAll(client: ReturnType<typeof createHumaansClient>, includeSalaries = false) {
  const records: ProviderRecord[] = [];
  const result = await client.listEmployees({ includeSalaries, onPage: (page) => void records.push(...page) });
  const byId = new Map(records.map((r) => [r.externalId, r]));
  const of = (p: SamplePerson) => byId.get(humaansPersonId(p))!;
  return { records, result, of };
}

async function failure(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

const leaver = people.find((p) => p.isLeaver)!;

describe('Humaans traps a naive client falls into', () => {
  it('trap 1: scopes silently shrink data — a public:read token is refused, not allowed to drop leavers quietly', async () => {
    const { fake, client } = await setup({ scopes: ['public:read'] });
    const err = await failure(listAll(client));
    expect(err.code).toBe('FORBIDDEN');
    expect(err.details).toMatchObject({ permission: 'private:read' });
    expect(String(err.details?.howToGrant)).toContain('API access tokens');
    expect(fake.log.some((l) => l.path === '/api/people')).toBe(false);

    // The same, when Humaans offers no /token-info: the first private read's 403 says it.
    const noInfo = await setup({ scopes: ['public:read'], tokenInfo: false });
    expect((await failure(listAll(noInfo.client))).details).toMatchObject({ permission: 'private:read' });
  });

  it('trap 1: fields hidden by the token creator’s role are unknown (absent), not blank', async () => {
    const { client } = await setup({ hiddenFields: ['birthday', 'taxId'], hiddenFieldMode: 'omit' });
    const { records, result } = await listAll(client);
    expect(result.complete).toBe(true);
    for (const r of records) {
      expect(r.fields).not.toHaveProperty('birthday');
      expect(r.fields).not.toHaveProperty('taxId');
    }
    const keys = (await client.fieldCatalogue()).map((f) => f.key);
    expect(keys).not.toContain('birthday');
    expect(keys).toContain('firstName');
  });

  it('trap 2: job title comes from the current job role (latest effective date ≤ today), not person.role or a future role', async () => {
    const { fake, client } = await setup();
    const { of } = await listAll(client);
    const promoted = people.find((p) => p.seq % 4 === 0 && !p.isLeaver)!;
    expect(
      fake.data.jobRoles.some(
        (r) => r.personId === humaansPersonId(promoted) && String(r.jobTitle).startsWith('Senior '),
      ),
    ).toBe(true);
    expect(of(promoted).fields['jobRole.jobTitle']).toBe(promoted.jobTitle);
    const withHistory = people.find((p) => p.seq % 3 === 0 && !p.isLeaver && p.startDate < '2026-07-01')!;
    expect(of(withHistory).fields['jobRole.jobTitle']).toBe(withHistory.jobTitle);
    expect(of(withHistory).fields['jobRole.department']).toBe(withHistory.department);
    expect(of(withHistory).fields.role).toBe('user');
  });

  it('trap 3: bank details come from /bank-accounts — dashed sort code, the newest of several, null when none', async () => {
    const noAccount = people[2]!;
    const { client } = await setup({ withoutBankAccount: [noAccount.seq] });
    const { of } = await listAll(client);
    const twoAccounts = people.find((p) => p.seq % 5 === 0)!;
    expect(of(twoAccounts).fields['bankAccount.sortCode']).toBe(twoAccounts.sortCode);
    expect(of(twoAccounts).fields['bankAccount.sortCode']).toMatch(/^\d\d-\d\d-\d\d$/);
    expect(of(twoAccounts).fields['bankAccount.accountNumber']).toBe(twoAccounts.accountNumber);
    expect(of(noAccount).fields['bankAccount.sortCode']).toBeNull();
    expect(of(noAccount).fields['bankAccount.accountNumber']).toBeNull();
  });

  it('trap 4: the NI number is taxId and employeeId is the payroll number, not the Humaans id', async () => {
    const { client } = await setup();
    const { of } = await listAll(client);
    const p = people.find((x) => x.niNumber)!;
    expect(of(p).fields.taxId).toBe(p.niNumber);
    expect(of(p).fields.employeeId).toBe(p.employeeNumber);
    expect(of(p).externalId).not.toBe(p.employeeNumber);
    const mapping = humaansSuggestedMapping(await client.fieldCatalogue());
    expect(mapping).toMatchObject({ niNumber: 'taxId', employeeId: 'employeeId' });
  });

  it('trap 5: amount stays an exact decimal string; the salary is the salary-type record in effect, not a bonus or future raise', async () => {
    const { fake, client } = await setup();
    const { of } = await listAll(client, true);
    const hourly = people.find((p) => p.salary.period === 'hourly')!;
    expect(of(hourly).fields['compensation.amount']).toBe(hourly.salary.amount.toFixed(2));
    expect(of(hourly).fields['compensation.period']).toBe('hourly');
    // Several compensations per person: a future raise (seq % 4 === 1) and bonuses (seq % 6 === 0).
    const raised = people.find((p) => p.seq % 4 === 1 && !p.isLeaver && p.salary.period === 'annual')!;
    expect(fake.data.compensations.filter((c) => c.personId === humaansPersonId(raised)).length).toBeGreaterThan(1);
    expect(of(raised).fields['compensation.amount']).toBe(String(raised.salary.amount));
    const bonused = people.find((p) => p.seq % 6 === 0 && p.salary.period === 'annual')!;
    expect(of(bonused).fields['compensation.amount']).toBe(String(bonused.salary.amount));
    expect(of(bonused).fields['compensation.currency']).toBe('GBP');
  });

  it('trap 6: dates stay plain YYYY-MM-DD strings, whatever the time zone', async () => {
    const before = process.env.TZ;
    process.env.TZ = 'Pacific/Kiritimati';
    try {
      const { client } = await setup();
      const { of } = await listAll(client);
      for (const p of people) {
        expect(of(p).fields.birthday).toBe(p.dateOfBirth);
        expect(of(p).fields.employmentStartDate).toBe(p.startDate);
      }
      expect(of(leaver).leaver.leaveDate).toBe(leaver.leaveDate);
    } finally {
      process.env.TZ = before;
    }
  });

  it('trap 7: $limit above the maximum is clamped — paging follows total and the reported limit', async () => {
    const { fake, client } = await setup({ maxLimit: 7 }, { pageSize: 10 });
    const { records, result } = await listAll(client);
    expect(result).toMatchObject({ complete: true, fetched: people.length });
    expect(new Set(records.map((r) => r.externalId)).size).toBe(people.length);
    const pages = fake.log.filter((l) => l.path === '/api/people');
    expect(pages.map((l) => l.query.$skip).slice(0, 3)).toEqual(['0', '7', '14']);
    expect(pages.every((l) => l.query.$limit === '10')).toBe(true);
  });

  it('trap 7: offset paging while people are added and removed — duplicates dropped, the list re-read until it settles', async () => {
    const { fake, client } = await setup({ faults: { changeBetweenPages: true } }, { pageSize: 10 });
    const { records, result } = await listAll(client);
    expect(fake.change).not.toBeNull();
    expect(result.complete).toBe(true);
    const ids = records.map((r) => r.externalId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain(fake.change!.added);
  });

  it('trap 8: locationId "remote" and region-code holiday calendars pass through without lookups', async () => {
    const { fake, client } = await setup();
    const { of } = await listAll(client);
    const remote = people.find((p) => p.office === 'Remote')!;
    expect(of(remote).fields.locationId).toBe('remote');
    expect(of(remote).fields.remoteCity).toBe(remote.address.city);
    expect(of(people[0]!).fields.publicHolidayCalendarId).toMatch(/^[A-Z]{2}-[A-Z]+$/);
    expect(fake.log.some((l) => l.path.startsWith('/api/locations'))).toBe(false);
  });

  it('trap 9: nationality, gender and contract type display strings pass through unchanged', async () => {
    const { client } = await setup();
    const { of } = await listAll(client);
    for (const p of people) expect(of(p).fields.gender).toBe(p.gender);
    const overseas = people.find((p) => p.address.country === 'Spain');
    if (overseas) expect(of(overseas).fields.nationality).toBe('Spanish');
    expect(of(people[0]!).fields.nationality).toMatch(/^[A-Z][a-z]+$/);
    const contractor = people.find((p) => p.employmentType === 'Contractor')!;
    expect(of(contractor).fields.contractType).toBe('Contractor');
  });

  it('trap 10: teams {name} and workingDays {day} objects read as their names', async () => {
    const { client } = await setup();
    const { of } = await listAll(client);
    const social = people.find((p) => p.seq % 5 === 0)!;
    expect(of(social).fields.teams).toBe(`${social.team}, Social Committee`);
    expect(of(social).fields.workingDays).toBe('monday, tuesday, wednesday, thursday, friday');
  });

  it('trap 11: a person deleted in Humaans is absent from a complete list, and fetching them gives null', async () => {
    const { fake, client } = await setup();
    const gone = people[5]!;
    fake.setPeople(people.filter((p) => p !== gone));
    const { records, result } = await listAll(client);
    expect(result).toMatchObject({ complete: true, fetched: people.length - 1 });
    expect(records.map((r) => r.externalId)).not.toContain(humaansPersonId(gone));
    expect(await client.getEmployee(humaansPersonId(gone), { includeSalaries: false })).toBeNull();
  });

  it('trap 12: calendarFeedToken is a secret — never copied into records, the catalogue or the log', async () => {
    const lines: string[] = [];
    const logger: Logger = {
      info: (m, meta) => void lines.push(m + JSON.stringify(meta ?? {})),
      warn: (m, meta) => void lines.push(m + JSON.stringify(meta ?? {})),
      error: (m, meta) => void lines.push(m + JSON.stringify(meta ?? {})),
    };
    const { fake, client } = await setup({ faults: { serverError: { count: 1 } } }, { logger });
    const { records } = await listAll(client);
    const secrets = fake.data.people.map((p) => String(p.calendarFeedToken));
    const everything = JSON.stringify(records) + JSON.stringify(await client.fieldCatalogue()) + lines.join('\n');
    expect(lines.length).toBeGreaterThan(0);
    for (const s of secrets) expect(everything).not.toContain(s);
    expect(everything).not.toContain(HUMAANS_DEMO_TOKEN);
  });

  it('trap 13: error bodies vary — empty, Feathers-shaped or HTML bodies still give a clerk a sentence; 404 means null', async () => {
    const empty = await setup({ errorStyle: 'empty', faults: { missingPermissions: ['private:read'] } });
    const forbidden = await failure(empty.client.checkCredentials());
    expect(forbidden.code).toBe('FORBIDDEN');
    expect(forbidden.message).toMatch(/private:read/);
    const feathers = await setup({ errorStyle: 'feathers' }, { credentials: { token: 'wrong' } });
    expect((await failure(feathers.client.checkCredentials())).message).toMatch(
      /Humaans rejected the API access token/,
    );
    const html = await setup(
      { faults: { serverError: { count: 99, status: 502 } } },
      { http: { retries: 1, retryBaseMs: 5, rateLimit: { maxConcurrent: 1 } } },
    );
    const gateway = await failure(html.client.checkCredentials());
    expect(gateway.code).toBe('HR_ERROR');
    expect(gateway.message).toMatch(/Humaans had a problem of its own \(HTTP 502\)/);
    const ok = await setup();
    expect(await ok.client.getEmployee('NoSuchPersonId0000000000', { includeSalaries: false })).toBeNull();
  });

  it('trap 14: the docs samples are not referentially consistent — the fake’s related records join to real people', async () => {
    const { fake, client } = await setup();
    const ids = new Set(fake.data.people.map((p) => p.id));
    for (const rows of [fake.data.jobRoles, fake.data.bankAccounts, fake.data.compensations, fake.data.customValues]) {
      for (const r of rows) expect(ids.has(String(r.personId))).toBe(true);
    }
    const { of } = await listAll(client, true);
    for (const p of people) {
      expect(of(p).fields['bankAccount.nameOnAccount']).toBe(p.accountName);
      expect(of(p).fields.employeeId).toBe(p.employeeNumber);
    }
  });

  it('trap 15: fields Humaans adds while "in preview" are tolerated and nothing breaks', async () => {
    const { client } = await setup({ extraFields: true });
    const { records, result } = await listAll(client, true);
    expect(result).toMatchObject({ complete: true, fetched: people.length });
    expect(records[0]!.fields.previewFlag).toBe('true');
    expect(records[0]!.fields).not.toHaveProperty('previewBlock');
    expect(records[0]!.fields['compensation.amount']).toEqual(expect.any(String));
  });
});
