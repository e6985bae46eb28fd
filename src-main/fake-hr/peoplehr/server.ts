import type { FaultSwitches } from '../faults';
import { consume } from '../faults';
import { startFakeHttpServer, type FakeRequest, type FakeResponse, type RunningFake } from '../http-server';
import type { SamplePerson } from '../sample-people';
import { actionHandlers, envelope, type ActionContext } from './actions';
import { createFakePeopleHRDocuments, type FakePeopleHRDocuments } from './documents';
import { defaultKeys, PEOPLEHR_FAKE_API_KEY, RESOURCES, type FakeKey } from './keys';
import { DEFAULT_API_COLUMNS, type ApiColumn, type ApiColumnSource } from './payload';

/**
 * A fake PeopleHR: `POST /<Resource>` with the key and action in a JSON body read whatever the
 * Content-Type, every API-level outcome an HTTP 200 envelope, PeopleHR's validation order and
 * status codes, per-action grants, the 30-a-minute limit (when faults.enforceRateLimit) in either of
 * the two shapes the real one may use, and key revocation / data changes mid-run.
 */
export interface FakePeopleHROptions {
  people: SamplePerson[];
  port?: number;
  faults?: FaultSwitches;
  /** The full-access key (default PEOPLEHR_FAKE_API_KEY). */
  credentials?: { apiKey: string };
  /** Extra keys, or replacements for the defaults, with the actions each may call. */
  keys?: Record<string, FakeKey>;
  /** "Today" for who counts as a leaver and which salary is current. */
  today?: Date;
  /** Serve under a prefix (e.g. "/tenant") so a client's base URL with a path is exercised. */
  basePath?: string;
  /** Which documented reply an unknown key gets: Status 2 "Invalid API Key." or Status 5 "API key does not exists.". */
  invalidKeyReply?: 'status2' | 'status5';
  /** The over-limit reply is undocumented: a plain-text HTTP 429, or a 200 envelope with Status 6. */
  rateLimitReply?: 'http429' | 'status6';
  /** The enforced limit (default PeopleHR's 30 calls in any 60 s). */
  rateLimit?: { max: number; windowMs: number };
  /** Tenant-formatted Employee IDs (default the person's employeeNumber). */
  employeeId?: (p: SamplePerson) => string;
  /** What APIColumn1–5 hold (default: tax code, NI category, student loan plan, starter declaration, blank). */
  apiColumns?: Partial<Record<ApiColumn, ApiColumnSource>>;
  companyName?: string;
  /** An empty tenant's list: Status 10 with Result "" (default) or an empty array. */
  emptyTenantReply?: 'status10' | 'emptyArray';
  /** Replaces every success Message, to catch clients that branch on the wording. */
  successMessage?: string;
  /** Whether a leaver with a future LeavingDate is in the IncludeLeavers:false list (default true). */
  futureLeaversInActiveList?: boolean;
}

/** PeopleHR-only misbehaviour, consumed request by request like the generic fault switches. */
export interface PeopleHRQuirks {
  /** HTTP 200 with an empty body. */
  emptyReplies?: { count: number };
  /** Status 6 "Oops! Something went wrong." inside a 200. */
  serverFaults?: { count: number };
}

export interface FakePeopleHR extends RunningFake {
  setPeople(people: SamplePerson[]): void;
  /** PeopleHR's UpdateEmployeeId: the person keeps everything but their Employee ID. */
  renameEmployee(oldId: string, newId: string): void;
  /** Live key table: tests may revoke or restrict keys mid-run. */
  keys: Record<string, FakeKey>;
  quirks: PeopleHRQuirks;
  fullApiKey: string;
  /** The action of every request received, in order (null when the body had none). */
  actions(): Array<string | null>;
  /** Documents uploaded with UploadEmployeeDocument, as received. */
  readonly documents: FakePeopleHRDocuments;
}

