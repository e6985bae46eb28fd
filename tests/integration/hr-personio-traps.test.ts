import { afterEach, describe, expect, it } from 'vitest';
import { createPersonioClient, type PersonioClientOptions } from '../../src-main/core/hr/personio';
import type { HrClient, ProviderRecord } from '../../src-main/core/hr/types';
import {
  startFakePersonio,
  PERSONIO_FAKE_CREDENTIALS,
  type FakePersonioOptions,
  type RunningFakePersonio,
} from '../../src-main/fake-hr/personio';
import { generatePeople } from '../../src-main/fake-hr/sample-people';

/** One test per trap in docs/hris/personio.md §8 that applies to a v1 employee sync. */

let fake: RunningFakePersonio | null = null;
afterEach(async () => {
  await fake?.close();
  fake = null;
});

async function start(count: number, opts: Partial<FakePersonioOptions> = {}): Promise<RunningFakePersonio> {
  fake = await startFakePersonio({ people: generatePeople({ count, seed: 7 }), ...opts });
  return fake;
}

function client(f: RunningFakePersonio, extra: Partial<PersonioClientOptions> = {}): HrClient {
  return createPersonioClient({
    baseUrl: f.baseUrl,
    credentials: PERSONIO_FAKE_CREDENTIALS,
    rateLimit: null,
    http: { retryBaseMs: 5, minRateLimitWaitMs: 20, timeoutMs: 5000 },
    ...extra,
  });
}

async function listAll(c: HrClient, includeSalaries = false) {
  const records: ProviderRecord[] = [];
  const result = await c.listEmployees({ includeSalaries, onPage: (page) => void records.push(...page) });
  return { result, records };
}

const listCalls = (f: RunningFakePersonio) => f.log.filter((e) => e.path === '/v1/company/employees');

