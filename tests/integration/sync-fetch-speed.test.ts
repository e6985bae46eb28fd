import { afterEach, describe, expect, it } from 'vitest';
import type { RunningFake } from '../../src-main/fake-hr/http-server';
import { createHumaansClient } from '../../src-main/core/hr/humaans';
import { createPeopleHRClient } from '../../src-main/core/hr/peoplehr';
import { createPersonioClient, type PersonioClientOptions } from '../../src-main/core/hr/personio';
import type { HrClient, ProviderRecord } from '../../src-main/core/hr/types';
import type { FaultSwitches } from '../../src-main/fake-hr/faults';
import { startFakeHumaans, HUMAANS_DEMO_TOKEN, humaansPersonId } from '../../src-main/fake-hr/humaans';
import { startFakePeopleHR } from '../../src-main/fake-hr/peoplehr';
import {
  startFakePersonio,
  PERSONIO_FAKE_CREDENTIALS,
  type FakePersonioOptions,
} from '../../src-main/fake-hr/personio';
import { generatePeople } from '../../src-main/fake-hr/sample-people';
import { call, makeCore } from '../helpers/core';

/**
 * Fetching at bureau scale without giving up correctness: Personio's pages read ahead still deliver
 * everyone once and still notice a list that moves, within Personio's rate limit; adding a PeopleHR
 * company reads the staff list once; Humaans' "Sync now" asks for one person's records side by side.
 */
const TODAY = new Date('2026-11-01T12:00:00Z');
const FAST = { retryBaseMs: 5, minRateLimitWaitMs: 20, timeoutMs: 5000, retries: 3 };

const fakes: RunningFake[] = [];
afterEach(async () => {
  await Promise.all(fakes.splice(0).map((f) => f.close()));
});

async function personio(count: number, faults: FaultSwitches = {}, opts: Partial<FakePersonioOptions> = {}) {
  const fake = await startFakePersonio({ people: generatePeople({ count, seed: 21, today: TODAY }), faults, ...opts });
  fakes.push(fake);
  return fake;
}

function personioClient(baseUrl: string, extra: Partial<PersonioClientOptions> = {}): HrClient {
  return createPersonioClient({
    baseUrl,
    credentials: PERSONIO_FAKE_CREDENTIALS,
    rateLimit: null,
    http: FAST,
    pagesAhead: 4,
    pageSize: 10,
    ...extra,
  });
}

async function listAll(c: HrClient) {
  const records: ProviderRecord[] = [];
  const result = await c.listEmployees({ includeSalaries: false, onPage: (page) => void records.push(...page) });
  return { result, records };
}

