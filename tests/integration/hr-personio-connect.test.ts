import { afterEach, describe, expect, it } from 'vitest';
import {
  createPersonioClient,
  personioSuggestedMapping,
  type PersonioClientOptions,
} from '../../src-main/core/hr/personio';
import type { HrClient, ProviderRecord } from '../../src-main/core/hr/types';
import type { FaultSwitches } from '../../src-main/fake-hr/faults';
import {
  startFakePersonio,
  PERSONIO_FAKE_CREDENTIALS,
  STANDARD_ATTRIBUTES,
  DEFAULT_CUSTOM_ATTRIBUTES,
  type FakePersonioOptions,
  type RunningFakePersonio,
} from '../../src-main/fake-hr/personio';
import { generatePeople } from '../../src-main/fake-hr/sample-people';

/** Connecting a Personio company: checking credentials, the field catalogue, salaries, one employee. */

let fake: RunningFakePersonio | null = null;
afterEach(async () => {
  await fake?.close();
  fake = null;
});

async function start(
  count: number,
  opts: Partial<FakePersonioOptions> = {},
  faults: FaultSwitches = {},
): Promise<RunningFakePersonio> {
  fake = await startFakePersonio({ people: generatePeople({ count, seed: 3 }), faults, ...opts });
  return fake;
}

function client(f: RunningFakePersonio, extra: Partial<PersonioClientOptions> = {}): HrClient {
  return createPersonioClient({
    baseUrl: f.baseUrl,
    credentials: PERSONIO_FAKE_CREDENTIALS,
    rateLimit: null,
    http: { retryBaseMs: 5, minRateLimitWaitMs: 20, timeoutMs: 5000, retries: 2 },
    ...extra,
  });
}

async function listAll(c: HrClient, includeSalaries: boolean) {
  const records: ProviderRecord[] = [];
  const result = await c.listEmployees({ includeSalaries, onPage: (page) => void records.push(...page) });
  return { result, records };
}

const ALL_KEYS = [...STANDARD_ATTRIBUTES.map((a) => a.key), ...DEFAULT_CUSTOM_ATTRIBUTES.map((a) => a.key)];
const without = (...keys: string[]) => ALL_KEYS.filter((k) => !keys.includes(k));

describe('Personio: checking credentials', () => {
  it('accepts good credentials with a full set of attributes: no warnings, salaries readable, one sign-in', async () => {
    const f = await start(5);
    expect(await client(f).checkCredentials()).toEqual({ warnings: [], canReadSalaries: true });
    expect(f.log.filter((e) => e.path === '/v1/auth')).toHaveLength(1);
  });

  it.each([401, 403] as const)(
    'wrong client ID or secret (Personio answering %i) is AUTH_FAILED, explained in Personio words',
    async (status) => {
      const f = await start(5, { authFailureStatus: status });
      const c = createPersonioClient({
        baseUrl: f.baseUrl,
        credentials: { clientId: 'x', clientSecret: 'wrong' },
        rateLimit: null,
      });
      await expect(c.checkCredentials()).rejects.toMatchObject({
        code: 'AUTH_FAILED',
        message: expect.stringContaining('Settings → Integrations → API credentials'),
      });
    },
  );

  it('an address where nothing answers is HR_UNREACHABLE', async () => {
    const f = await start(1);
    const { baseUrl } = f;
    await f.close();
    fake = null;
    const c = createPersonioClient({
      baseUrl,
      credentials: PERSONIO_FAKE_CREDENTIALS,
      http: { retries: 1, retryBaseMs: 5 },
    });
    await expect(c.checkCredentials()).rejects.toMatchObject({ code: 'HR_UNREACHABLE' });
  });

  it('a credential that may not read attributes the sync needs is FORBIDDEN, naming them and how to tick them', async () => {
    const f = await start(5, {}, { missingPermissions: ['status', 'first_name'] });
    const err = (await client(f)
      .checkCredentials()
      .catch((e: unknown) => e)) as { code: string; message: string; details: Record<string, unknown> };
    expect(err.code).toBe('FORBIDDEN');
    expect(err.message).toContain('"First name"');
    expect(err.details['permission']).toBe('Readable employee attributes: First name, Status');
    expect(err.details['missingAttributes']).toEqual(['first_name', 'status']);
    expect(err.details['howToGrant']).toMatch(
      /Settings → Integrations → API credentials.*"Readable employee attributes".*"First name", "Status"/,
    );
  });

  it('missing useful attributes, custom attributes or the salary interval are warnings, not failures', async () => {
    const f = await start(5, {
      readableAttributes: without('email', 'fix_salary_interval', ...DEFAULT_CUSTOM_ATTRIBUTES.map((a) => a.key)),
    });
    const check = await client(f).checkCredentials();
    expect(check.canReadSalaries).toBe(true);
    expect(check.warnings).toHaveLength(3);
    expect(check.warnings[0]).toMatch(/may not read Email.*"Readable employee attributes"/);
    expect(check.warnings[1]).toMatch(/custom attributes/);
    expect(check.warnings[2]).toMatch(/"Salary interval"/);
  });

  it('reports when salaries cannot be read, and why, in Personio words', async () => {
    const f = await start(5, { readableAttributes: without('fix_salary', 'hourly_salary', 'fix_salary_interval') });
    const check = await client(f).checkCredentials();
    expect(check.canReadSalaries).toBe(false);
    expect(check.salaryReason).toMatch(/"Fix salary".*Readable employee attributes/);
  });
});

