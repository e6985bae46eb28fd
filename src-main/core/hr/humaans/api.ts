import type { z } from 'zod';
import { AppError } from '../../errors';
import type { Logger } from '../../ports';
import { createHttpClient, type HttpClient, type HttpOptions } from '../http';
import { HUMAANS_DEFAULT_BASE_URL, HUMAANS_MAX_CONCURRENT } from './constants';
import { humaansError } from './errors';
import { listEnvelopeSchema } from './schemas';

/**
 * The Humaans request wrapper and its offset pager. The token travels only in the Authorization
 * header. Pages of one collection are read one after another (Humaans asks for no parallel page fetches).
 */
export type Query = Record<string, string | number>;

export interface HumaansApi {
  /** GET a path under the API root; a failure is an AppError in Humaans' words. `scope` is what the path needs. */
  get(path: string, query: Query, opts: { signal?: AbortSignal; scope?: string }): Promise<unknown>;
  readonly http: HttpClient;
}

export function createHumaansApi(opts: {
  baseUrl: string;
  token: string;
  logger?: Logger;
  http?: Partial<HttpOptions>;
}): HumaansApi {
  const http = createHttpClient({
    vendor: 'Humaans',
    // Humaans publishes no numbers: at most 10 a second, and only different collections side by side
    // (each collection is still read page by page, as Humaans asks).
    rateLimit: { maxConcurrent: HUMAANS_MAX_CONCURRENT, perSecond: 10 },
    logger: opts.logger,
    ...opts.http,
    baseURL: apiRoot(opts.baseUrl),
  });
  const headers = { Authorization: `Bearer ${opts.token.trim()}`, Accept: 'application/json' };
  return {
    http,
    async get(path, query, { signal, scope }) {
      try {
        const res = await http.json({ method: 'GET', url: path, params: query, headers, signal });
        return res.data;
      } catch (err) {
        throw humaansError(err, scope);
      }
    },
  };
}

/** Accepts the site root as well as the API root: `https://app.humaans.io` means `…/api`. */
export function apiRoot(baseUrl: string): string {
  const trimmed = (baseUrl.trim() || HUMAANS_DEFAULT_BASE_URL).replace(/\/+$/, '');
  try {
    const u = new URL(trimmed);
    return u.pathname === '' || u.pathname === '/' ? `${trimmed}/api` : trimmed;
  } catch {
    return trimmed;
  }
}

export function unreadable(what: string, detail: string): AppError {
  return new AppError(
    'HR_ERROR',
    `Humaans sent ${what} Bureau Sync could not read (${detail}). Nothing was changed; try again in a few minutes, and contact support if it keeps happening.`,
  );
}

export interface ReadOptions<T extends { id: string }> {
  path: string;
  query?: Query;
  schema: z.ZodType<T>;
  /** What the records are, for messages: "people", "job roles". */
  noun: string;
  pageSize: number;
  scope?: string;
  signal?: AbortSignal;
  /** How many times to re-read a list that changed while it was read. */
  maxPasses?: number;
  /** Ids already delivered, shared when one listing is read as several queries. */
  delivered?: Set<string>;
  /** Called with records not delivered before (across passes), page by page. */
  onPage?(fresh: T[], progress: { fetched: number; total: number | null }): void | Promise<void>;
}

export interface ReadResult<T> {
  /** Every record of the last pass (a consistent snapshot when complete). */
  items: T[];
  delivered: number;
  /** The count Humaans reported on the last pass. */
  total: number | null;
  complete: boolean;
  incompleteReason?: string;
}

/**
 * Reads a whole collection with `$limit`/`$skip`. It follows `total` and the limit the server
 * reports (Humaans clamps big limits), drops duplicate ids, and notices a list that changed under it:
 * `total` moving, a duplicate id, fewer records than `total`, or a different first page at the end.
 * A changed list is read again; if it never settles, the result says it is incomplete.
 */
