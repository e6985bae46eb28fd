import { afterEach, describe, expect, it } from 'vitest';
import { createPersonioClient, type PersonioClientOptions } from '../../src-main/core/hr/personio';
import type { HrClient, ProviderRecord } from '../../src-main/core/hr/types';
import type { FaultSwitches } from '../../src-main/fake-hr/faults';
import { startFakeHttpServer, type RunningFake } from '../../src-main/fake-hr/http-server';
import {
  startFakePersonio,
  PERSONIO_FAKE_CREDENTIALS,
  type FakePersonioOptions,
  type RunningFakePersonio,
} from '../../src-main/fake-hr/personio';
import { generatePeople } from '../../src-main/fake-hr/sample-people';

/** Every generic fault switch, played by the fake Personio against the real client over HTTP. */

let fake: RunningFakePersonio | null = null;
afterEach(async () => {
  await fake?.close();
  fake = null;
});

async function start(
  count: number,
  faults: FaultSwitches,
  opts: Partial<FakePersonioOptions> = {},
): Promise<RunningFakePersonio> {
  fake = await startFakePersonio({ people: generatePeople({ count, seed: 11 }), faults, ...opts });
  return fake;
}

function client(f: RunningFakePersonio, extra: Partial<PersonioClientOptions> = {}): HrClient {
  return createPersonioClient({
    baseUrl: f.baseUrl,
    credentials: PERSONIO_FAKE_CREDENTIALS,
    rateLimit: null,
    http: { retryBaseMs: 5, minRateLimitWaitMs: 20, timeoutMs: 5000, retries: 3 },
    ...extra,
  });
}

async function listAll(c: HrClient) {
  const records: ProviderRecord[] = [];
  const result = await c.listEmployees({ includeSalaries: false, onPage: (page) => void records.push(...page) });
  return { result, records };
}

const LIST = ['/v1/company/employees'];
const listCalls = (f: RunningFakePersonio) => f.log.filter((e) => e.path === '/v1/company/employees');