describe('Personio: reading people', () => {
  it('reads salaries only when asked: fix salary, its interval and currency', async () => {
    const people = generatePeople({ count: 40, seed: 3 });
    const f = await start(40);
    const c = client(f);
    const plain = await listAll(c, false);
    expect(plain.records.flatMap((r) => Object.keys(r.fields)).filter((k) => k.includes('salary'))).toEqual([]);

    const paid = await listAll(c, true);
    const annual = people.find((p) => p.salary.period === 'annual')!;
    const rec = paid.records.find((r) => r.externalId === String(1_132_000 + annual.seq))!;
    expect(rec.fields).toMatchObject({
      fix_salary: String(annual.salary.amount),
      fix_salary_interval: 'yearly',
      fix_salary_currency: 'GBP',
    });
  });

  it('reports progress with Personio’s total and stops when cancelled', async () => {
    const f = await start(45);
    const progress: Array<[number, number | null]> = [];
    const ac = new AbortController();
    const run = client(f, { pageSize: 10 }).listEmployees({
      includeSalaries: false,
      signal: ac.signal,
      onPage: (_page, p) => {
        progress.push([p.fetched, p.total]);
        if (p.fetched >= 20) ac.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(progress).toEqual([
      [10, 45],
      [20, 45],
    ]);
  });

  it('fetches one employee by Personio id, null once Personio no longer has them (its German 404)', async () => {
    const people = generatePeople({ count: 30, seed: 3 });
    const f = await start(30);
    const c = client(f);
    const leaver = people.find((p) => p.isLeaver) ?? people[0]!;
    const rec = await c.getEmployee(String(1_132_000 + leaver.seq), { includeSalaries: false });
    expect(rec?.fields).toMatchObject({
      id: String(1_132_000 + leaver.seq),
      first_name: leaver.firstName,
      last_name: leaver.lastName,
    });
    expect(rec?.leaver.isLeaver).toBe(leaver.isLeaver);
    expect(rec?.leaver.leaveDate).toBe(leaver.leaveDate);
    expect(await c.getEmployee('999999', { includeSalaries: false })).toBeNull();
    expect(f.log.at(-1)?.status).toBe(404);
    await expect(c.getEmployee('E00001', { includeSalaries: false })).rejects.toMatchObject({ code: 'VALIDATION' });
  });

  it('re-signs in when Personio calls an expired token "not valid" with a 403 rather than a 401', async () => {
    const f = await start(30, { invalidTokenStatus: 403 }, { expireTokenAfterRequests: 2 });
    const { result } = await listAll(client(f, { pageSize: 10 }), false);
    expect(result).toMatchObject({ complete: true, fetched: 30 });
    expect(f.log.filter((e) => e.status === 403).length).toBeGreaterThan(0);
  });

  it('never logs the client secret, even while retrying', async () => {
    const lines: string[] = [];
    const logger = {
      info: (m: string, meta?: object) => lines.push(m + JSON.stringify(meta ?? {})),
      warn: (m: string, meta?: object) => lines.push(m + JSON.stringify(meta ?? {})),
      error: (m: string, meta?: object) => lines.push(m + JSON.stringify(meta ?? {})),
    };
    const f = await start(10, {}, { serverError: { count: 2 }, changeBetweenPages: true });
    await listAll(client(f, { logger, pageSize: 4 }), true);
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.join('\n')).not.toContain(PERSONIO_FAKE_CREDENTIALS.clientSecret);
  });
});

describe('Personio: field catalogue and suggested mapping', () => {
  it('offers every field the credential can read, custom ones included, each with a type and a sample', async () => {
    const f = await start(30, { readableAttributes: without('profile_picture') });
    const c = client(f);
    const cat = await c.fieldCatalogue();
    const byKey = new Map(cat.map((x) => [x.key, x]));
    const { records } = await listAll(c, true);
    for (const key of new Set(records.flatMap((r) => Object.keys(r.fields)))) expect(byKey.has(key), key).toBe(true);
    expect(byKey.has('profile_picture')).toBe(false);
    expect(byKey.get('dynamic_24417')).toMatchObject({
      label: 'National Insurance number',
      type: 'text',
      custom: true,
    });
    expect(byKey.get('dynamic_24417')?.sample).toMatch(/^[A-Z]{2}\d{6}[A-D]$/);
    expect(byKey.get('hire_date')).toMatchObject({ type: 'date', custom: false });
    expect(byKey.get('dynamic_24428')).toMatchObject({ type: 'list', custom: true });
    expect(byKey.get('fix_salary')).toMatchObject({ type: 'number', sample: null });
    expect(byKey.get('first_name')?.sample).toBeTruthy();
  });

  it('proposes a mapping that covers every payroll field the demo company keeps in Personio', async () => {
    const f = await start(20);
    const mapping = personioSuggestedMapping(await client(f).fieldCatalogue());
    expect(mapping).toEqual({
      employeeId: 'id',
      title: 'dynamic_24407',
      firstName: 'first_name',
      middleName: 'dynamic_24408',
      lastName: 'last_name',
      gender: 'gender',
      dateOfBirth: 'dynamic_180883',
      email: 'email',
      phone: 'dynamic_24410',
      addressLine1: 'dynamic_24411',
      addressLine2: 'dynamic_24412',
      city: 'dynamic_24413',
      county: 'dynamic_24414',
      postcode: 'dynamic_24415',
      country: 'dynamic_24416',
      startDate: 'hire_date',
      leaveDate: 'termination_date',
      jobTitle: 'position',
      department: 'department',
      niNumber: 'dynamic_24417',
      niCategory: 'dynamic_24418',
      taxCode: 'dynamic_24419',
      starterDeclaration: 'dynamic_24420',
      studentLoanPlan: 'dynamic_24421',
      postgraduateLoan: 'dynamic_24422',
      paymentFrequency: 'dynamic_24423',
      sortCode: 'dynamic_24424',
      accountNumber: 'dynamic_24425',
      accountName: 'dynamic_24426',
      salary: 'fix_salary',
      currency: 'fix_salary_currency',
    });
  });
});
