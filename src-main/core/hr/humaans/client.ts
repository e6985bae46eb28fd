import type { ZodType } from 'zod';
import type { FieldInfo } from '../../../contract/providers';
import { AppError } from '../../errors';
import type { Logger } from '../../ports';
import { responseOf, type HttpOptions } from '../http';
import type { CredentialCheck, GetOptions, HrClient, ListOptions, ListResult, ProviderRecord } from '../types';
import { createHumaansApi, readAll, unreadable, type HumaansApi, type Query, type ReadResult } from './api';
import { buildCatalogue } from './catalogue';
import { changedPeople } from './changes';
import { createHumaansDocuments } from './documents';
import {
  HUMAANS_MAX_PAGE_SIZE,
  SCOPE_COMPENSATIONS_READ,
  SCOPE_PRIVATE_READ,
  SCOPE_PUBLIC_READ,
  howToGrantScope,
  scopeName,
} from './constants';
import { forbiddenError } from './errors';
import { flattenPerson } from './flatten';
import { fetchRelated, optional } from './related';
import {
  bankAccountSchema,
  compensationSchema,
  customFieldSchema,
  customValueSchema,
  jobRoleSchema,
  listEnvelopeSchema,
  personSchema,
  tokenInfoSchema,
  type HumaansPerson,
} from './schemas';

export interface HumaansCredentials {
  /** The API access token from Settings → API access tokens. */
  token: string;
}

export interface HumaansClientOptions {
  baseUrl: string;
  credentials: HumaansCredentials;
  logger?: Logger;
  http?: Partial<HttpOptions>;
  /** People per page, at most Humaans' 250 (the default). */
  pageSize?: number;
  /** Today's date as `YYYY-MM-DD`; decides the current job role and salary. Injected by tests. */
  today?: () => string;
  /** How many times a list that changed while being read is read again before giving up. */
  maxPasses?: number;
}

/** The three people statuses; used one by one when a Humaans deployment refuses `status=all`. */
const STATUSES = ['active', 'newHire', 'offboarded'] as const;

