import { AppError } from '../../errors';
import { readAll, type HumaansApi, type Query, type ReadResult } from './api';
import { SCOPE_COMPENSATIONS_READ, SCOPE_PRIVATE_READ, SCOPE_PUBLIC_READ } from './constants';
import { groupByPerson, type Related } from './flatten';
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
 */
export interface RelatedOptions {
  today: string;
  includeSalaries: boolean;
  pageSize: number;
  signal?: AbortSignal;
  personId?: string;
}

export async function fetchRelated(api: HumaansApi, o: RelatedOptions): Promise<Related> {
  const query: Query = o.personId ? { personId: o.personId } : {};
  const common = { pageSize: o.pageSize, signal: o.signal, query };
  const reasons: string[] = [];
  const done = <T>(r: ReadResult<T>): T[] => {
    if (!r.complete && r.incompleteReason) reasons.push(r.incompleteReason);
    return r.items;
  };

  // A whole list reads one request at a time; one person's few small pages are asked for side by side,
  // so "Sync now" waits for one round trip (custom values are read before knowing the fields are readable).
  const side = o.personId !== undefined;
  const customFieldsRead = () =>
    optional(
      readAll(api, { ...common, query: {}, path: '/custom-fields', schema: customFieldSchema, noun: 'custom fields', scope: SCOPE_PRIVATE_READ }),
    );
  const customValuesRead = () =>
    optional(
      readAll(api, { ...common, path: '/custom-values', schema: customValueSchema, noun: 'custom field values', scope: SCOPE_PRIVATE_READ }),
    );
  const tasks = [
    () => optional(readAll(api, { ...common, path: '/job-roles', schema: jobRoleSchema, noun: 'job roles', scope: SCOPE_PUBLIC_READ })),
    () => readAll(api, { ...common, path: '/bank-accounts', schema: bankAccountSchema, noun: 'bank accounts', scope: SCOPE_PRIVATE_READ }),
    () => (o.includeSalaries ? readSalaries(api, common, side) : Promise.resolve(null)),
  ] as const;
  let jobRoles, bankAccounts, salaries, customFields, customValues;
  if (side) {
    const early = customValuesRead();
    early.catch(() => undefined);
    [jobRoles, bankAccounts, salaries, customFields, customValues] = await Promise.all([
      tasks[0](),
      tasks[1](),
      tasks[2](),
      customFieldsRead(),
      early,
    ]);
    if (!customFields) customValues = null;
  } else {
    jobRoles = await tasks[0]();
    bankAccounts = await tasks[1]();
    salaries = await tasks[2]();
    customFields = await customFieldsRead();
    customValues = customFields ? await customValuesRead() : null;
  }
  const types = salaries ? done(salaries.types) : [];
  const compensations = salaries?.compensations ?? null;

  const related: Related = {
    today: o.today,
    jobRoles: jobRoles ? groupByPerson(done(jobRoles)) : null,
    bankAccounts: groupByPerson(done(bankAccounts)),
    compensations: compensations ? groupByPerson(done(compensations)) : null,
    compensationTypes: new Map(types.map((t) => [t.id, t])),
    customFields: customFields && customValues ? done(customFields) : null,
    customValues: customValues ? groupByPerson(done(customValues)) : null,
  };
  if (reasons.length > 0) {
    // A short related list would blank real job titles or bank details, so no person is delivered.
    throw new AppError('INCOMPLETE_FETCH', reasons[0]!, { reasons });
  }
  return related;
}

async function readSalaries(
  api: HumaansApi,
  common: { pageSize: number; signal?: AbortSignal; query: Query },
  side: boolean,
): Promise<{ types: ReadResult<HumaansCompensationType>; compensations: ReadResult<HumaansCompensation> }> {
  const types = () =>
    readAll(api, {
      ...common,
      query: {},
      path: '/compensation-types',
      schema: compensationTypeSchema,
      noun: 'compensation types',
      scope: SCOPE_COMPENSATIONS_READ,
    });
  const compensations = () =>
    readAll(api, { ...common, path: '/compensations', schema: compensationSchema, noun: 'compensations', scope: SCOPE_COMPENSATIONS_READ });
  if (side) {
    const [t, c] = await Promise.all([types(), compensations()]);
    return { types: t, compensations: c };
  }
  const t = await types();
  return { types: t, compensations: await compensations() };
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
