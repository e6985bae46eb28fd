import type { FaultSwitches } from '../faults';
import { startFakeHttpServer, type FakeRequest, type FakeResponse, type RunningFake } from '../http-server';
import type { SamplePerson } from '../sample-people';
import { COLLECTIONS, hasScope, hideFields, PRIVATE_PERSON_FIELDS } from './collections';
import { buildDataset, DEFAULT_CUSTOM_FIELDS, humaansId, personId, type HumaansDataset, type Row } from './dataset';
import { createFakeHumaansDocuments, type FakeHumaansDocuments } from './documents-routes';
import { applyQuery, asOf, indexRows, ListingCache, parseQuery, pinnedPersonId, type RowIndex } from './query';
import { HUMAANS_DEMO_SCOPES, HUMAANS_DEMO_TOKEN, type FakeHumaansOptions } from './options';

export { HUMAANS_DEMO_SCOPES, HUMAANS_DEMO_TOKEN, type FakeHumaansOptions };

/**
 * A fake Humaans on 127.0.0.1, faithful to docs/hris/humaans.md §11: Bearer tokens with scopes,
 * `/api/me` and `/api/token-info`, the `{total,limit,skip,data}` envelope with `$limit` clamped to 250,
 * Feathers filters (unknown ones refused), scope-shrunk people lists, Humaans-style error bodies, and
 * the vendor faults (enforced rate limit, token revoked mid-run, list changing between pages).
 */
export interface FakeHumaans extends RunningFake {
  /** Replaces the staff; `touch: false` keeps every updatedAt as given. */
  setPeople(people: SamplePerson[], opts?: { touch?: boolean }): void;
  /** The records as this fake Humaans holds them. */
  readonly data: HumaansDataset;
  setScopes(scopes: string[]): void;
  /** Revokes the token, as an admin deleting it in Humaans would. */
  revokeToken(): void;
  /** Rotates the token: the old one stops working and `next` is the only one accepted (an admin's new token). */
  rotateToken(next: string): void;
  /** What changeBetweenPages did, once it has fired. */
  readonly change: { added: string; removed: string } | null;
  readonly stats: {
    maxInFlight: number;
    /** The most requests in flight at once for one path (one collection), by path. */
    maxInFlightByPath: Record<string, number>;
    authorisedRequests: number;
  };
  /** Files, documents and document types; every upload as received. */
  readonly documents: FakeHumaansDocuments;
}