export function createHumaansClient(opts: HumaansClientOptions): HrClient {
  const api = createHumaansApi({
    baseUrl: opts.baseUrl,
    token: opts.credentials.token,
    logger: opts.logger,
    http: opts.http,
  });
  const pageSize = Math.min(HUMAANS_MAX_PAGE_SIZE, Math.max(1, Math.floor(opts.pageSize ?? HUMAANS_MAX_PAGE_SIZE)));
  const today = opts.today ?? localToday;
  let scopesCache: Promise<Set<string> | null> | null = null;

  /** The token's scopes from /token-info, or null when this Humaans does not offer it. */
  function tokenScopes(signal?: AbortSignal): Promise<Set<string> | null> {
    scopesCache ??= (async () => {
      const body = await optional(api.get('/token-info', {}, { signal, scope: SCOPE_PUBLIC_READ }));
      if (body === null) return null;
      const parsed = tokenInfoSchema.safeParse(body);
      return parsed.success ? new Set(parsed.data.scopes) : null;
    })();
    return scopesCache.catch((err: unknown) => {
      scopesCache = null;
      throw err;
    });
  }

  /** Without token-info, a 403 on a one-record read tells whether the scope is missing. */
  async function canRead(scope: string, path: string, signal?: AbortSignal): Promise<boolean> {
    const scopes = await tokenScopes(signal);
    if (scopes) return scopes.has(scope);
    try {
      await api.get(path, { $limit: 1 }, { signal, scope });
      return true;
    } catch (err) {
      if (err instanceof AppError && err.code === 'FORBIDDEN') return false;
      throw err;
    }
  }

  /** Fails before reading anyone when the token would silently hide people or bank details. */
  async function requireScopes(includeSalaries: boolean, signal?: AbortSignal): Promise<void> {
    const scopes = await tokenScopes(signal);
    if (!scopes) return; // the 403 of the first private read says it instead
    if (!scopes.has(SCOPE_PRIVATE_READ)) throw forbiddenError(SCOPE_PRIVATE_READ);
    if (includeSalaries && !scopes.has(SCOPE_COMPENSATIONS_READ)) throw forbiddenError(SCOPE_COMPENSATIONS_READ);
  }

  async function readPeople(
    signal: AbortSignal | undefined,
    onPage: (people: HumaansPerson[], progress: { fetched: number; total: number | null }) => Promise<void>,
  ): Promise<{ complete: boolean; reasons: string[] }> {
    const delivered = new Set<string>();
    const read = (query: Query, totalBefore: number): Promise<ReadResult<HumaansPerson>> =>
      readAll(api, {
        path: '/people',
        query,
        schema: personSchema,
        noun: 'people',
        pageSize,
        signal,
        scope: SCOPE_PRIVATE_READ,
        maxPasses: opts.maxPasses,
        delivered,
        keep: false,
        onPage: (fresh, p) =>
          onPage(fresh, { fetched: p.fetched, total: p.total === null ? null : totalBefore + p.total }),
      });
    let results: ReadResult<HumaansPerson>[];
    try {
      // Without a status filter Humaans may leave out offboarded people, so ask for everyone.
      results = [await read({ status: 'all' }, 0)];
    } catch (err) {
      if (responseOf(err)?.status !== 400 || delivered.size > 0) throw err;
      results = [];
      let totalBefore = 0;
      for (const status of STATUSES) {
        const r = await read({ status }, totalBefore);
        totalBefore += r.total ?? r.count;
        results.push(r);
      }
    }
    return {
      complete: results.every((r) => r.complete),
      reasons: results.flatMap((r) => (r.incompleteReason ? [r.incompleteReason] : [])),
    };
  }

  return {
    provider: 'humaans',
    documents: createHumaansDocuments(api, opts.credentials.token),

    async checkCredentials(signal): Promise<CredentialCheck> {
      // /me is Humaans' documented token check: 401 means wrong or revoked.
      await optional(api.get('/me', {}, { signal, scope: SCOPE_PUBLIC_READ }));
      if (!(await canRead(SCOPE_PRIVATE_READ, '/bank-accounts', signal))) throw forbiddenError(SCOPE_PRIVATE_READ);
      const canReadSalaries = await canRead(SCOPE_COMPENSATIONS_READ, '/compensations', signal);
      if (canReadSalaries) return { warnings: [], canReadSalaries };
      return {
        warnings: [],
        canReadSalaries,
        salaryReason: `The token does not have the “${scopeName(SCOPE_COMPENSATIONS_READ)}” scope. ${howToGrantScope(SCOPE_COMPENSATIONS_READ)}`,
      };
    },

    /**
     * Everyone; or, resuming from a cursor (the time the last complete read started), only who changed since,
     * read one by one, plus a roll call. A Humaans that does not honour its change filter is read in full.
     */
    async listEmployees(o: ListOptions): Promise<ListResult> {
      await requireScopes(o.includeSalaries, o.signal);
      const cursor = o.startedAt ?? new Date().toISOString();
      const since = o.since ? new Date(o.since.cursor) : null;
      if (since && !Number.isNaN(since.getTime())) {
        const c = await changedPeople(api, since, { includeSalaries: o.includeSalaries, pageSize, signal: o.signal });
        if (c.kind === 'incomplete')
          return { complete: false, incompleteReason: c.reason, fetched: 0, covers: 'changes', cursor: null };
        if (c.kind === 'changed') {
          const present = new Set(c.ids);
          const records: ProviderRecord[] = [];
          // Few people change in an hour; each is read as "Sync now" reads one (its collections side by side).
          for (const id of c.changed) {
            if (!present.has(id)) continue; // gone from Humaans: the roll call marks them missing
            const r = await this.getEmployee(id, o);
            if (r) records.push(r);
          }
          if (records.length > 0) await o.onPage(records, { fetched: records.length, total: records.length });
          return { complete: true, fetched: records.length, covers: 'changes', present: c.ids, cursor };
        }
      }
      const related = await fetchRelated(api, {
        today: today(),
        includeSalaries: o.includeSalaries,
        pageSize,
        signal: o.signal,
      });
      let fetched = 0;
      const res = await readPeople(o.signal, async (people, progress) => {
        fetched += people.length;
        const records = people.map((p) => {
          const record = flattenPerson(p, related);
          // readPeople hands each person on once (across passes and status reads), so their related
          // records are done with: the map shrinks as the list is read rather than living to its end.
          related.people.delete(p.id);
          return record;
        });
        await o.onPage(records, progress);
      });
      return res.complete
        ? { complete: true, fetched, covers: 'all', cursor }
        : { complete: false, incompleteReason: res.reasons[0], fetched, covers: 'all', cursor: null };
    },

    async getEmployee(externalId: string, o: GetOptions): Promise<ProviderRecord | null> {
      await requireScopes(o.includeSalaries, o.signal);
      // The person and their related records are asked for together: "Sync now" waits for one round trip.
      const relatedRead = fetchRelated(api, {
        today: today(),
        includeSalaries: o.includeSalaries,
        pageSize,
        signal: o.signal,
        personId: externalId,
      });
      relatedRead.catch(() => undefined);
      const body = await optional(
        api.get(`/people/${encodeURIComponent(externalId)}`, {}, { signal: o.signal, scope: SCOPE_PRIVATE_READ }),
      );
      // 404: gone, or hidden from this token; requireScopes has ruled out the missing-scope case.
      if (body === null) return null;
      const person = personSchema.safeParse(body);
      if (!person.success) throw unreadable('a person', 'no id in the reply');
      return flattenPerson(person.data, await relatedRead);
    },

    async fieldCatalogue(signal): Promise<FieldInfo[]> {
      await requireScopes(false, signal);
      const first = async <T extends { id: string }>(
        path: string,
        schema: ZodType<T>,
        scope: string,
        query: Query = {},
      ) => optional(samplePage(api, path, schema, scope, signal, query));
      const people = await samplePeople(api, signal);
      const salaries = await canRead(SCOPE_COMPENSATIONS_READ, '/compensations', signal);
      const customFields = await optional(
        readAll(api, {
          path: '/custom-fields',
          schema: customFieldSchema,
          noun: 'custom fields',
          pageSize,
          signal,
          scope: SCOPE_PRIVATE_READ,
        }),
      );
      return buildCatalogue({
        people,
        jobRoles: await first('/job-roles', jobRoleSchema, SCOPE_PUBLIC_READ),
        bankAccounts: await first('/bank-accounts', bankAccountSchema, SCOPE_PRIVATE_READ),
        compensations: salaries ? await first('/compensations', compensationSchema, SCOPE_COMPENSATIONS_READ) : null,
        customFields: customFields?.items ?? null,
        customValues: customFields ? await first('/custom-values', customValueSchema, SCOPE_PRIVATE_READ) : null,
      });
    },
  };
}

async function samplePage<T extends { id: string }>(
  api: HumaansApi,
  path: string,
  schema: ZodType<T>,
  scope: string,
  signal: AbortSignal | undefined,
  query: Query,
): Promise<T[]> {
  const body = await api.get(path, { ...query, $limit: HUMAANS_MAX_PAGE_SIZE }, { signal, scope });
  const env = listEnvelopeSchema.safeParse(body);
  if (!env.success) throw unreadable(`a list from ${path}`, 'no "data" list in the reply');
  return env.data.data.flatMap((raw) => {
    const parsed = schema.safeParse(raw);
    return parsed.success ? [parsed.data] : [];
  });
}

/** The people whose fields make up the catalogue: everyone on the first page. */
async function samplePeople(api: HumaansApi, signal?: AbortSignal): Promise<Array<Record<string, unknown>>> {
  try {
    return await samplePage(api, '/people', personSchema, SCOPE_PRIVATE_READ, signal, { status: 'all' });
  } catch (err) {
    if (responseOf(err)?.status !== 400) throw err;
    return samplePage(api, '/people', personSchema, SCOPE_PRIVATE_READ, signal, {});
  }
}

/** The local calendar date; Humaans' dates are calendar dates, so no UTC conversion. */
function localToday(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
