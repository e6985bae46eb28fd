import type { FaultSwitches } from '../faults';
import type { FakeResponse } from '../http-server';
import type { SamplePerson } from '../sample-people';
import type { FakeCustomAttribute } from './attributes';
import type { FakeRow } from './payload';
import { FakeTokenStore, SlidingWindow } from './tokens';

/** The client ID and secret the fake accepts, as the user pastes them in Personio's credential screen. */
export interface FakePersonioCredentials {
  clientId: string;
  clientSecret: string;
}

/** What the built-in demo company's Personio accepts. Not a secret: it only opens the local fake. */
export const PERSONIO_FAKE_CREDENTIALS: FakePersonioCredentials = {
  clientId: 'papi-demo-client-0001',
  clientSecret: 'papi-demo-secret-do-not-use-in-production',
};
export const FAKE_PERSONIO_CREDENTIALS = PERSONIO_FAKE_CREDENTIALS;

export interface FakePersonioOptions {
  people: SamplePerson[];
  port?: number;
  faults?: FaultSwitches;
  credentials?: FakePersonioCredentials;
  /** Replaces the default UK payroll custom attributes (DEFAULT_CUSTOM_ATTRIBUTES). */
  customAttributes?: FakeCustomAttribute[];
  /** The credential's "Readable employee attributes"; default every attribute. `id` is always readable. */
  readableAttributes?: string[];
  /** Account language: labels follow it (keys never do). */
  labels?: 'en' | 'de';
  /** Status for wrong credentials on /v1/auth (both were reported live). Default 401. */
  authFailureStatus?: 401 | 403;
  /** Status for an unknown or expired bearer token. Default 401. */
  invalidTokenStatus?: 401 | 403;
  /** Credentials in the /v1/auth query string: deprecated, answered 403 after the removal date. Default 'reject'. */
  queryStringCredentials?: 'accept' | 'reject';
  /** Echo `Authorization: Bearer <token>` on successful calls. Default true. */
  echoAuthorizationHeader?: boolean;
  /** Legacy mode: every call rotates the token (sent in the Authorization response header) and blacklists the old one. */
  oneTimeTokens?: boolean;
  /** Largest page the employee list serves. Default 100. */
  maxLimit?: number;
  /** What a larger `limit` gets: a 400 error, or silently the maximum. Default 'reject'. */
  oversizeLimit?: 'reject' | 'clamp';
  /** Echo offset/limit and metadata numbers as strings (seen live on other v1 endpoints). */
  pagingAsStrings?: boolean;
  /** Send metadata like Personio's own example does: wrong total_pages/current_page, extra keys. */
  inconsistentMetadata?: boolean;
  /** Answer 403 to calls without an X-Personio-App-ID header (reported for some endpoints). */
  requireAppIdHeader?: boolean;
  /** Token lifetime in seconds. Default 86400 (24 h). */
  tokenLifetimeSeconds?: number;
  /** The fake's clock (token lifetimes, rate windows). Default Date.now. */
  now?: () => number;
}

export interface FakeState {
  opts: FakePersonioOptions;
  faults: FaultSwitches;
  credentials: FakePersonioCredentials;
  rows: FakeRow[];
  nextId: number;
  tokens: FakeTokenStore;
  authWindow: SlidingWindow;
  authCooldownUntil: number;
  listPerSecond: SlidingWindow;
  listPerMinute: SlidingWindow;
  /** A listing started (offset 0 served) and has not yet been disturbed by changeBetweenPages. */
  listingStarted: boolean;
  baseUrl: string;
  now(): number;
}

export const FIRST_ID = 1_132_000;

export function rowsFor(people: SamplePerson[]): FakeRow[] {
  return people.map((person) => ({ id: FIRST_ID + person.seq, person }));
}

export function createState(opts: FakePersonioOptions, faults: FaultSwitches): FakeState {
  const now = opts.now ?? Date.now;
  const rows = rowsFor(opts.people);
  return {
    opts,
    faults,
    credentials: opts.credentials ?? PERSONIO_FAKE_CREDENTIALS,
    rows,
    nextId: Math.max(FIRST_ID, ...rows.map((r) => r.id)) + 1,
    tokens: new FakeTokenStore(now, opts.tokenLifetimeSeconds ?? 86_400, () => faults.expireTokenAfterRequests),
    authWindow: new SlidingWindow(60, 60_000),
    authCooldownUntil: 0,
    listPerSecond: new SlidingWindow(15, 1000),
    listPerMinute: new SlidingWindow(300, 60_000),
    listingStarted: false,
    baseUrl: '',
    now,
  };
}

/** Personio's v1 error envelope. `error.code` is sometimes the status, sometimes 0. */
export function v1Error(
  status: number,
  message: string,
  code: number = status,
  headers?: Record<string, string>,
): FakeResponse {
  return { status, json: { success: false, error: { code, message } }, headers };
}

export function header(h: Record<string, string | string[] | undefined>, name: string): string | undefined {
  const v = h[name.toLowerCase()];
  return Array.isArray(v) ? v[0] : v;
}
