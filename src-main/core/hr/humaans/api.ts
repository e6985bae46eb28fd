import type { z } from 'zod';
import { AppError } from '../../errors';
import type { Logger } from '../../ports';
import { createHttpClient, type HttpClient, type HttpOptions } from '../http';
import { HUMAANS_DEFAULT_BASE_URL, HUMAANS_MAX_CONCURRENT, HUMAANS_PER_SECOND } from './constants';
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
    // Humaans publishes no numbers: a pace of our own, and only different collections side by side
    // (each collection is still read page by page, as Humaans asks).
    rateLimit: { maxConcurrent: HUMAANS_MAX_CONCURRENT, perSecond: HUMAANS_PER_SECOND },
    logger: opts.logger,
    ...opts.http,
    baseURL: apiRoot(opts.baseUrl),
  });
  const headers = { Authorization: `Bearer ${opts.token.trim()}`, Accept: 'application/json' };
  return {
    http,
    async get(path, query, { signal, scope }) {
      try {
        // A page of people is ~430 KB: read as text as it arrives (http.jsonPage), not buffered.
        const res = await http.jsonPage({ method: 'GET', url: path, params: query, headers, signal });
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
  /**
   * Called with every record of each page (duplicates within a pass left out), with the pass number:
   * a higher pass means the list is being read again from the start, so what earlier passes gave is
   * to be dropped. Lets a caller reduce a collection as it arrives (with `keep: false`) instead of
   * holding every row for `items`.
   */
  onRecords?(records: T[], pass: number): void;
  /**
   * false: records are only handed to onPage/onRecords, not kept for `items`. People are taken page by page, so
   * holding every person until the end of the read would only cost memory (50,000 people are ~200 MB).
   */
  keep?: boolean;
}

export interface ReadResult<T> {
  /** Every record of the last pass (a consistent snapshot when complete); empty with `keep: false`. */
  items: T[];
  /** How many records the last pass read. */
  count: number;
  /** Records handed to onPage, over every pass. */
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
 *
 * Pages are pipelined: the next page is asked for as soon as a reply arrives, before its records are
 * checked and handed on, so Humaans prepares it while Bureau Sync works. That is still one request in
 * flight for the collection, because the next request starts only once the previous reply is in.
 */
export async function readAll<T extends { id: string }>(api: HumaansApi, o: ReadOptions<T>): Promise<ReadResult<T>> {
  const delivered = o.delivered ?? new Set<string>();
  const maxPasses = Math.max(1, o.maxPasses ?? 3);
  // Our own abort, so a page asked for ahead is not left running (and retrying) once the read has failed.
  const ahead = new AbortController();
  const stop = () => ahead.abort();
  o.signal?.addEventListener('abort', stop, { once: true });
  if (o.signal?.aborted) stop();
  const fetchPage = (skip: number): Promise<RawPage> => {
    const p = readRawPage(api, o, skip, ahead.signal);
    // Failures are seen where the page is awaited; one never awaited (the read failed first) is dropped.
    p.catch(() => undefined);
    return p;
  };
  try {
    let reason = '';
    let items: T[] = [];
    let count = 0;
    let total: number | null = null;
    for (let pass = 1; pass <= maxPasses; pass++) {
      const r = await readPass(o, delivered, fetchPage, pass);
      items = r.items;
      count = r.count;
      total = r.total;
      reason = r.problem ?? '';
      if (!reason && r.recheck) {
        const again = await r.recheck;
        const againItems = parseRows(o, again.rows);
        const sameTotal = again.total === r.total;
        const sameFirst =
          againItems.length === r.firstPageIds.size && againItems.every((x) => r.firstPageIds.has(x.id));
        if (!sameTotal || !sameFirst) reason = 'changed';
      }
      if (!reason) return { items, count, delivered: delivered.size, total, complete: true };
    }
    return {
      items,
      count,
      delivered: delivered.size,
      total,
      complete: false,
      incompleteReason: describeProblem(reason, o.noun),
    };
  } finally {
    o.signal?.removeEventListener('abort', stop);
    stop();
  }
}

function describeProblem(problem: string, noun: string): string {
  const tail = 'Nothing was marked missing; the next sync will read the list again.';
  if (problem === 'changed') {
    return `The ${noun} list changed in Humaans while Bureau Sync was reading it, so someone may have been missed. ${tail}`;
  }
  return `${problem} ${tail}`;
}

/** One page as Humaans sent it: the envelope checked, the records not yet. */
interface RawPage {
  rows: unknown[];
  total: number | null;
  limit: number;
}

async function readPass<T extends { id: string }>(
  o: ReadOptions<T>,
  delivered: Set<string>,
  fetchPage: (skip: number) => Promise<RawPage>,
  pass: number,
): Promise<{
  items: T[];
  count: number;
  total: number | null;
  /** The first page read again after the last, when the pass had several pages and no problem. */
  recheck: Promise<RawPage> | null;
  firstPageIds: Set<string>;
  problem: string | null;
}> {
  // Ids of this pass, for duplicates; the records themselves only when the caller keeps them.
  const seen = new Set<string>();
  const items: T[] = [];
  const keep = o.keep !== false;
  let firstPageIds = new Set<string>();
  let firstTotal: number | null = null;
  let total: number | null = null;
  let problem: string | null = null;
  let recheck: Promise<RawPage> | null = null;
  let skip = 0;
  let pages = 0;
  let next: Promise<RawPage> | null = fetchPage(0);
  while (next) {
    const page = await next;
    next = null;
    pages += 1;
    if (pages > 1 && page.total !== firstTotal) problem = 'changed';
    if (pages === 1) firstTotal = page.total;
    total = page.total;
    // Where the next request goes is known from the envelope alone, so it is sent before this page is
    // worked on. The guard stops a server that never ends its list; far above any real company's size.
    const nextSkip = skip + page.rows.length;
    const more =
      page.rows.length > 0 && (total !== null ? nextSkip < total : page.rows.length >= page.limit) && pages < 10_000;
    if (more) next = fetchPage(nextSkip);
    else if (pages > 1 && !problem) recheck = fetchPage(0);
    const records = parseRows(o, page.rows);
    if (pages === 1) firstPageIds = new Set(records.map((x) => x.id));
    const fresh: T[] = [];
    const unique: T[] | null = o.onRecords ? [] : null;
    for (const item of records) {
      if (seen.has(item.id)) {
        problem = 'changed';
        continue;
      }
      seen.add(item.id);
      if (keep) items.push(item);
      unique?.push(item);
      if (!o.onPage) continue;
      if (!delivered.has(item.id)) {
        delivered.add(item.id);
        fresh.push(item);
      }
    }
    if (unique) o.onRecords?.(unique, pass);
    if (o.onPage && (fresh.length > 0 || pages === 1)) await o.onPage(fresh, { fetched: delivered.size, total });
    skip = nextSkip;
  }
  if (!problem && total !== null && seen.size < total) {
    problem = `Humaans said there are ${total} ${o.noun} but sent only ${seen.size}.`;
  }
  return { items, count: seen.size, total, recheck: problem ? null : recheck, firstPageIds, problem };
}

async function readRawPage<T extends { id: string }>(
  api: HumaansApi,
  o: ReadOptions<T>,
  skip: number,
  signal: AbortSignal,
): Promise<RawPage> {
  const body = await api.get(o.path, { ...o.query, $limit: o.pageSize, $skip: skip }, { signal, scope: o.scope });
  const env = listEnvelopeSchema.safeParse(body);
  if (!env.success) throw unreadable(`a list of ${o.noun}`, 'no "data" list in the reply');
  return { rows: env.data.data, total: env.data.total ?? null, limit: env.data.limit || o.pageSize };
}

function parseRows<T extends { id: string }>(o: ReadOptions<T>, rows: unknown[]): T[] {
  const items: T[] = [];
  for (const raw of rows) {
    const parsed = o.schema.safeParse(raw);
    if (!parsed.success) throw unreadable(`a list of ${o.noun}`, `a record without the fields Bureau Sync needs`);
    items.push(parsed.data);
  }
  return items;
}