describe('Personio client under fault switches', () => {
  it('serverError: an HTML 503 from a gateway is retried; if it persists the sync fails as HR_ERROR', async () => {
    const f = await start(30, { serverError: { count: 2, paths: LIST } });
    expect((await listAll(client(f))).result).toMatchObject({ complete: true, fetched: 30 });
    expect(listCalls(f).map((e) => e.status)).toEqual([503, 503, 200]);

    f.faults.serverError = { count: 100, status: 502, paths: LIST };
    await expect(listAll(client(f))).rejects.toMatchObject({
      code: 'HR_ERROR',
      message: expect.stringContaining('Personio'),
    });
  });

  it('malformedJson: a 200 that is not JSON is retried; if it persists, HR_ERROR (never an empty list)', async () => {
    const f = await start(30, { malformedJson: { count: 1, paths: LIST } });
    expect((await listAll(client(f))).result).toMatchObject({ complete: true, fetched: 30 });

    f.faults.malformedJson = { count: 100, paths: LIST };
    const pages: ProviderRecord[][] = [];
    await expect(
      client(f).listEmployees({ includeSalaries: false, onPage: (p) => void pages.push(p) }),
    ).rejects.toMatchObject({ code: 'HR_ERROR' });
    expect(pages).toHaveLength(0);
  });

  it('truncatedJson: a reply cut off half way is retried; if it persists, HR_ERROR', async () => {
    const f = await start(30, { truncatedJson: { count: 1, paths: LIST } });
    const { result, records } = await listAll(client(f));
    expect(result).toMatchObject({ complete: true, fetched: 30 });
    expect(records).toHaveLength(30);

    f.faults.truncatedJson = { count: 100, paths: LIST };
    await expect(listAll(client(f))).rejects.toMatchObject({ code: 'HR_ERROR' });
  });

  it('slowMs: Personio answering slower than the timeout is HR_UNREACHABLE', async () => {
    const f = await start(5, { slowMs: 400 });
    const c = client(f, { http: { timeoutMs: 60, retries: 1, retryBaseMs: 5 } });
    await expect(c.checkCredentials()).rejects.toMatchObject({
      code: 'HR_UNREACHABLE',
      message: expect.stringContaining('took too long'),
    });
  });

  it('rateLimit with Retry-After: the client waits as told and carries on', async () => {
    const f = await start(10, { rateLimit: { count: 1, retryAfterSeconds: 1, paths: LIST } });
    expect((await listAll(client(f))).result).toMatchObject({ complete: true, fetched: 10 });
    const calls = listCalls(f);
    expect(calls.map((e) => e.status)).toEqual([429, 200]);
    expect(calls[1]!.at - calls[0]!.at).toBeGreaterThanOrEqual(950);
  });

  it('rateLimit without Retry-After that never ends: RATE_LIMITED in Personio words, nothing delivered', async () => {
    const f = await start(10, { rateLimit: { count: 100, paths: LIST } });
    await expect(
      listAll(client(f, { http: { retries: 2, minRateLimitWaitMs: 10, retryBaseMs: 5 } })),
    ).rejects.toMatchObject({
      code: 'RATE_LIMITED',
      message: expect.stringContaining('Personio'),
    });
  });

  it("enforceRateLimit: the client's default throttle keeps within 15 list calls a second, so Personio never answers 429", async () => {
    const f = await start(100, { enforceRateLimit: true });
    // The premise: a burst of 16 unthrottled calls trips the fake's documented limit, without Retry-After.
    const token = await rawToken(f);
    const burst = await Promise.all(
      Array.from({ length: 16 }, () =>
        fetch(`${f.baseUrl}/v1/company/employees?limit=1`, { headers: { authorization: `Bearer ${token}` } }),
      ),
    );
    const limited = burst.filter((r) => r.status === 429);
    expect(limited.length).toBeGreaterThan(0);
    expect(limited[0]?.headers.get('retry-after')).toBeNull();
    await new Promise((r) => setTimeout(r, 1100));
    f.log.length = 0;

    const throttled = createPersonioClient({
      baseUrl: f.baseUrl,
      credentials: PERSONIO_FAKE_CREDENTIALS,
      pageSize: 5,
      http: { retryBaseMs: 5, minRateLimitWaitMs: 20, retries: 0 },
    });
    expect((await listAll(throttled)).result).toMatchObject({ complete: true, fetched: 100 });
    const calls = listCalls(f);
    expect(calls).toHaveLength(20);
    expect(calls.every((e) => e.status === 200)).toBe(true);
    for (const e of calls)
      expect(calls.filter((o) => o.at >= e.at && o.at < e.at + 1000).length).toBeLessThanOrEqual(15);
  });

  it('enforceRateLimit: more than 60 sign-ins a minute are refused by the fake, and the client says so as RATE_LIMITED', async () => {
    const f = await start(1, { enforceRateLimit: true });
    const body = JSON.stringify({
      client_id: PERSONIO_FAKE_CREDENTIALS.clientId,
      client_secret: PERSONIO_FAKE_CREDENTIALS.clientSecret,
    });
    for (let i = 0; i < 60; i++)
      await fetch(`${f.baseUrl}/v1/auth`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const c = client(f, { http: { retries: 1, minRateLimitWaitMs: 10, retryBaseMs: 5 } });
    await expect(c.checkCredentials()).rejects.toMatchObject({
      code: 'RATE_LIMITED',
      message: expect.stringContaining('60 sign-ins'),
    });
  });

  it('expireTokenAfterRequests: each 401 mid-run is followed by exactly one sign-in and a retry of the same page', async () => {
    const f = await start(100, { expireTokenAfterRequests: 3 });
    const { result, records } = await listAll(client(f, { pageSize: 10 }));
    expect(result).toMatchObject({ complete: true, fetched: 100 });
    expect(records).toHaveLength(100);
    const log = f.log.map((e) => ({ path: e.path, status: e.status, offset: e.query['offset'] }));
    const rejected = log.flatMap((e, i) => (e.status === 401 ? [i] : []));
    expect(rejected.length).toBeGreaterThanOrEqual(3);
    for (const i of rejected) {
      expect(log[i + 1]).toMatchObject({ path: '/v1/auth', status: 200 });
      expect(log[i + 2]).toMatchObject({ path: '/v1/company/employees', status: 200, offset: log[i]!.offset });
    }
    expect(log.filter((e) => e.path === '/v1/auth')).toHaveLength(rejected.length + 1);
  });

  it('T9 changeBetweenPages: a list that shifts mid-read is never reported complete, and no one is delivered twice', async () => {
    const f = await start(50, { changeBetweenPages: true });
    const { result, records } = await listAll(client(f, { pageSize: 20 }));
    expect(result.complete).toBe(false);
    expect(result.incompleteReason).toMatch(/changed while Bureau Sync was reading/);
    expect(new Set(records.map((r) => r.externalId)).size).toBe(records.length);
    expect(result.fetched).toBe(records.length);
  });

  it('T9 changeBetweenPages: when the list settles, a second pass picks up the new starter and the result is complete', async () => {
    const f = await start(50, { changeBetweenPages: true });
    const records: ProviderRecord[] = [];
    let pages = 0;
    const result = await client(f, { pageSize: 20 }).listEmployees({
      includeSalaries: false,
      onPage: (page) => {
        records.push(...page);
        // HR stops editing once the list has shifted (the change happens when page 2 is served).
        if (++pages >= 2) f.faults.changeBetweenPages = false;
      },
    });
    expect(result.complete).toBe(true);
    expect(listCalls(f).map((e) => e.query['offset'])).toEqual(['0', '20', '40', '0', '20', '40']);
    const ids = records.map((r) => r.externalId);
    expect(new Set(ids).size).toBe(ids.length);
    // Exactly who Personio holds now: the new starter (picked up by the second pass) and everyone else,
    // while the person removed before being read is not invented.
    expect(new Set(ids)).toEqual(new Set(f.ids().map(String)));
    expect(ids).toHaveLength(50);
  });

  it('a list that ends before the total Personio itself states is incomplete, never complete', async () => {
    // A Personio-shaped server whose list stops at 20 of the 30 people it says it holds.
    const short: RunningFake = await startFakeHttpServer((req) => {
      if (req.path === '/v1/auth')
        return { status: 200, json: { success: true, data: { token: 'papi-x', expires_in: 86400 } } };
      const offset = Number(req.query.get('offset') ?? 0);
      const data =
        offset === 0
          ? Array.from({ length: 20 }, (_, i) => ({
              type: 'Employee',
              attributes: { id: { label: 'ID', value: i + 1 } },
            }))
          : [];
      return { status: 200, json: { success: true, metadata: { total_elements: 30 }, offset, limit: 20, data } };
    });
    try {
      const c = createPersonioClient({
        baseUrl: short.baseUrl,
        credentials: PERSONIO_FAKE_CREDENTIALS,
        rateLimit: null,
        pageSize: 20,
      });
      const { result, records } = await listAll(c);
      expect(result.complete).toBe(false);
      expect(result.incompleteReason).toMatch(/30 employees but sent only 20/);
      expect(records).toHaveLength(20);
    } finally {
      await short.close();
    }
  });

  it('missingPermissions: a credential that may not read employees is FORBIDDEN with how to grant it', async () => {
    const f = await start(5, { missingPermissions: ['employees'] });
    const err = await client(f)
      .checkCredentials()
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'FORBIDDEN', details: { permission: 'Employees: Read' } });
    expect((err as { details: { howToGrant: string } }).details.howToGrant).toContain(
      'Settings → Integrations → API credentials',
    );
    await expect(listAll(client(f))).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('dropConnection: a dropped connection is retried; if it keeps dropping, HR_UNREACHABLE', async () => {
    const f = await start(20, { dropConnection: { count: 1, paths: LIST } });
    expect((await listAll(client(f))).result).toMatchObject({ complete: true, fetched: 20 });
    expect(listCalls(f).map((e) => e.status)).toEqual([-1, 200]);

    f.faults.dropConnection = { count: 100 };
    await expect(listAll(client(f))).rejects.toMatchObject({ code: 'HR_UNREACHABLE' });
  });
});

async function rawToken(f: RunningFakePersonio): Promise<string> {
  const res = await fetch(`${f.baseUrl}/v1/auth`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      client_id: PERSONIO_FAKE_CREDENTIALS.clientId,
      client_secret: PERSONIO_FAKE_CREDENTIALS.clientSecret,
    }),
  });
  return ((await res.json()) as { data: { token: string } }).data.token;
}
