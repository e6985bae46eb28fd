import type { FakeRequest, FakeResponse } from '../http-server';
import { generatePeople } from '../sample-people';
import { DEFAULT_CUSTOM_ATTRIBUTES } from './attributes';
import { attributeList, employeeAttributes, type FakeRow, type PayloadContext } from './payload';
import { v1Error, type FakeState } from './state';

/** The v1 employee endpoints: list (row-offset pagination), one employee, and the attribute list. */

/** The permission name that takes away read access to Employees altogether. */
export const NO_EMPLOYEE_ACCESS = 'employees';

/** People by sequence number, built once per account state (rows are replaced, never edited, on a change). */
const bySeqCache = new WeakMap<FakeState['rows'], PayloadContext['bySeq']>();
function bySeqOf(rows: FakeState['rows']): PayloadContext['bySeq'] {
  let m = bySeqCache.get(rows);
  if (!m) {
    m = new Map(rows.map((r) => [r.person.seq, r]));
    bySeqCache.set(rows, m);
  }
  return m;
}

function context(state: FakeState, only?: Set<string>): PayloadContext {
  const whitelist = state.opts.readableAttributes ? new Set(state.opts.readableAttributes) : null;
  const missing = new Set(state.faults.missingPermissions ?? []);
  return {
    labels: state.opts.labels ?? 'en',
    custom: state.opts.customAttributes ?? DEFAULT_CUSTOM_ATTRIBUTES,
    baseUrl: state.baseUrl,
    // A real server does not rebuild its whole directory for each page; at 50,000 people this did.
    bySeq: bySeqOf(state.rows),
    readable: (key) => key === 'id' || ((whitelist === null || whitelist.has(key)) && !missing.has(key)),
    only,
  };
}

export function forbiddenEmployees(state: FakeState): FakeResponse | null {
  if (!(state.faults.missingPermissions ?? []).includes(NO_EMPLOYEE_ACCESS)) return null;
  // The live API's answer when the credential lacks the right (observed with code 0).
  return v1Error(403, 'personio.core.api.exceptions.api.forbidden.http.exception', 0);
}

/** The 300/min and 15/s limits on the list endpoint, only while faults.enforceRateLimit is on. */
function listRateLimited(state: FakeState): FakeResponse | null {
  if (!state.faults.enforceRateLimit) return null;
  const now = state.now();
  if (!state.listPerSecond.wouldAllow(now) || !state.listPerMinute.wouldAllow(now)) {
    // Personio documents no Retry-After and no rate-limit headers here.
    return v1Error(429, 'Too Many Requests');
  }
  state.listPerSecond.record(now);
  state.listPerMinute.record(now);
  return null;
}

function intParam(raw: string | null, fallback: number): number | null {
  if (raw === null || raw === '') return fallback;
  return /^\d+$/.test(raw) ? Number(raw) : null;
}

/** A new starter appears at the front and the last person is removed, as if HR edited during the sync. */
function disturb(state: FakeState): void {
  const seq = Math.max(0, ...state.rows.map((r) => r.person.seq)) + 1;
  const [fresh] = generatePeople({ count: 1, seed: 9_000 + seq });
  if (!fresh) return;
  const person = {
    ...fresh,
    seq,
    employeeNumber: `E${String(seq).padStart(5, '0')}`,
    isLeaver: false,
    leaveDate: null,
    leavingReason: null,
  };
  state.rows = [{ id: state.nextId++, person }, ...state.rows.slice(0, -1)];
}

/**
 * Personio does not document the zone of a naive `updated_since` (T9); this fake reads it as UTC, whatever zone
 * the machine running it is in, so tests are deterministic. The client asks from well before its last sync.
 */
function updatedSince(raw: string): number | null {
  const naive = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(raw);
  const t = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(raw) ? `${raw}T00:00:00Z` : naive ? `${raw}Z` : raw);
  return Number.isNaN(t) ? null : t;
}

export function listEmployees(state: FakeState, req: FakeRequest, extraHeaders: Record<string, string>): FakeResponse {
  const limited = listRateLimited(state);
  if (limited) return limited;
  let limit = intParam(req.query.get('limit'), 50);
  const offset = intParam(req.query.get('offset'), 0);
  if (limit === null || limit < 1) return v1Error(400, 'The limit parameter must be a positive whole number.', 0);
  if (offset === null) return v1Error(400, 'The offset parameter must be a whole number of 0 or more.', 0);
  const max = state.opts.maxLimit ?? 100;
  if (limit > max) {
    if ((state.opts.oversizeLimit ?? 'reject') === 'reject')
      return v1Error(400, `The limit parameter can be at most ${max}.`, 0);
    limit = max;
  }

  if (offset === 0) state.listingStarted = true;
  else if (state.listingStarted && state.faults.changeBetweenPages) {
    state.listingStarted = false;
    disturb(state);
  }

  let rows: FakeRow[] = state.rows;
  const since = req.query.get('updated_since');
  const email = req.query.get('email');
  if (since !== null) {
    const t = updatedSince(since);
    if (t === null) return v1Error(400, 'updated_since must be an ISO 8601 date-time or YYYY-MM-DD.', 0);
    rows = rows.filter((r) => Date.parse(r.person.updatedAt) > t);
  } else if (email !== null) {
    rows = rows.filter((r) => r.person.email.toLowerCase() === email.toLowerCase());
  }
  const projection = req.query.getAll('attributes[]');
  const ctx = context(state, projection.length > 0 ? new Set(projection) : undefined);
  const page = rows.slice(offset, offset + limit);
  const total = rows.length;
  const num = (n: number) => (state.opts.pagingAsStrings ? String(n) : n);
  const metadata = state.opts.inconsistentMetadata
    ? {
        total_elements: num(total),
        current_page: num(offset),
        total_pages: num(Math.ceil(total / limit) + 2),
        sort: null,
        links: [],
      }
    : {
        total_elements: num(total),
        current_page: num(Math.floor(offset / limit)),
        total_pages: num(Math.ceil(total / limit)),
      };
  return {
    status: 200,
    headers: extraHeaders,
    json: {
      success: true,
      metadata,
      offset: num(offset),
      limit: num(limit),
      data: page.map((r) => ({ type: 'Employee', attributes: employeeAttributes(r, ctx) })),
    },
  };
}

export function getEmployee(state: FakeState, idText: string, extraHeaders: Record<string, string>): FakeResponse {
  const row = /^\d+$/.test(idText) ? state.rows.find((r) => r.id === Number(idText)) : undefined;
  // Personio's own 404 for this endpoint: German, with a trailing space.
  if (!row) return v1Error(404, 'Es ist ein Problem aufgetreten ');
  return {
    status: 200,
    headers: extraHeaders,
    json: { success: true, data: { type: 'Employee', attributes: employeeAttributes(row, context(state)) } },
  };
}

export function listAttributes(state: FakeState, extraHeaders: Record<string, string>): FakeResponse {
  return { status: 200, headers: extraHeaders, json: { success: true, data: attributeList(context(state)) } };
}