describe('Personio pages read ahead', () => {
  it('delivers everyone once, in Personio’s order, asking for each page once', async () => {
    const fake = await personio(95, { slowMs: 5 });
    const { result, records } = await listAll(personioClient(fake.baseUrl));
    expect(result).toMatchObject({ complete: true, fetched: 95 });
    const sequential = await listAll(personioClient(fake.baseUrl, { pagesAhead: 0 }));
    expect(records.map((r) => r.externalId)).toEqual(sequential.records.map((r) => r.externalId));
    expect(new Set(records.map((r) => r.externalId)).size).toBe(95);
    const offsets = fake.log.filter((e) => e.path === '/v1/company/employees').map((e) => Number(e.query['offset']));
    // Both listings asked for the same ten pages, each page once per listing.
    expect(offsets.sort((a, b) => a - b)).toEqual([
      0, 0, 10, 10, 20, 20, 30, 30, 40, 40, 50, 50, 60, 60, 70, 70, 80, 80, 90, 90,
    ]);
  });

  it('still notices a list that shifts while it is read, and never delivers anyone twice', async () => {
    const fake = await personio(60, { changeBetweenPages: true });
    const { result, records } = await listAll(personioClient(fake.baseUrl));
    expect(result.complete).toBe(false);
    expect(result.incompleteReason).toMatch(/changed while Bureau Sync was reading/);
    expect(new Set(records.map((r) => r.externalId)).size).toBe(records.length);
  });

  it('reads one page at a time when Personio rotates its token on every call', async () => {
    const fake = await personio(45, {}, { oneTimeTokens: true });
    const { result } = await listAll(personioClient(fake.baseUrl));
    expect(result).toMatchObject({ complete: true, fetched: 45 });
    expect(fake.log.filter((e) => e.status === 401)).toHaveLength(0);
  });

  it('stays within Personio’s documented 15 a second with pages read ahead: no 429', async () => {
    const fake = await personio(40, { enforceRateLimit: true });
    const c = personioClient(fake.baseUrl, { rateLimit: undefined, pageSize: 2 });
    const { result } = await listAll(c);
    expect(result).toMatchObject({ complete: true, fetched: 40 });
    expect(fake.log.filter((e) => e.path === '/v1/company/employees').length).toBe(20);
    expect(fake.log.filter((e) => e.status === 429)).toHaveLength(0);
  });

  it('a whole sync through the app, pages read ahead, stores everyone', async () => {
    const fake = await personio(230);
    const core = makeCore();
    try {
      const { id } = await call(core, 'companies.create', {
        name: 'Ahead Ltd',
        credentials: { provider: 'personio', ...PERSONIO_FAKE_CREDENTIALS },
        baseUrl: fake.baseUrl,
      });
      const run = await call(core, 'companies.review', { companyId: id });
      expect(run.status).toBe('succeeded');
      expect(run.counts.created + run.counts.excluded).toBe(230);
      expect((await call(core, 'employees.list', { companyId: id, limit: 1 })).total).toBe(run.counts.created);
    } finally {
      await core.close();
    }
  });
});

describe('adding a PeopleHR company', () => {
  it('reads the staff list once, and the catalogue is the one a full read gives', async () => {
    const fake = await startFakePeopleHR({
      people: generatePeople({ count: 40, seed: 4, today: TODAY }),
      today: TODAY,
    });
    fakes.push(fake);
    const client = () =>
      createPeopleHRClient({
        baseUrl: fake.baseUrl,
        credentials: { apiKey: fake.fullApiKey },
        callsPerMinute: 60_000,
        today: () => TODAY,
        http: FAST,
      });
    const reads = () => fake.log.filter((e) => e.body.includes('GetAllEmployeeDetail')).length;

    const adding = client();
    await adding.checkCredentials();
    const catalogue = await adding.fieldCatalogue();
    expect(reads()).toBe(1);
    // A later catalogue refresh reads the list again: the sample serves only the check straight before it.
    const refreshed = await adding.fieldCatalogue();
    expect(reads()).toBe(2);
    expect(catalogue).toEqual(refreshed);
    expect(catalogue).toEqual(await client().fieldCatalogue());
  });
});

describe('Humaans “Sync now”', () => {
  it('asks for the person and their related records side by side, and gets the same record as the full list', async () => {
    const staff = generatePeople({ count: 8, seed: 5, today: TODAY });
    const fake = await startFakeHumaans({ people: staff, today: '2026-11-01', latencyMs: 40 });
    fakes.push(fake);
    const client = createHumaansClient({
      baseUrl: fake.baseUrl,
      credentials: { token: HUMAANS_DEMO_TOKEN },
      today: () => '2026-11-01',
      http: FAST,
    });
    const { records } = await listAll(client);
    // One request at a time per collection, as Humaans asks; different collections side by side.
    const perCollection = Object.values(fake.stats.maxInFlightByPath);
    expect(perCollection.length).toBeGreaterThan(1);
    for (const n of perCollection) expect(n).toBe(1);
    const target = humaansPersonId(staff[3]!);
    const one = await client.getEmployee(target, { includeSalaries: false });
    expect(one).toEqual(records.find((r) => r.externalId === target));
    expect(fake.stats.maxInFlight).toBeGreaterThanOrEqual(4);
  });
});
