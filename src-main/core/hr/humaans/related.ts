import { AppError } from '../../errors';
import { readAll, type HumaansApi, type Query, type ReadResult } from './api';
import { SCOPE_COMPENSATIONS_READ, SCOPE_PRIVATE_READ, SCOPE_PUBLIC_READ } from './constants';
import { CurrentRelated } from './current';
import type { Related } from './flatten';
import {
  type HumaansCompensation,
  type HumaansCompensationType,
  bankAccountSchema,
  compensationSchema,
  compensationTypeSchema,
  customFieldSchema,
  customValueSchema,
  jobRoleSchema,
} from './schemas';

/**
 * Job roles, bank accounts, compensations and custom values live in their own collections. A full
 * list reads each collection page by page once (never one call per person); a single person reads
 * them filtered by `personId`. Bank accounts and (when asked) compensations are required; custom
 * fields the token may not see are simply unknown.
 *
 * The collections are read side by side, each one request at a time (readAll): Humaans asks for no
 * parallel pages of one list, and the HTTP client caps requests in flight at HUMAANS_MAX_CONCURRENT.
 * A whole list thus waits for its longest collection (custom values: 7 per person), not for the sum.
 */
export interface RelatedOptions {
  today: string;
  includeSalaries: boolean;
  pageSize: number;
  signal?: AbortSignal;
  personId?: string;
}

export async function fetchRelated(api: HumaansApi, o: RelatedOptions): Promise<Related> {
  // One person's few small pages are all asked for at once, so "Sync now" waits for one round trip
  // (custom values are read before knowing the fields are readable). A whole list reads custom values
  // only once custom fields turned out readable: one page's wait, against ~7 pages per 250 people.
  const side = o.personId !== undefined;
  // Stops the other collections when one fails, so their requests do not run on (and retry) for nothing.
  const ctrl = new AbortController();
  const stop = () => ctrl.abort();
  o.signal?.addEventListener('abort', stop, { once: true });
  if (o.signal?.aborted) stop();
  try {
    return await readRelated(api, o, side, ctrl.signal, stop);
  } finally {
    o.signal?.removeEventListener('abort', stop);
    stop();
  }
}

async function readRelated(
  api: HumaansApi,
  o: RelatedOptions,
  side: boolean,
  signal: AbortSignal,
  stop: () => void,
): Promise<Related> {
  const query: Query = o.personId ? { personId: o.personId } : {};
  // Rows are reduced to each person's current records as their pages arrive (current.ts), not kept.
  const common = { pageSize: o.pageSize, signal, query, keep: false };
  const current = new CurrentRelated(o.today);
  const reasons: string[] = [];
  const done = (r: ReadResult<unknown> | null): boolean => {
    if (r && !r.complete && r.incompleteReason) reasons.push(r.incompleteReason);
    return r !== null;
  };
  const failFast = <T>(p: Promise<T>): Promise<T> =>
    p.catch((err: unknown) => {
      stop();
      throw err;
    });

  const customFieldsRead = () =>
    optional(
      readAll(api, {
        ...common,
        query: {},
        keep: true,
        path: '/custom-fields',
        schema: customFieldSchema,
        noun: 'custom fields',
        scope: SCOPE_PRIVATE_READ,
      }),
    );
  const customValuesRead = () =>
    optional(
      readAll(api, {
        ...common,
        path: '/custom-values',
        schema: customValueSchema,
        noun: 'custom field values',
        scope: SCOPE_PRIVATE_READ,
        onRecords: (values, pass) => current.addCustomValues(values, pass),
      }),
    );
  const tasks = [
    () =>
      optional(
        readAll(api, {
          ...common,
          path: '/job-roles',
          schema: jobRoleSchema,
          noun: 'job roles',
          scope: SCOPE_PUBLIC_READ,
          onRecords: (roles, pass) => current.addJobRoles(roles, pass),
        }),
      ),
    () =>
      readAll(api, {
        ...common,
        path: '/bank-accounts',
        schema: bankAccountSchema,
        noun: 'bank accounts',
        scope: SCOPE_PRIVATE_READ,
        onRecords: (accounts, pass) => current.addBankAccounts(accounts, pass),
      }),
    () => (o.includeSalaries ? readSalaries(api, common, current) : Promise.resolve(null)),
  ] as const;
  const custom = async () => {
    if (side) {
      const early = customValuesRead();
      early.catch(() => undefined);
      const fields = await customFieldsRead();
      const values = await early;
      return { fields, values: fields ? values : null };
    }
    const fields = await customFieldsRead();
    return { fields, values: fields ? await customValuesRead() : null };
  };
  const [jobRoles, bankAccounts, salaries, { fields: customFields, values: customValues }] = await Promise.all([
    failFast(tasks[0]()),
    failFast(tasks[1]()),
    failFast(tasks[2]()),
    failFast(custom()),
  ]);
  const types = salaries && done(salaries.types) ? salaries.types.items : [];

  const related: Related = {
    today: o.today,
    people: current.people,
    jobRoles: done(jobRoles),
    bankAccounts: done(bankAccounts),
    compensations: salaries ? done(salaries.compensations) : false,
    compensationTypes: new Map(types.map((t) => [t.id, t])),
    customFields: customFields && customValues && done(customFields) && done(customValues) ? customFields.items : null,
    customFieldIndex: current.customFieldIndex,
  };
  if (reasons.length > 0) {
    // A short related list would blank real job titles or bank details, so no person is delivered.
    throw new AppError('INCOMPLETE_FETCH', reasons[0]!, { reasons });
  }
  return related;
}

async function readSalaries(
  api: HumaansApi,
  common: { pageSize: number; signal?: AbortSignal; query: Query; keep: boolean },
  current: CurrentRelated,
): Promise<{ types: ReadResult<HumaansCompensationType>; compensations: ReadResult<HumaansCompensation> }> {
  const [types, compensations] = await Promise.all([
    readAll(api, {
      ...common,
      query: {},
      keep: true,
      path: '/compensation-types',
      schema: compensationTypeSchema,
      noun: 'compensation types',
      scope: SCOPE_COMPENSATIONS_READ,
    }),
    readAll(api, {
      ...common,
      path: '/compensations',
      schema: compensationSchema,
      noun: 'compensations',
      scope: SCOPE_COMPENSATIONS_READ,
      onRecords: (comps, pass) => current.addCompensations(comps, pass),
    }),
  ]);
  return { types, compensations };
}

/** Data the token may not see (403) or Humaans does not offer here (404) is unknown, not an error. */
export async function optional<T>(p: Promise<T>): Promise<T | null> {
  try {
    return await p;
  } catch (err) {
    if (err instanceof AppError && (err.code === 'FORBIDDEN' || err.code === 'NOT_FOUND')) return null;
    throw err;
  }
}
