import { AppError } from '../../errors';
import type { Logger } from '../../ports';
import type { ListOptions, ListResult, ProviderRecord } from '../types';

/** One paged listing: whether it read everyone it was asked for. */
export type Listing = Pick<ListResult, 'complete' | 'incompleteReason' | 'fetched'>;
/** The hourly check: the changes, and the roll call of everyone Personio holds now. */
export type ChangesListing = Listing & { ids: string[] };
import { flattenEmployee } from './flatten';
import { employeesOf, listEnvelopeSchema } from './schemas';
import type { PersonioSession } from './session';

/**
 * Reads everyone from GET /v1/company/employees with row-offset pagination (offset counts rows from 0,
 * trap T1; limit ≤ 100 always sent, T2) and decides whether the result is complete. Offset paging
 * shifts when HR adds or removes people mid-sync (T9): a repeated id or a changed total means rows may
 * have been skipped, so another pass is made that delivers only people not yet seen. Only a pass that
 * saw no such change, and got as many people as Personio said it holds, makes the result complete.
 */
export interface ListDeps {
  session: PersonioSession;
  pageSize: number;
  /** Pages requested ahead once Personio has said how many people it holds (its token allows parallel calls). */
  pagesAhead: number;
  maxPasses: number;
  logger: Logger;
  tagKeys: () => ReadonlySet<string> | undefined;
}

interface PassResult {
  stable: boolean;
  reason?: string;
  /** Another pass would not help (e.g. records without an id). */
  final?: boolean;
}

const CHANGED =
  "Personio's employee list changed while Bureau Sync was reading it (someone was added or removed), so some people may have been missed. " +
  'Nobody was marked missing; run the sync again.';

function cancelled(signal?: AbortSignal): void {
  if (signal?.aborted) throw new AppError('CANCELLED', 'The sync was cancelled.');
}

/** Query parameters that narrow a listing: `updated_since` for the hourly check, `attributes[]` for a roll call. */
export type ListQuery = Record<string, string | string[]>;

export async function listAllEmployees(deps: ListDeps, opts: ListOptions, query: ListQuery = {}): Promise<Listing> {
  const seen = new Set<string>();
  let last: PassResult = { stable: false };
  for (let pass = 1; pass <= deps.maxPasses; pass++) {
    last = await onePass(deps, opts, seen, query);
    if (last.stable) return { complete: true, fetched: seen.size };
    if (last.final) break;
    deps.logger.warn('Personio: employee list was not read cleanly', { pass, reason: last.reason });
  }
  return { complete: false, incompleteReason: last.reason ?? CHANGED, fetched: seen.size };
}

async function onePass(deps: ListDeps, opts: ListOptions, seen: Set<string>, query: ListQuery): Promise<PassResult> {
  const passIds = new Set<string>();
  let firstTotal: number | null = null;
  let lastTotal: number | null = null;
  let offset = 0;
  let result: PassResult = { stable: true };
  let unreadable = 0;
  // A page cap, so a server that never stops answering cannot keep the sync going forever.
  let pagesLeft = 100_000;
  // Later pages are requested while earlier ones are decided; every page is still checked in order below,
  // and an offset the rows actually served do not land on is simply read afresh.
  const ahead = new Map<number, Promise<unknown>>();
  const request = (at: number) => {
    const p = deps.session.get(
      '/v1/company/employees',
      { ...query, limit: deps.pageSize, offset: at },
      'list',
      opts.signal,
    );
    p.catch(() => undefined);
    return p;
  };

  for (;;) {
    cancelled(opts.signal);
    const raw = await (ahead.get(offset) ?? request(offset));
    ahead.delete(offset);
    const parsed = listEnvelopeSchema.safeParse(raw);
    const rows = parsed.success ? employeesOf(parsed.data.data) : null;
    if (!parsed.success || parsed.data.success === false || rows === null) {
      throw new AppError(
        'HR_ERROR',
        'Personio sent an employee list Bureau Sync could not read (no "data" list). Nothing was changed; try again in a few minutes.',
      );
    }
    const page = { ...parsed.data, data: rows };
    const total = page.metadata?.total_elements ?? null;
    if (total !== null) lastTotal = total;
    if (firstTotal === null) firstTotal = total;
    else if (total !== null && total !== firstTotal) result = { stable: false, reason: CHANGED };

    const fresh: ProviderRecord[] = [];
    for (const row of page.data) {
      const rec = flattenEmployee(row, { includeSalaries: opts.includeSalaries, tagKeys: deps.tagKeys() });
      if (!rec) {
        unreadable += 1;
        continue;
      }
      if (passIds.has(rec.externalId)) result = { stable: false, reason: CHANGED };
      passIds.add(rec.externalId);
      if (!seen.has(rec.externalId)) {
        seen.add(rec.externalId);
        fresh.push(rec);
      }
    }
    if (page.data.length > 0 && total !== null && !deps.session.tokenRotates) {
      for (let i = 1, at = offset + page.data.length; i <= deps.pagesAhead && at < total; i++, at += page.data.length) {
        if (!ahead.has(at)) ahead.set(at, request(at));
      }
    }
    if (fresh.length > 0) await opts.onPage(fresh, { fetched: seen.size, total: total ?? firstTotal });

    if (page.data.length === 0) break;
    // Advance by the rows actually served: Personio may serve fewer than asked for (a lower maximum).
    offset += page.data.length;
    const servedLimit = page.limit ?? deps.pageSize;
    if (total !== null ? offset >= total : page.data.length < servedLimit) break;
    if (--pagesLeft <= 0)
      return {
        stable: false,
        final: true,
        reason:
          'Personio kept sending more pages than it said it had; the list was cut short. Nobody was marked missing.',
      };
  }

  if (unreadable > 0) {
    return {
      stable: false,
      final: true,
      reason: `Personio sent ${unreadable} employee record(s) without an ID, so they could not be synced. Nobody was marked missing.`,
    };
  }
  if (result.stable && lastTotal !== null && passIds.size < lastTotal) {
    return {
      stable: false,
      reason: `Personio said it holds ${lastTotal} employees but sent only ${passIds.size}, so the list was cut short. Nobody was marked missing; run the sync again.`,
    };
  }
  return result;
}

