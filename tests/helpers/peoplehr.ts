import { afterEach, expect } from 'vitest';
import { createPeopleHRClient, type PeopleHRClientOptions } from '../../src-main/core/hr/peoplehr';
import type { ProviderRecord } from '../../src-main/core/hr/types';
import { startFakePeopleHR, type FakePeopleHR, type FakePeopleHROptions } from '../../src-main/fake-hr/peoplehr';
import type { SamplePerson } from '../../src-main/fake-hr/sample-people';
import type { RecordJson } from '../../src-main/core/hr/record-json';

/** Shared set-up of the PeopleHR client tests: a fixed "today", quick retries, fakes closed after each test. */
export const TODAY = new Date('2026-11-01T12:00:00Z');
export const FAST = { retryBaseMs: 5, minRateLimitWaitMs: 20, timeoutMs: 2000 };

/** Registers the clean-up and returns a starter for fake PeopleHR servers (call once at a test file's top level). */
export function usePeopleHRFakes(): (
  opts: Partial<FakePeopleHROptions> & { people: SamplePerson[] },
) => Promise<FakePeopleHR> {
  const fakes: FakePeopleHR[] = [];
  afterEach(async () => {
    await Promise.all(fakes.splice(0).map((f) => f.close()));
  });
  return async (opts) => {
    const fake = await startFakePeopleHR({ today: TODAY, ...opts });
    fakes.push(fake);
    return fake;
  };
}

/** The real client against a fake, with PeopleHR's 30-a-minute pace lifted so tests stay quick. */
export function clientFor(fake: FakePeopleHR, over: Partial<PeopleHRClientOptions> = {}) {
  return createPeopleHRClient({
    baseUrl: fake.baseUrl,
    credentials: { apiKey: fake.fullApiKey },
    callsPerMinute: 60_000,
    today: () => TODAY,
    http: FAST,
    ...over,
  });
}

/** A whole staff list read from its one reply: the result's cursor is that reply's digest. */
export function readWhole(fetched: number) {
  return { complete: true, fetched, covers: 'all', cursor: expect.stringMatching(/^[0-9a-f]{40}$/) };
}

export async function listAll(client: ReturnType<typeof clientFor>, includeSalaries = false) {
  const records: ProviderRecord[] = [];
  /** What came beside the pages: each record's JSON and sha1, where the client worked them out off the core's thread. */
  const serialised: RecordJson[] = [];
  const result = await client.listEmployees({
    includeSalaries,
    onPage: (page, _progress, json) => {
      records.push(...page);
      if (json) serialised.push(...json);
    },
  });
  return { records, result, serialised };
}