export async function startFakeHumaans(opts: FakeHumaansOptions): Promise<FakeHumaans> {
  const faults: FaultSwitches = opts.faults ?? {};
  const today = opts.today ?? new Date().toISOString().slice(0, 10);
  let token = opts.credentials?.token ?? HUMAANS_DEMO_TOKEN;
  const mode = opts.hiddenFieldMode ?? 'omit';
  const limitCfg = opts.rateLimit ?? { requests: 20, windowMs: 1000 };
  let scopes = opts.scopes ?? HUMAANS_DEMO_SCOPES;
  const documents = createFakeHumaansDocuments();
  let samples = [...opts.people];
  const listings = new ListingCache();
  /** Per collection: rows in the default order and per person, for the dataset as it is now. */
  const indexes = new Map<string, RowIndex>();
  /** Ids of the people each set of scopes may see (by sorted scope list), for the dataset as it is now. */
  const visibleIdsByScopes = new Map<string, Set<string>>();
  let ds = build();
  warm();
  let revoked = false;
  let change: { added: string; removed: string } | null = null;
  let inFlight = 0;
  let requestNo = 0;
  const inFlightByPath = new Map<string, number>();
  const stats = { maxInFlight: 0, maxInFlightByPath: {} as Record<string, number>, authorisedRequests: 0 };
  const recent: number[] = [];

  function build(): HumaansDataset {
    forget();
    return buildDataset(samples, {
      today,
      customFields: opts.customFields ?? DEFAULT_CUSTOM_FIELDS,
      withoutBankAccount: new Set(opts.withoutBankAccount ?? []),
    });
  }

  /** Drops everything derived from the records; called whenever they change. */
  function forget(): void {
    listings.clear();
    indexes.clear();
    visibleIdsByScopes.clear();
  }

  function indexOf(name: string): RowIndex {
    let idx = indexes.get(name);
    if (!idx) {
      idx = indexRows(COLLECTIONS[name]!.rows(ds));
      indexes.set(name, idx);
    }
    return idx;
  }

  /**
   * Indexes every collection now, when the dataset is built, rather than on the first page a client
   * asks for: a real Humaans answers its first page as fast as its others.
   */
  function warm(): void {
    for (const name of Object.keys(COLLECTIONS)) indexOf(name);
  }

  function visibleIds(granted: Set<string>): Set<string> {
    const key = [...granted].sort().join(' ');
    let ids = visibleIdsByScopes.get(key);
    if (!ids) {
      ids = new Set(visiblePeople(granted).map((p) => p.id));
      visibleIdsByScopes.set(key, ids);
    }
    return ids;
  }

  function error(status: number, name: string, message: string, extra: Record<string, unknown> = {}): FakeResponse {
    if (opts.errorStyle === 'empty') return { status, raw: '' };
    if (opts.errorStyle === 'feathers') {
      return {
        status,
        json: { name, message, code: status, className: name.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase() },
      };
    }
    return { status, json: { id: humaansId('request', requestNo), code: status, name, message, ...extra } };
  }

  const decorate = (row: Row): Row =>
    opts.extraFields ? { ...row, previewFlag: true, previewBlock: { added: '2026-01-01' } } : row;

  function visiblePeople(granted: Set<string>, all: Row[] = ds.people): Row[] {
    let rows = all;
    // public:read: newHire and offboarded people vanish without an error, and private fields go.
    if (!hasScope(granted, 'private:read')) {
      rows = rows.filter((r) => r.status === 'active').map((r) => hideFields(r, PRIVATE_PERSON_FIELDS, mode));
    }
    if (opts.hiddenFields?.length) rows = rows.map((r) => hideFields(r, opts.hiddenFields ?? [], mode));
    return rows;
  }

  /** Between the first and second page: a new person at the front, one person on the first page removed. */
  function changePeople(): void {
    const template = samples[0];
    if (!template) return;
    const order = [...ds.people].sort(
      (a, b) => String(a.createdAt).localeCompare(String(b.createdAt)) || a.id.localeCompare(b.id),
    );
    const removedId = order[1]?.id ?? order[0]!.id;
    const added: SamplePerson = {
      ...template,
      seq: 90_000 + samples.length,
      employeeNumber: 'E90001',
      firstName: 'Nadia',
      lastName: 'Newstart',
      email: 'nadia.newstart@example.co.uk',
      startDate: '2011-01-03',
      leaveDate: null,
      leavingReason: null,
      isLeaver: false,
    };
    samples = [added, ...samples.filter((p) => personId(p) !== removedId)];
    ds = build();
    change = { added: personId(added), removed: removedId };
  }

  function list(name: string, req: FakeRequest, granted: Set<string>): FakeResponse {
    const col = COLLECTIONS[name]!;
    const params = new URLSearchParams(req.query);
    const status = params.get('status');
    params.delete('status');
    const q = parseQuery(params, new Set(col.filters));
    if (q.unknown.length > 0 && opts.rejectUnknownFilters !== false) {
      return error(400, 'BadRequest', `Invalid query parameter '${q.unknown[0]}'`, {
        issues: q.unknown.map((k) => ({ name: k, reason: 'not allowed' })),
      });
    }
    if (name === 'people' && q.skip > 0 && faults.changeBetweenPages && !change) changePeople();
    if (q.conds.some((c) => c.field === 'updatedAt')) {
      if (opts.updatedAtFilter === 'refused') {
        return error(400, 'BadRequest', "Invalid query parameter 'updatedAt'", {
          issues: [{ name: 'updatedAt', reason: 'not allowed' }],
        });
      }
      if (opts.updatedAtFilter === 'ignored') q.conds = q.conds.filter((c) => c.field !== 'updatedAt');
    }
    if (name === 'people' && status === 'all' && opts.statusAll === false) {
      return error(400, 'BadRequest', "Invalid query parameter 'status'", {
        issues: [{ name: 'status', reason: 'must be newHire, active or offboarded' }],
      });
    }
    const all = listings.get([name, status, [...granted].sort(), params], () => filtered(name, status, q, granted));
    const maxLimit = opts.maxLimit ?? 250;
    const limit = Math.min(Math.max(q.limit ?? 100, 0), maxLimit);
    const data = limit === 0 ? [] : all.slice(q.skip, q.skip + limit).map(decorate);
    const envelope: Record<string, unknown> = { total: all.length, limit, skip: q.skip, data };
    if (opts.extraFields) envelope.previewMeta = { cursor: null };
    return { status: 200, json: envelope };
  }

  function filtered(
    name: string,
    status: string | null,
    q: ReturnType<typeof parseQuery>,
    granted: Set<string>,
  ): Row[] {
    const col = COLLECTIONS[name]!;
    if (name === 'people') {
      // Filters keep the index's default order, so applyQuery sorts only for an explicit $sort.
      let rows = visiblePeople(granted, indexOf(name).sorted);
      if (status && status !== 'all') rows = rows.filter((r) => r.status === status);
      if (!status && opts.defaultStatus !== 'all') rows = rows.filter((r) => r.status !== 'offboarded');
      return applyQuery(rows, q, true);
    }
    const visible = visibleIds(granted);
    const isVisible = (r: Row) => typeof r.personId !== 'string' || visible.has(r.personId);
    if (q.asOf && col.asOfGroup) {
      // `$asOf` keeps the last of tied records in dataset order, so it reads the rows in that order.
      return applyQuery(asOf(col.rows(ds).filter(isVisible), q.asOf, col.asOfGroup), q);
    }
    const idx = indexOf(name);
    const pinned = pinnedPersonId(q);
    const from = pinned === null ? idx.sorted : (idx.byPerson.get(pinned) ?? []);
    return applyQuery(from.filter(isVisible), q, true);
  }

  function write(name: string, id: string | undefined, req: FakeRequest): FakeResponse {
    forget();
    const rows = COLLECTIONS[name]!.rows(ds);
    let body: Record<string, unknown>;
    try {
      body = req.body ? (JSON.parse(req.body) as Record<string, unknown>) : {};
    } catch {
      return error(400, 'BadRequest', 'Request body is not valid JSON');
    }
    const now = new Date().toISOString();
    if (req.method === 'POST' && !id) {
      const required =
        name === 'people'
          ? ['firstName', 'lastName', 'email']
          : 'personId' in body || name.endsWith('types')
            ? []
            : ['personId'];
      const missing = required.filter((k) => typeof body[k] !== 'string' || body[k] === '');
      if (missing.length > 0)
        return error(400, 'BadRequest', 'Validation failed', {
          issues: missing.map((k) => ({ name: k, reason: 'required' })),
        });
      const row: Row = {
        ...body,
        id: humaansId(`${name}:created`, rows.length + requestNo),
        createdAt: now,
        updatedAt: now,
      };
      rows.push(row);
      return { status: 201, json: row };
    }
    const index = rows.findIndex((r) => r.id === id);
    if (index < 0) return error(404, 'NotFound', `No record found for id '${id}'`);
    if (req.method === 'PATCH') {
      rows[index] = { ...rows[index]!, ...body, id: rows[index]!.id, updatedAt: now };
      return { status: 200, json: rows[index] };
    }
    if (req.method === 'DELETE') {
      rows.splice(index, 1);
      return { status: 200, json: { id, deleted: true } };
    }
    return error(405, 'MethodNotAllowed', `Method ${req.method} is not supported`);
  }

  function route(req: FakeRequest): FakeResponse {
    requestNo += 1;
    if (!req.path.startsWith('/api/')) return error(404, 'NotFound', 'Page not found');
    if (faults.enforceRateLimit) {
      const now = Date.now();
      while (recent.length > 0 && recent[0]! <= now - limitCfg.windowMs) recent.shift();
      if (recent.length >= limitCfg.requests) {
        const wait = Math.max(1, Math.ceil((recent[0]! + limitCfg.windowMs - now) / 1000));
        return {
          ...error(429, 'TooManyRequests', 'Too many requests, please slow down'),
          headers: { 'retry-after': String(wait) },
        };
      }
      recent.push(now);
    }
    const auth = /^Bearer\s+(.+)$/i.exec(String(req.headers.authorization ?? ''));
    if (!auth) return error(401, 'NotAuthenticated', 'No access token was provided');
    if (auth[1]!.trim() !== token || revoked) return error(401, 'NotAuthenticated', 'Invalid access token');
    stats.authorisedRequests += 1;
    if (faults.expireTokenAfterRequests !== undefined && stats.authorisedRequests > faults.expireTokenAfterRequests) {
      revoked = true;
      return error(401, 'NotAuthenticated', 'Invalid access token');
    }
    const granted = new Set(scopes.filter((s) => !(faults.missingPermissions ?? []).includes(s)));
    const [name = '', rawId, ...rest] = req.path.slice('/api/'.length).split('/').filter(Boolean);
    const id = rawId === undefined ? undefined : decodeURIComponent(rawId);
    if (rest.length > 0) return error(404, 'NotFound', `Page not found`);
    const documentReply = documents.route({ name, id, req, granted, people: ds.people, error });
    if (documentReply) return documentReply;

    if (name === 'me' && req.method === 'GET') {
      const owner = ds.people[0] ?? {
        id: humaansId('person', 0),
        firstName: 'Workspace',
        lastName: 'Owner',
        role: 'owner',
      };
      return { status: 200, json: decorate(owner as Row) };
    }
    if (name === 'token-info' && req.method === 'GET') {
      if (opts.tokenInfo === false) return error(404, 'NotFound', 'Page not found');
      return {
        status: 200,
        json: {
          id: humaansId('token', 1),
          scopes: [...granted],
          personId: ds.people[0]?.id ?? null,
          label: 'Bureau Sync',
        },
      };
    }
    const col = COLLECTIONS[name];
    if (!col) return error(404, 'NotFound', 'Page not found');
    const needed = req.method === 'GET' ? col.read : col.write;
    if (!hasScope(granted, needed)) {
      return error(403, 'Forbidden', `Access token is missing the required scope: ${needed}`, {
        issues: [{ name: needed, reason: 'missing scope', forbidden: true }],
      });
    }
    if (req.method !== 'GET') return write(name, id, req);
    if (id === undefined) return list(name, req, granted);
    const pool = name === 'people' ? visiblePeople(granted) : col.rows(ds);
    const row = pool.find((r) => r.id === id);
    return row ? { status: 200, json: decorate(row) } : error(404, 'NotFound', `No record found for id '${id}'`);
  }

  const running = await startFakeHttpServer(
    async (req) => {
      inFlight += 1;
      stats.maxInFlight = Math.max(stats.maxInFlight, inFlight);
      const onPath = (inFlightByPath.get(req.path) ?? 0) + 1;
      inFlightByPath.set(req.path, onPath);
      stats.maxInFlightByPath[req.path] = Math.max(stats.maxInFlightByPath[req.path] ?? 0, onPath);
      try {
        if (opts.latencyMs) await new Promise((r) => setTimeout(r, opts.latencyMs));
        return route(req);
      } finally {
        inFlight -= 1;
        inFlightByPath.set(req.path, (inFlightByPath.get(req.path) ?? 1) - 1);
      }
    },
    { port: opts.port, faults },
  );

  return {
    ...running,
    documents,
    baseUrl: `${running.baseUrl}/api`,
    get data() {
      return ds;
    },
    get change() {
      return change;
    },
    stats,
    setPeople(people, { touch = true } = {}) {
      // Humaans moves a person's updatedAt when they are edited or added (what `updatedAt[$gt]` reads); a test
      // that edits someone need not stamp it. An explicit new updatedAt, or touch: false, keeps what is given.
      const before = new Map(samples.map((p) => [p.seq, p]));
      const stamp = new Date((opts.now ?? Date.now)()).toISOString();
      const edited = (p: SamplePerson) => {
        const old = before.get(p.seq);
        if (!touch || old === p) return false;
        return !old || (old.updatedAt === p.updatedAt && JSON.stringify(old) !== JSON.stringify(p));
      };
      people = people.map((p) => (edited(p) ? { ...p, updatedAt: stamp } : p));
      samples = [...people];
      ds = build();
      warm();
    },
    setScopes(next) {
      scopes = [...next];
    },
    revokeToken() {
      revoked = true;
    },
    rotateToken(next) {
      token = next;
      revoked = false;
    },
  };
}
