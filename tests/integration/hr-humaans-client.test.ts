import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../src-main/core/errors';
import {
  createHumaansClient,
  HUMAANS_DEFAULT_BASE_URL,
  humaansHowToCreateCredentials,
  type HumaansClientOptions,
} from '../../src-main/core/hr/humaans';
import type { ProviderRecord } from '../../src-main/core/hr/types';
import {
  HUMAANS_DEMO_TOKEN,
  humaansPersonId,
  startFakeHumaans,
  type FakeHumaans,
  type FakeHumaansOptions,
} from '../../src-main/fake-hr/humaans';
import { generatePeople } from '../../src-main/fake-hr/sample-people';
import { HUMAANS_MAX_CONCURRENT } from '../../src-main/core/hr/humaans/constants';

/** Credentials, listing, one person and the catalogue, against the fake Humaans over real HTTP. */
const TODAY = '2026-11-01';
const people = generatePeople({ count: 30, seed: 4, today: new Date(`${TODAY}T00:00:00Z`) });
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
    http: { retries: 1, retryBaseMs: 5, minRateLimitWaitMs: 5, timeoutMs: 3000, rateLimit: { maxConcurrent: 1 } },
    ...clientOpts,
  });
  return { fake, client };
}

async function listAll(client: ReturnType<typeof createHumaansClient>, includeSalaries = false) {
  const records: ProviderRecord[] = [];
  const progress: Array<{ fetched: number; total: number | null }> = [];
  const result = await client.listEmployees({
    includeSalaries,
    onPage: (page, p) => {
      records.push(...page);
      progress.push(p);
    },
  });
  return { records, result, progress };
}