export async function readAll<T extends { id: string }>(api: HumaansApi, o: ReadOptions<T>): Promise<ReadResult<T>> {
  const delivered = o.delivered ?? new Set<string>();
  const maxPasses = Math.max(1, o.maxPasses ?? 3);
  let reason = '';
  let items: T[] = [];
  let total: number | null = null;
  for (let pass = 1; pass <= maxPasses; pass++) {
    const r = await readPass(api, o, delivered);
    items = r.items;
    total = r.total;
    reason = r.problem ?? '';
    if (!reason && r.pages > 1) {
      const again = await readPage(api, o, 0);
      const sameTotal = again.total === r.total;
      const sameFirst =
        again.items.length === r.firstPageIds.size && again.items.every((x) => r.firstPageIds.has(x.id));
      if (!sameTotal || !sameFirst) reason = 'changed';
    }
    if (!reason) return { items, delivered: delivered.size, total, complete: true };
  }
  return {
    items,
    delivered: delivered.size,
    total,
    complete: false,
    incompleteReason: describeProblem(reason, o.noun),
  };
}

function describeProblem(problem: string, noun: string): string {
  const tail = 'Nothing was marked missing; the next sync will read the list again.';
  if (problem === 'changed') {
    return `The ${noun} list changed in Humaans while Bureau Sync was reading it, so someone may have been missed. ${tail}`;
  }
  return `${problem} ${tail}`;
}

async function readPass<T extends { id: string }>(
  api: HumaansApi,
  o: ReadOptions<T>,
  delivered: Set<string>,
): Promise<{ items: T[]; total: number | null; pages: number; firstPageIds: Set<string>; problem: string | null }> {
  const seen = new Map<string, T>();
  let firstPageIds = new Set<string>();
  let firstTotal: number | null = null;
  let total: number | null = null;
  let problem: string | null = null;
  let skip = 0;
  let pages = 0;
  // A guard against a server that never ends its list; far above any real company's size.
  while (pages < 10_000) {
    const page = await readPage(api, o, skip);
    pages += 1;
    if (pages === 1) {
      firstPageIds = new Set(page.items.map((x) => x.id));
      firstTotal = page.total;
    } else if (page.total !== firstTotal) {
      problem = 'changed';
    }
    total = page.total;
    const fresh: T[] = [];
    for (const item of page.items) {
      if (seen.has(item.id)) {
        problem = 'changed';
        continue;
      }
      seen.set(item.id, item);
      if (!delivered.has(item.id)) {
        delivered.add(item.id);
        fresh.push(item);
      }
    }
    if (o.onPage && (fresh.length > 0 || pages === 1)) await o.onPage(fresh, { fetched: delivered.size, total });
    skip += page.items.length;
    if (page.items.length === 0) break;
    if (total !== null ? skip >= total : page.items.length < page.limit) break;
  }
  if (!problem && total !== null && seen.size < total) {
    problem = `Humaans said there are ${total} ${o.noun} but sent only ${seen.size}.`;
  }
  return { items: [...seen.values()], total, pages, firstPageIds, problem };
}

async function readPage<T extends { id: string }>(
  api: HumaansApi,
  o: ReadOptions<T>,
  skip: number,
): Promise<{ items: T[]; total: number | null; limit: number }> {
  const body = await api.get(
    o.path,
    { ...o.query, $limit: o.pageSize, $skip: skip },
    { signal: o.signal, scope: o.scope },
  );
  const env = listEnvelopeSchema.safeParse(body);
  if (!env.success) throw unreadable(`a list of ${o.noun}`, 'no "data" list in the reply');
  const items: T[] = [];
  for (const raw of env.data.data) {
    const parsed = o.schema.safeParse(raw);
    if (!parsed.success) throw unreadable(`a list of ${o.noun}`, `a record without the fields Bureau Sync needs`);
    items.push(parsed.data);
  }
  return { items, total: env.data.total ?? null, limit: env.data.limit || o.pageSize };
}
