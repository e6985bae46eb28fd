import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../src-main/core/errors';
import { createHumaansClient, type HumaansClientOptions } from '../../src-main/core/hr/humaans';
import type { ProviderRecord } from '../../src-main/core/hr/types';
import {
  HUMAANS_DEMO_TOKEN,
  startFakeHumaans,
  type FakeHumaans,
  type FakeHumaansOptions,
} from '../../src-main/fake-hr/humaans';
import { generatePeople } from '../../src-main/fake-hr/sample-people';

/** Every fault switch of src-main/fake-hr/faults.ts, played by the fake Humaans against the real client. */
const TODAY = '2026-11-01';
const people = generatePeople({ count: 30, seed: 5, today: new Date(`${TODAY}T00:00:00Z`) });
const fakes: FakeHumaans[] = [];
afterEach(async () => {
  await Promise.all(fakes.splice(0).map((f) => f.close()));
});

const fastHttp = {
  retries: 2,
  retryBaseMs: 5,
  minRateLimitWaitMs: 5,
  timeoutMs: 3000,
  rateLimit: { maxConcurrent: 1 },
};

async function setup(fakeOpts: Partial<FakeHumaansOptions> = {}, clientOpts: Partial<HumaansClientOptions> = {}) {
  const fake = await startFakeHumaans({ people, today: TODAY, ...fakeOpts });
  fakes.push(fake);
  const client = createHumaansClient({
    baseUrl: fake.baseUrl,
    credentials: { token: HUMAANS_DEMO_TOKEN },
    today: () => TODAY,
    pageSize: 10,
    http: fastHttp,
    ...clientOpts,
  });
  return { fake, client };
}

async function listAll(client: ReturnType<typeof createHumaansClient>, onEachPage?: (n: number) => void) {
  const records: ProviderRecord[] = [];
  let pages = 0;
  const result = await client.listEmployees({
    includeSalaries: true,
    onPage: (page) => {
      records.push(...page);
      onEachPage?.(++pages);
    },
  });
  return { records, result };
}