describe('Personio traps (personio.md §8)', () => {
  it('T1 offset semantics differ per endpoint: employees are paged by row offset from 0, not by page index', async () => {
    const f = await start(250);
    const { result, records } = await listAll(client(f));
    expect(result).toMatchObject({ complete: true, fetched: 250 });
    expect(listCalls(f).map((e) => e.query['offset'])).toEqual(['0', '100', '200']);
    expect(new Set(records.map((r) => r.externalId)).size).toBe(250);
  });

  it('T2 unpaginated calls are silently truncated to 50: the client always sends a limit of at most 100 and gets everyone', async () => {
    const f = await start(130);
    // The trap itself: no limit → 50 people and nothing says the rest are missing except the metadata.
    const { token } = (
      (await (
        await fetch(`${f.baseUrl}/v1/auth`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            client_id: PERSONIO_FAKE_CREDENTIALS.clientId,
            client_secret: PERSONIO_FAKE_CREDENTIALS.clientSecret,
          }),
        })
      ).json()) as { data: { token: string } }
    ).data;
    const naive = (await (
      await fetch(`${f.baseUrl}/v1/company/employees`, { headers: { authorization: `Bearer ${token}` } })
    ).json()) as { data: unknown[] };
    expect(naive.data).toHaveLength(50);

    const { result } = await listAll(client(f, { pageSize: 200 }));
    expect(result).toMatchObject({ complete: true, fetched: 130 });
    const limits = listCalls(f)
      .filter((e) => e.query['limit'] !== undefined)
      .map((e) => Number(e.query['limit']));
    expect(limits.length).toBeGreaterThan(0);
    expect(Math.max(...limits)).toBeLessThanOrEqual(100);
    expect(listCalls(f).filter((e) => e.status !== 200)).toHaveLength(0);
  });

  it('T2 (variant) a server that serves fewer rows than asked for still yields everyone exactly once', async () => {
    const f = await start(130, { maxLimit: 40, oversizeLimit: 'clamp' });
    const { result, records } = await listAll(client(f));
    expect(result).toMatchObject({ complete: true, fetched: 130 });
    expect(records).toHaveLength(130);
    expect(listCalls(f).map((e) => e.query['offset'])).toEqual(['0', '40', '80', '120']);
  });

  it('T3 stable-token refresh: one sign-in for the whole client life, expiry taken from expires_in, never per request', async () => {
    let now = Date.parse('2026-11-02T08:00:00Z');
    const clock = () => now;
    const f = await start(60, { now: clock });
    // Someone else (another tool with the same credential) signed in almost 24 h earlier.
    const other = client(f, { now: clock });
    await other.checkCredentials();
    now += 24 * 3600_000 - 90_000;

    const c = client(f, { now: clock, pageSize: 10 });
    await c.checkCredentials();
    await listAll(c);
    await c.fieldCatalogue();
    const authsBefore = f.log.filter((e) => e.path === '/v1/auth').length;
    expect(authsBefore).toBe(2); // one per client, none per request

    // Personio re-issued the old token with 90 s left; the client must not assume a fresh 24 h.
    now += 120_000;
    const { result } = await listAll(c);
    expect(result.complete).toBe(true);
    expect(f.log.filter((e) => e.path === '/v1/auth')).toHaveLength(3);
    expect(f.log.filter((e) => e.status === 401)).toHaveLength(0);
  });

  it('T3 on a 401 the client signs in again exactly once and retries; a revoked credential then fails as AUTH_FAILED', async () => {
    const f = await start(30);
    const c = client(f, { pageSize: 10 });
    await c.checkCredentials();
    f.setCredentials({ clientId: 'someone-else', clientSecret: 'rotated' });
    await expect(listAll(c)).rejects.toMatchObject({ code: 'AUTH_FAILED' });
    const afterRevoke = f.log.slice(f.log.findIndex((e) => e.status === 401));
    expect(afterRevoke.map((e) => `${e.path} ${e.status}`)).toEqual(['/v1/company/employees 401', '/v1/auth 401']);
  });

  it('T4 does not require the rotated Authorization response header, and adopts it when Personio rotates tokens', async () => {
    const quiet = await start(25, { echoAuthorizationHeader: false });
    expect((await listAll(client(quiet, { pageSize: 10 }))).result).toMatchObject({ complete: true, fetched: 25 });
    await quiet.close();

    const oneTime = await start(25, { oneTimeTokens: true });
    expect((await listAll(client(oneTime, { pageSize: 10 }))).result).toMatchObject({ complete: true, fetched: 25 });
    expect(oneTime.log.filter((e) => e.path === '/v1/auth')).toHaveLength(1);
    expect(oneTime.log.filter((e) => e.status === 401)).toHaveLength(0);
  });

  it('T5 query-string credentials are refused: the secret travels only in the JSON body, never in a URL', async () => {
    const f = await start(5);
    const viaQuery = await fetch(
      `${f.baseUrl}/v1/auth?client_id=${PERSONIO_FAKE_CREDENTIALS.clientId}&client_secret=${PERSONIO_FAKE_CREDENTIALS.clientSecret}`,
      { method: 'POST' },
    );
    expect(viaQuery.status).toBe(403);
    f.log.length = 0;

    const c = client(f);
    await c.checkCredentials();
    await listAll(c);
    const auth = f.log.filter((e) => e.path === '/v1/auth');
    expect(auth).toHaveLength(1);
    expect(auth[0]?.query).toEqual({});
    expect(JSON.parse(auth[0]?.body ?? '{}')).toEqual({
      client_id: PERSONIO_FAKE_CREDENTIALS.clientId,
      client_secret: PERSONIO_FAKE_CREDENTIALS.clientSecret,
    });
    for (const e of f.log) {
      expect(e.url).not.toContain(PERSONIO_FAKE_CREDENTIALS.clientSecret);
      expect(e.url).not.toContain(PERSONIO_FAKE_CREDENTIALS.clientId);
    }
  });

  it('T6 missing vs null: an attribute the credential may not read is absent (unknown), an empty one is null or ""', async () => {
    const f = await start(40, { faults: { missingPermissions: ['dynamic_24417'] } });
    const { records } = await listAll(client(f));
    expect(records.every((r) => !('dynamic_24417' in r.fields))).toBe(true);
    // Middle name (dynamic_24408) is empty for most people: present, as null or "".
    const empties = records.filter((r) => r.fields['dynamic_24408'] === null || r.fields['dynamic_24408'] === '');
    expect(empties.length).toBeGreaterThan(0);
    expect(empties.some((r) => r.fields['dynamic_24408'] === null)).toBe(true);
    expect(empties.some((r) => r.fields['dynamic_24408'] === '')).toBe(true);
  });

  it('T7 types are loose: paging numbers as strings, hours as a string, dates with +01:00 or +0100, tags as array or string', async () => {
    const people = generatePeople({ count: 30, seed: 7 });
    const f = await start(30, { pagingAsStrings: true });
    const { result, records } = await listAll(client(f, { pageSize: 7 }));
    expect(result).toMatchObject({ complete: true, fetched: 30 });
    for (const r of records) {
      const person = people.find((p) => String(1_132_000 + p.seq) === r.externalId)!;
      expect(r.fields['hire_date']).toBe(person.startDate);
      expect(r.fields['dynamic_180883']).toBe(person.dateOfBirth);
      expect(r.fields['weekly_working_hours']).toMatch(/^\d+(\.\d+)?$/);
      expect(r.fields['dynamic_24428']).not.toMatch(/,(?! )/);
    }
    const skillsOf = (seq: number) =>
      records.find((r) => r.externalId === String(1_132_000 + seq))?.fields['dynamic_24428'];
    // seq 3 (comma string) and seq 6 (array) hold the same tags in the fake.
    expect(skillsOf(3)).toBe(skillsOf(6));
  });

  it('T8 keys, not labels: a German account gives the same keys; only the catalogue labels change', async () => {
    const f = await start(10, { labels: 'de' });
    const c = client(f);
    const { records } = await listAll(c);
    expect(records[0]?.fields).toHaveProperty('first_name');
    const cat = await c.fieldCatalogue();
    expect(cat.find((x) => x.key === 'first_name')?.label).toBe('Vorname');
    expect(cat.find((x) => x.key === 'dynamic_180883')?.label).toBe('Geburtsdatum');
  });

  it('T10 status: every status comes back (no filter); only "inactive" is a leaver', async () => {
    const people = generatePeople({ count: 120, seed: 7 });
    const f = await start(120);
    const { records } = await listAll(client(f));
    expect(records).toHaveLength(120);
    const statuses = new Set(records.map((r) => r.fields['status']));
    expect(statuses).toEqual(new Set(['active', 'inactive', 'leave', 'onboarding']));
    expect(
      records
        .filter((r) => r.leaver.isLeaver)
        .map((r) => r.externalId)
        .sort(),
    ).toEqual(
      people
        .filter((p) => p.isLeaver)
        .map((p) => String(1_132_000 + p.seq))
        .sort(),
    );
    for (const r of records.filter((x) => x.leaver.isLeaver)) expect(r.leaver.leaveDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('T11 rate limits without headers: a 429 without Retry-After is waited out (at least the minimum) and retried', async () => {
    const f = await start(20, { faults: { rateLimit: { count: 2, paths: ['/v1/company/employees'] } } });
    const { result } = await listAll(client(f, { http: { retryBaseMs: 5, minRateLimitWaitMs: 100 } }));
    expect(result).toMatchObject({ complete: true, fetched: 20 });
    const calls = listCalls(f);
    expect(calls.map((e) => e.status)).toEqual([429, 429, 200]);
    expect(calls[1]!.at - calls[0]!.at).toBeGreaterThanOrEqual(95);
  });

  it('T13 partner headers: X-Personio-App-ID and X-Personio-Partner-ID in UPPER_SNAKE_CASE on every call, /v1/auth included', async () => {
    const f = await start(15, { requireAppIdHeader: true });
    const c = client(f);
    await c.checkCredentials();
    await listAll(c);
    await c.getEmployee(String(1_132_001), { includeSalaries: false });
    expect(f.log.length).toBeGreaterThan(3);
    for (const e of f.log) {
      expect(e.status).toBe(200);
      expect(e.headers['x-personio-app-id']).toMatch(/^[A-Z][A-Z0-9_]*$/);
      expect(e.headers['x-personio-partner-id']).toMatch(/^[A-Z][A-Z0-9_]*$/);
    }
  });

  it("T14 example data lies: wrong total_pages/current_page and extra keys are tolerated; the client stops on Personio's count", async () => {
    const f = await start(45, { inconsistentMetadata: true });
    const { result } = await listAll(client(f, { pageSize: 20 }));
    expect(result).toMatchObject({ complete: true, fetched: 45 });
    expect(listCalls(f)).toHaveLength(3);
  });

  it('T16 the employee array is "data" (not "employees" as the adoption guide says)', async () => {
    const f = await start(3);
    const { records } = await listAll(client(f));
    expect(records.map((r) => r.fields['first_name'])).toEqual(
      generatePeople({ count: 3, seed: 7 }).map((p) => p.firstName),
    );
  });
});