export async function startFakePeopleHR(opts: FakePeopleHROptions): Promise<FakePeopleHR> {
  const fullApiKey = opts.credentials?.apiKey ?? PEOPLEHR_FAKE_API_KEY;
  const keys: Record<string, FakeKey> = { ...defaultKeys(fullApiKey), ...opts.keys };
  const quirks: PeopleHRQuirks = {};
  const faults: FaultSwitches = opts.faults ?? {};
  const basePath = (opts.basePath ?? '').replace(/\/+$/, '').toLowerCase();
  const rateLimit = opts.rateLimit ?? { max: 30, windowMs: 60_000 };
  const recent: number[] = [];
  let authorised = 0;
  const ctx: ActionContext = {
    people: [...opts.people],
    renamed: new Map(),
    today: (opts.today ?? new Date()).toISOString().slice(0, 10),
    apiColumns: { ...DEFAULT_API_COLUMNS, ...opts.apiColumns },
    companyName: opts.companyName ?? 'Demo Trading Ltd',
    employeeId: opts.employeeId ?? ((p) => p.employeeNumber),
    emptyTenantReply: opts.emptyTenantReply ?? 'status10',
    successMessage: opts.successMessage,
    futureLeaversInActiveList: opts.futureLeaversInActiveList ?? true,
    faults,
    changed: false,
  };
  const documents = createFakePeopleHRDocuments();

  const handler = (req: FakeRequest): FakeResponse => {
    if (req.method !== 'POST')
      return {
        status: 405,
        raw: '<html><body><h1>405 - Method Not Allowed</h1></body></html>',
        headers: { 'content-type': 'text/html' },
      };
    const lower = req.path.toLowerCase();
    const rel = basePath && lower.startsWith(basePath) ? lower.slice(basePath.length) : basePath ? null : lower;
    const resource = rel === null ? undefined : RESOURCES[rel.replace(/^\/+|\/+$/g, '')];
    if (!resource)
      return {
        status: 404,
        raw: '<html><body><h1>404 - File or directory not found.</h1></body></html>',
        headers: { 'content-type': 'text/html' },
      };

    if (faults.enforceRateLimit) {
      const now = Date.now();
      while (recent.length > 0 && recent[0]! <= now - rateLimit.windowMs) recent.shift();
      if (recent.length >= rateLimit.max) {
        return opts.rateLimitReply === 'status6'
          ? envelope(true, 6, 'API rate limit exceeded', {})
          : { status: 429, raw: 'API rate limit exceeded', headers: { 'content-type': 'text/plain' } };
      }
      recent.push(now);
    }
    if (consume(quirks.emptyReplies, req.path))
      return { status: 200, raw: '', headers: { 'content-type': 'application/json; charset=utf-8' } };

    if (req.body.trim() === '') return envelope(true, 8, 'Either empty or no Form Data.', {});
    let body: unknown;
    try {
      body = JSON.parse(req.body);
    } catch {
      return envelope(true, 9, 'Invalid json data.', {});
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body))
      return envelope(true, 7, 'No json data found.', {});
    const b = body as Record<string, unknown>;

    const apiKey = typeof b.APIKey === 'string' ? b.APIKey.trim() : '';
    if (apiKey === '') return envelope(true, 1, 'API key is missing.', {});
    const key = keys[apiKey];
    if (!key) {
      return opts.invalidKeyReply === 'status5'
        ? envelope(true, 5, 'API key does not exists.', {})
        : envelope(true, 2, 'Invalid API Key.', {});
    }
    if (key.allowedIp && key.allowedIp !== '127.0.0.1') return envelope(true, 2, 'Invalid API Key.', {});
    authorised += 1;
    if (faults.expireTokenAfterRequests !== undefined && authorised > faults.expireTokenAfterRequests) {
      return envelope(true, 2, 'Invalid API Key.', {});
    }

    if (!('Action' in b) || b.Action === null || b.Action === undefined)
      return envelope(true, 3, 'Action is missing.', {});
    const asked = String(b.Action).trim();
    if (asked === '') return envelope(true, 4, 'Action cannot be empty.', {});
    const action = resource.actions.find((a) => a.toLowerCase() === asked.toLowerCase());
    if (!action) return envelope(true, 4, 'Invalid Action.', {});
    const missing = faults.missingPermissions ?? [];
    if (!key.actions.includes(action) || missing.includes(action))
      return envelope(true, 5, `No access on ${resource.area} schema.`, {});
    if (consume(quirks.serverFaults, req.path)) return envelope(true, 6, 'Oops! Something went wrong.', {});

    const run = documents.handlers[action] ?? actionHandlers[action];
    return run ? run(b, ctx) : envelope(false, 10, 'No records found.', '');
  };

  const running = await startFakeHttpServer(handler, { port: opts.port, faults });
  return {
    ...running,
    documents,
    keys,
    quirks,
    fullApiKey,
    setPeople(people) {
      ctx.people = [...people];
    },
    renameEmployee(oldId, newId) {
      const p = ctx.people.find(
        (x) => ctx.renamed.get(x.seq) === oldId || (!ctx.renamed.has(x.seq) && ctx.employeeId(x) === oldId),
      );
      if (p) ctx.renamed.set(p.seq, newId);
    },
    actions() {
      return running.log.map((entry) => {
        try {
          const parsed = JSON.parse(entry.body) as { Action?: unknown };
          return typeof parsed.Action === 'string' ? parsed.Action : null;
        } catch {
          return null;
        }
      });
    },
  };
}