async function failure(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

const retriedAfter = (fake: FakeHumaans, status: number) => {
  const i = fake.log.findIndex((l) => l.status === status);
  return i >= 0 && fake.log[i + 1]?.url === fake.log[i]!.url;
};

describe('Humaans client under the fake server’s faults', () => {
  it('a 5xx HTML gateway page is retried, and the list still completes', async () => {
    const { fake, client } = await setup({ faults: { serverError: { count: 2, paths: ['/api/people'] } } });
    const { result } = await listAll(client);
    expect(result).toMatchObject({ complete: true, fetched: people.length });
    expect(retriedAfter(fake, 503)).toBe(true);
  });

  it('a 5xx that does not go away fails the list with HR_ERROR, never a short "complete" list', async () => {
    const { fake, client } = await setup();
    const err = await failure(
      listAll(client, (page) => {
        // After the first page the people endpoint starts failing for good.
        if (page === 1) fake.faults.serverError = { count: 99, status: 500, paths: ['/api/people'] };
      }),
    );
    expect(err.code).toBe('HR_ERROR');
    expect(err.message).toMatch(/Humaans had a problem of its own \(HTTP 500\)/);
  });

  it('malformed JSON is retried; if it persists the clerk is told Humaans sent an unreadable reply', async () => {
    const ok = await setup({ faults: { malformedJson: { count: 1, paths: ['/api/bank-accounts'] } } });
    expect((await listAll(ok.client)).result.complete).toBe(true);
    const bad = await setup({ faults: { malformedJson: { count: 99, paths: ['/api/people'] } } });
    const err = await failure(listAll(bad.client));
    expect(err.code).toBe('HR_ERROR');
    expect(err.message).toMatch(/could not read/);
  });

  it('truncated JSON is retried; if it persists the list fails with HR_ERROR', async () => {
    const ok = await setup({ faults: { truncatedJson: { count: 2, paths: ['/api/people'] } } });
    expect((await listAll(ok.client)).result).toMatchObject({ complete: true, fetched: people.length });
    const bad = await setup({ faults: { truncatedJson: { count: 99, paths: ['/api/job-roles'] } } });
    expect((await failure(listAll(bad.client))).code).toBe('HR_ERROR');
  });

  it('a Humaans too slow to answer is HR_UNREACHABLE', async () => {
    const { client } = await setup({ faults: { slowMs: 400 } }, { http: { ...fastHttp, retries: 0, timeoutMs: 100 } });
    const err = await failure(client.checkCredentials());
    expect(err.code).toBe('HR_UNREACHABLE');
    expect(err.message).toMatch(/took too long/);
  });

  it('a dropped connection is retried; if it keeps dropping the list fails with HR_UNREACHABLE', async () => {
    const ok = await setup({ faults: { dropConnection: { count: 1, paths: ['/api/people'] } } });
    expect((await listAll(ok.client)).result.complete).toBe(true);
    const bad = await setup({ faults: { dropConnection: { count: 99 } } });
    const err = await failure(bad.client.checkCredentials());
    expect(err.code).toBe('HR_UNREACHABLE');
    expect(err.message).toMatch(/Could not reach Humaans/);
  });

  it('429 with Retry-After is waited out and the request repeated', async () => {
    const { fake, client } = await setup({
      faults: { rateLimit: { count: 1, retryAfterSeconds: 1, paths: ['/api/people'] } },
    });
    const { result } = await listAll(client);
    expect(result).toMatchObject({ complete: true, fetched: people.length });
    expect(retriedAfter(fake, 429)).toBe(true);
  });

  it('429 without Retry-After is backed off and repeated; endless 429s become RATE_LIMITED', async () => {
    const ok = await setup({ faults: { rateLimit: { count: 2 } } });
    expect((await listAll(ok.client)).result.complete).toBe(true);
    expect(retriedAfter(ok.fake, 429)).toBe(true);
    const bad = await setup({ faults: { rateLimit: { count: 99 } } });
    const err = await failure(bad.client.checkCredentials());
    expect(err.code).toBe('RATE_LIMITED');
  });

  it('the enforced rate limit answers 429 with Retry-After past its limit, and the client still gets everyone', async () => {
    const { fake, client } = await setup(
      { faults: { enforceRateLimit: true }, rateLimit: { requests: 8, windowMs: 1000 } },
      { pageSize: 50 },
    );
    const { result } = await listAll(client);
    expect(result).toMatchObject({ complete: true, fetched: people.length });
    const limited = fake.log.find((l) => l.status === 429);
    expect(limited).toBeDefined();
    expect(retriedAfter(fake, 429)).toBe(true);
  });

  it('a client throttled below the enforced limit is never refused', async () => {
    const { fake, client } = await setup(
      { faults: { enforceRateLimit: true }, rateLimit: { requests: 16, windowMs: 1000 } },
      { pageSize: 50, http: { ...fastHttp, rateLimit: { perSecond: 8, maxConcurrent: 1 } } },
    );
    const { result } = await listAll(client);
    expect(result.complete).toBe(true);
    expect(fake.log.length).toBeGreaterThan(5);
    expect(fake.log.filter((l) => l.status === 429)).toEqual([]);
  });

  it('a token revoked mid-run fails the list with AUTH_FAILED instead of passing part of it as complete', async () => {
    const { fake, client } = await setup();
    const delivered: ProviderRecord[] = [];
    const err = await failure(
      client.listEmployees({
        includeSalaries: true,
        onPage: (page) => {
          delivered.push(...page);
          // The token stops working right after the first page of people.
          fake.faults.expireTokenAfterRequests = fake.stats.authorisedRequests;
        },
      }),
    );
    expect(err.code).toBe('AUTH_FAILED');
    expect(err.message).toMatch(/API access tokens/);
    expect(fake.log.at(-1)).toMatchObject({ path: '/api/people', status: 401 });
    expect(delivered.length).toBe(10);
  });

  it('records changing between pages: the new person is not missed and nobody is delivered twice', async () => {
    const { fake, client } = await setup({ faults: { changeBetweenPages: true } });
    const { records, result } = await listAll(client);
    expect(result.complete).toBe(true);
    const ids = records.map((r) => r.externalId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain(fake.change!.added);
  });

  it('a list that keeps changing on every read is reported incomplete, with a reason', async () => {
    const { fake, client } = await setup({}, { maxPasses: 2 });
    let shrink = people;
    const records: ProviderRecord[] = [];
    const result = await client.listEmployees({
      includeSalaries: false,
      onPage: (page) => {
        records.push(...page);
        // Someone is removed in Humaans after every page Bureau Sync reads.
        shrink = shrink.slice(1);
        fake.setPeople(shrink);
      },
    });
    expect(result.complete).toBe(false);
    expect(result.incompleteReason).toMatch(/changed in Humaans while Bureau Sync was reading it/);
  });

  it('missing permissions: without private:read the sync is FORBIDDEN; without compensations:read salaries are refused by name', async () => {
    const noPrivate = await setup({ faults: { missingPermissions: ['private:read'] } });
    const err = await failure(noPrivate.client.checkCredentials());
    expect(err.code).toBe('FORBIDDEN');
    expect(err.details).toMatchObject({ permission: 'private:read' });

    const noPay = await setup({ faults: { missingPermissions: ['compensations:read'] } });
    const check = await noPay.client.checkCredentials();
    expect(check.canReadSalaries).toBe(false);
    expect(check.salaryReason).toMatch(/compensations:read/);
    const payErr = await failure(listAll(noPay.client));
    expect(payErr.details).toMatchObject({ permission: 'compensations:read' });
    expect(String(payErr.details?.howToGrant)).toMatch(/Settings → API access tokens/);
  });
});