async function failure(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

describe('Humaans credentials check', () => {
  it('accepts a good token with two reads (/me, /token-info), Bearer header only, token never in a URL', async () => {
    const { fake, client } = await setup();
    expect(await client.checkCredentials()).toEqual({ warnings: [], canReadSalaries: true });
    expect(fake.log.map((l) => l.path)).toEqual(['/api/me', '/api/token-info']);
    for (const l of fake.log) {
      expect(l.headers.authorization).toBe(`Bearer ${HUMAANS_DEMO_TOKEN}`);
      expect(l.url).not.toContain(HUMAANS_DEMO_TOKEN);
    }
  });

  it('tells a wrong token (AUTH_FAILED) apart from a token missing a scope (FORBIDDEN with how to grant it)', async () => {
    const wrong = await setup({}, { credentials: { token: 'not-the-token' } });
    const auth = await failure(wrong.client.checkCredentials());
    expect(auth.code).toBe('AUTH_FAILED');
    expect(auth.message).toMatch(/Humaans rejected the API access token/);

    const narrow = await setup({ scopes: ['public:read', 'compensations:read'] });
    const forbidden = await failure(narrow.client.checkCredentials());
    expect(forbidden.code).toBe('FORBIDDEN');
    expect(forbidden.details).toMatchObject({ permission: 'private:read' });
    expect(String(forbidden.details?.howToGrant)).toMatch(/Settings → API access tokens.*private:read/);
  });

  it('without /token-info, probes with one-record reads to find missing scopes', async () => {
    const { fake, client } = await setup({ tokenInfo: false, scopes: ['private:read'] });
    const check = await client.checkCredentials();
    expect(check.canReadSalaries).toBe(false);
    expect(check.salaryReason).toMatch(/compensations:read/);
    const probes = fake.log.filter((l) => l.path === '/api/bank-accounts' || l.path === '/api/compensations');
    expect(probes.map((l) => [l.path, l.query.$limit, l.status])).toEqual([
      ['/api/bank-accounts', '1', 200],
      ['/api/compensations', '1', 403],
    ]);
  });

  it('an HR system that is not there is HR_UNREACHABLE', async () => {
    const { fake } = await setup();
    const url = fake.baseUrl;
    await fake.close();
    fakes.splice(0);
    const client = createHumaansClient({
      baseUrl: url,
      credentials: { token: HUMAANS_DEMO_TOKEN },
      http: { retries: 0 },
    });
    expect((await failure(client.checkCredentials())).code).toBe('HR_UNREACHABLE');
  });

  it('a cancelled check is CANCELLED', async () => {
    const { client } = await setup();
    const ctrl = new AbortController();
    ctrl.abort();
    expect((await failure(client.checkCredentials(ctrl.signal))).code).toBe('CANCELLED');
  });

  it('accepts the site root as base URL and documents how to create a token', async () => {
    const { fake } = await setup();
    const client = createHumaansClient({
      baseUrl: fake.baseUrl.replace(/\/api$/, ''),
      credentials: { token: HUMAANS_DEMO_TOKEN },
    });
    expect((await client.checkCredentials()).canReadSalaries).toBe(true);
    expect(HUMAANS_DEFAULT_BASE_URL).toBe('https://app.humaans.io/api');
    expect(humaansHowToCreateCredentials).toMatch(/API access tokens/);
    expect(humaansHowToCreateCredentials).toMatch(/private:read/);
  });
});

describe('Humaans employee list', () => {
  it('lists everyone — including leavers the default /people filter would hide — with leaver signals and progress', async () => {
    const { fake, client } = await setup({ defaultStatus: 'current' }, { pageSize: 10 });
    const { records, result, progress } = await listAll(client);
    expect(result).toMatchObject({ complete: true, fetched: people.length });
    expect(records.map((r) => r.externalId).sort()).toEqual(people.map(humaansPersonId).sort());
    expect(progress.at(-1)).toEqual({ fetched: people.length, total: people.length });
    const leaver = people.find((p) => p.isLeaver);
    expect(leaver).toBeDefined();
    const rec = records.find((r) => r.externalId === humaansPersonId(leaver!))!;
    expect(rec.leaver).toMatchObject({ isLeaver: true, leaveDate: leaver!.leaveDate });
    expect(rec.fields.status).toBe('offboarded');
    expect(fake.log.filter((l) => l.path === '/api/people').every((l) => l.query.status === 'all')).toBe(true);
  });

  it('asks for Humaans’ largest page (250) and reads related collections page by page, never per person', async () => {
    const many = generatePeople({ count: 260, seed: 9, today: new Date(`${TODAY}T00:00:00Z`) });
    const { fake, client } = await setup({ people: many });
    const { result } = await listAll(client, true);
    expect(result).toMatchObject({ complete: true, fetched: 260 });
    const peoplePages = fake.log.filter((l) => l.path === '/api/people');
    expect(peoplePages.map((l) => [l.query.$limit, l.query.$skip])).toEqual([
      ['250', '0'],
      ['250', '250'],
      ['250', '0'],
    ]);
    expect(fake.log.every((l) => !l.query.personId)).toBe(true);
    expect(fake.log.filter((l) => l.path === '/api/bank-accounts').length).toBeLessThanOrEqual(3);
  });

  it('never asks for two pages of one collection at once; different collections side by side, within the cap', async () => {
    const { fake, client } = await setup({ latencyMs: 10 }, { pageSize: 50, http: { retries: 0 } });
    await listAll(client, true);
    expect(fake.log.length).toBeGreaterThan(10);
    const paths = Object.keys(fake.stats.maxInFlightByPath);
    expect(paths).toEqual(expect.arrayContaining(['/api/people', '/api/custom-values', '/api/compensations']));
    for (const path of paths) expect([path, fake.stats.maxInFlightByPath[path]]).toEqual([path, 1]);
    // Job roles, bank accounts, compensation types, compensations, custom fields then values: ≤ 5 at once.
    expect(fake.stats.maxInFlight).toBeGreaterThan(1);
    expect(fake.stats.maxInFlight).toBeLessThanOrEqual(HUMAANS_MAX_CONCURRENT);
  });

  it('reads salaries only when asked', async () => {
    const { fake, client } = await setup();
    const without = await listAll(client, false);
    expect(fake.log.some((l) => l.path.startsWith('/api/compensation'))).toBe(false);
    expect(without.records[0]!.fields).not.toHaveProperty('compensation.amount');
    const withPay = await listAll(client, true);
    const p = people[0]!;
    expect(withPay.records.find((r) => r.externalId === humaansPersonId(p))!.fields).toMatchObject({
      'compensation.currency': p.salary.currency,
      'compensation.period': p.salary.period,
    });
  });

  it('falls back to one status at a time when Humaans refuses status=all', async () => {
    const { fake, client } = await setup({ statusAll: false });
    const { result, records } = await listAll(client);
    expect(result).toMatchObject({ complete: true, fetched: people.length });
    expect(new Set(records.map((r) => r.externalId)).size).toBe(people.length);
    expect(fake.log.some((l) => l.path === '/api/people' && l.query.status === 'offboarded')).toBe(true);
  });
});

describe('Humaans single employee and field catalogue', () => {
  it('fetches one person with their related records by personId', async () => {
    const { fake, client } = await setup();
    const p = people[4]!;
    const rec = await client.getEmployee(humaansPersonId(p), { includeSalaries: true });
    expect(rec?.fields).toMatchObject({
      firstName: p.firstName,
      taxId: p.niNumber,
      'jobRole.department': p.department,
      'bankAccount.sortCode': p.sortCode,
      'compensation.currency': 'GBP',
    });
    const related = fake.log.filter((l) =>
      ['/api/job-roles', '/api/bank-accounts', '/api/compensations'].includes(l.path),
    );
    expect(related.every((l) => l.query.personId === humaansPersonId(p))).toBe(true);
  });

  it('offers every readable field with label, type and sample, custom fields labelled by name', async () => {
    const { client } = await setup();
    const cat = await client.fieldCatalogue();
    const byKey = new Map(cat.map((f) => [f.key, f]));
    expect(byKey.get('taxId')).toMatchObject({ type: 'text', custom: false });
    expect(byKey.get('taxId')?.sample).toMatch(/^[A-Z]{2}\d{6}[A-D]$/);
    expect(byKey.get('birthday')?.type).toBe('date');
    expect(byKey.get('bankAccount.sortCode')?.sample).toMatch(/^\d\d-\d\d-\d\d$/);
    expect(byKey.get('compensation.amount')?.sample).toEqual(expect.any(String));
    const ni = cat.find((f) => f.label === 'NI category letter')!;
    expect(ni).toMatchObject({ custom: true, type: 'text' });
    expect(ni.key).toMatch(/^custom\.[A-Za-z0-9]{24}$/);
    expect(cat.find((f) => f.label === 'Languages at work')).toMatchObject({
      type: 'list',
      sample: expect.stringContaining('English'),
    });
  });

  it('leaves salary fields out of the catalogue when the token cannot read compensations', async () => {
    const { client } = await setup({ faults: { missingPermissions: ['compensations:read'] } });
    const keys = (await client.fieldCatalogue()).map((f) => f.key);
    expect(keys).toContain('bankAccount.accountNumber');
    expect(keys.some((k) => k.startsWith('compensation.'))).toBe(false);
  });
});