/**
 * How far before the last sync the hourly check asks from. Personio reads `updated_since` as a local time
 * in an undocumented zone (trap T9): a UTC wall time read as any European zone asks from earlier, never later,
 * and the margin covers clock drift and zones up to two hours west of UTC. Asking from earlier only re-reads
 * a few people whose record is unchanged, which the sync then skips by hash.
 */
export const CHANGES_OVERLAP_MS = 2 * 60 * 60 * 1000;

/** `updated_since` as Personio documents it (`2022-12-24T08:15:30`, no zone), with the overlap taken off. */
export function updatedSinceParam(since: Date): string {
  return new Date(since.getTime() - CHANGES_OVERLAP_MS).toISOString().slice(0, 19);
}

/**
 * The hourly check: people Personio reports as modified since `since` (its `last_modified_at`, which moves for
 * every attribute the credential may read, T9), then a roll call of ids only (`attributes[]=id`), so someone
 * deleted in Personio is still noticed. Both are ordinary paged listings with the same completeness checks.
 */
export async function listChangedEmployees(deps: ListDeps, since: Date, opts: ListOptions): Promise<ChangesListing> {
  const changedIds = new Set<string>();
  const changed = await listAllEmployees(
    deps,
    {
      ...opts,
      onPage: (records, progress) => {
        for (const r of records) changedIds.add(r.externalId);
        return opts.onPage(records, progress);
      },
    },
    { updated_since: updatedSinceParam(since) },
  );
  if (!changed.complete) return { ...changed, ids: [] };
  const confirmed = opts.since ? await rollCallByCount(deps, opts.since.lastRollCall(), changedIds, opts.signal) : null;
  if (confirmed) return { complete: true, fetched: changed.fetched, ids: confirmed };
  const ids: string[] = [];
  const rollCall = await listAllEmployees(
    deps,
    {
      signal: opts.signal,
      includeSalaries: false,
      onPage: (records) => {
        for (const r of records) ids.push(r.externalId);
      },
    },
    { 'attributes[]': ['id'] },
  );
  if (!rollCall.complete) return { ...rollCall, fetched: changed.fetched, ids: [] };
  return { complete: true, fetched: changed.fetched, ids };
}

/**
 * The roll call in one request instead of a listing of every id (at 100 a page and Personio's 15 requests a
 * second, as long as a first sync): whoever Personio holds now is everyone it held at the last read, plus
 * anyone new, and anyone new is in the change feed (creating a person sets their last_modified_at). So when
 * Personio's own count equals last time's people together with those the feed reported, nobody has left and
 * that union is the roll call. Any other count (someone deleted, or added between the two requests) falls back
 * to listing every id. Null when the count cannot be read or does not match.
 */
async function rollCallByCount(
  deps: ListDeps,
  before: ReadonlySet<string>,
  changed: ReadonlySet<string>,
  signal?: AbortSignal,
): Promise<string[] | null> {
  cancelled(signal);
  const raw = await deps.session.get(
    '/v1/company/employees',
    { 'attributes[]': ['id'], limit: 1, offset: 0 },
    'list',
    signal,
  );
  const parsed = listEnvelopeSchema.safeParse(raw);
  const total = parsed.success && parsed.data.success !== false ? (parsed.data.metadata?.total_elements ?? null) : null;
  if (total === null) return null;
  const now = new Set(before);
  for (const id of changed) now.add(id);
  if (total !== now.size) {
    deps.logger.info('Personio: the count of people differs from the last read; listing every id', {
      total,
      expected: now.size,
    });
    return null;
  }
  return [...now];
}

/**
 * Reads everyone, or, resuming from a cursor, only who changed since plus a roll call. The cursor is the time
 * the read started: Personio's `updated_since` then asks from there (less the overlap above).
 */
export async function listEmployees(deps: ListDeps, opts: ListOptions): Promise<ListResult> {
  const cursor = opts.startedAt ?? new Date().toISOString();
  const since = opts.since ? new Date(opts.since.cursor) : null;
  if (since && !Number.isNaN(since.getTime())) {
    const { ids, ...r } = await listChangedEmployees(deps, since, opts);
    return r.complete ? { ...r, covers: 'changes', present: ids, cursor } : { ...r, covers: 'changes', cursor: null };
  }
  const r = await listAllEmployees(deps, opts);
  return { ...r, covers: 'all', cursor: r.complete ? cursor : null };
}
