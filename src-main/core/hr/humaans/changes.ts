import { z } from 'zod';
import { AppError } from '../../errors';
import { readAll, type HumaansApi, type Query } from './api';
import { SCOPE_COMPENSATIONS_READ, SCOPE_PRIVATE_READ, SCOPE_PUBLIC_READ } from './constants';

/**
 * The hourly check for Humaans: which people changed since the last sync, read from the `updatedAt[$gt]`
 * filter of every collection a person's record is built from, plus a roll call of everyone's id.
 * humaans.md marks that filter as unverified, so it is probed first: asked for records changed after a
 * date far in the future, a Humaans that honours it lists nobody; one that ignores it (or refuses it)
 * means "read everyone", which is what the sync then does. Deleted related rows leave no trace in any
 * filter, so the daily full read (the first sync of each day) still catches those.
 */

/** How far before the last sync the check asks from: clock drift between this computer and Humaans. */
export const HUMAANS_CHANGES_OVERLAP_MS = 15 * 60 * 1000;

/**
 * Reading one person costs a round trip (their five collections side by side); a full read costs about one
 * sequential page per 35 people (custom values dominate). Above one changed person in 200, or 10 in a small
 * company, one full read is the quicker way (measured at 10,000 people: 100 changed people read one by one
 * took longer than reading everyone).
 */
export function worthReadingOneByOne(changed: number, everyone: number): boolean {
  return changed <= Math.max(10, Math.floor(everyone / 200));
}

const FAR_FUTURE = '2999-01-01T00:00:00.000Z';

// Only the ids are kept (z.object drops the rest), so a roll call of 50,000 people stays small.
const personRef = z.object({ id: z.string().min(1), personId: z.string().nullish() });
const envelope = z.looseObject({ total: z.coerce.number().nullish(), data: z.array(z.unknown()) });

export type ChangedPeople =
  | { kind: 'everyone' }
  | { kind: 'incomplete'; reason: string }
  | { kind: 'changed'; changed: Set<string>; ids: string[] };

export async function changedPeople(
  api: HumaansApi,
  since: Date,
  o: { includeSalaries: boolean; pageSize: number; signal?: AbortSignal },
): Promise<ChangedPeople> {
  if (!(await honoursUpdatedAt(api, o.signal))) return { kind: 'everyone' };
  const after = new Date(since.getTime() - HUMAANS_CHANGES_OVERLAP_MS).toISOString();
  // A changed custom field (a renamed or retyped definition) can change everyone's record.
  const fields = await readRefs(api, '/custom-fields', { 'updatedAt[$gt]': after }, SCOPE_PRIVATE_READ, o, true);
  if (fields?.reason) return { kind: 'incomplete', reason: fields.reason };
  if (fields && fields.refs.length > 0) return { kind: 'everyone' };

  const sources: Array<[string, Query, string]> = [
    ['/people', { status: 'all', 'updatedAt[$gt]': after }, SCOPE_PRIVATE_READ],
    ['/job-roles', { 'updatedAt[$gt]': after }, SCOPE_PUBLIC_READ],
    ['/bank-accounts', { 'updatedAt[$gt]': after }, SCOPE_PRIVATE_READ],
    ['/custom-values', { 'updatedAt[$gt]': after }, SCOPE_PRIVATE_READ],
    ...(o.includeSalaries
      ? ([['/compensations', { 'updatedAt[$gt]': after }, SCOPE_COMPENSATIONS_READ]] as Array<[string, Query, string]>)
      : []),
  ];
  // Different collections side by side, each one request at a time (as Humaans asks).
  const reads = await Promise.all(
    sources.map(([path, query, scope]) =>
      readRefs(api, path, query, scope, o, path === '/job-roles' || path === '/custom-values'),
    ),
  );
  const changed = new Set<string>();
  for (const [i, r] of reads.entries()) {
    if (r === null) continue; // a collection this token may not read is unknown to the full read too
    if (r.reason) return { kind: 'incomplete', reason: r.reason };
    for (const ref of r.refs) {
      const person = sources[i]![0] === '/people' ? ref.id : ref.personId;
      if (person) changed.add(person);
    }
  }

  // Decided before the roll call, from the count one small page states, so a busy hour costs one extra request.
  const everyone = await countPeople(api, o.signal);
  if (everyone === null || !worthReadingOneByOne(changed.size, everyone)) return { kind: 'everyone' };
  // Whole pages: `$select` is a generic Feathers operator nobody has checked on Humaans.
  const roll = await readRefs(api, '/people', { status: 'all' }, SCOPE_PRIVATE_READ, o, false);
  if (roll === null) return { kind: 'everyone' };
  if (roll.reason) return { kind: 'incomplete', reason: roll.reason };
  return { kind: 'changed', changed, ids: roll.refs.map((r) => r.id) };
}

/** Whether this Humaans filters /people by updatedAt: asked for changes after 2999, it must list nobody. */
async function honoursUpdatedAt(api: HumaansApi, signal?: AbortSignal): Promise<boolean> {
  try {
    const body = envelope.safeParse(
      await api.get(
        '/people',
        { status: 'all', 'updatedAt[$gt]': FAR_FUTURE, $limit: 1 },
        { signal, scope: SCOPE_PRIVATE_READ },
      ),
    );
    return body.success && body.data.total === 0 && body.data.data.length === 0;
  } catch (err) {
    if (err instanceof AppError && err.code === 'CANCELLED') throw err;
    // A refused filter (400) or anything odd: the full read decides, and reports any real failure itself.
    return false;
  }
}

/** How many people Humaans holds, as the `total` of a one-person page says; null when it does not say. */
async function countPeople(api: HumaansApi, signal?: AbortSignal): Promise<number | null> {
  const body = envelope.safeParse(
    await api.get('/people', { status: 'all', $limit: 1 }, { signal, scope: SCOPE_PRIVATE_READ }),
  );
  return body.success && typeof body.data.total === 'number' ? body.data.total : null;
}

/** Ids (and person ids) of one collection's matching records; null when the token may not read it. */
async function readRefs(
  api: HumaansApi,
  path: string,
  query: Query,
  scope: string,
  o: { pageSize: number; signal?: AbortSignal },
  optionalScope: boolean,
): Promise<{ refs: Array<z.infer<typeof personRef>>; reason?: string } | null> {
  try {
    const r = await readAll(api, {
      path,
      query,
      schema: personRef,
      noun: path.slice(1).replace('-', ' '),
      pageSize: o.pageSize,
      scope,
      signal: o.signal,
    });
    return r.complete
      ? { refs: r.items }
      : { refs: [], reason: r.incompleteReason ?? `The ${path.slice(1)} list changed while it was read.` };
  } catch (err) {
    if (optionalScope && err instanceof AppError && (err.code === 'FORBIDDEN' || err.code === 'NOT_FOUND')) return null;
    throw err;
  }
}
