import { AppError } from '../../errors';
import type { Logger } from '../../ports';
import { silentLogger } from '../../ports';
import { createHttpClient, type HttpOptions, type RateLimit } from '../http';
import type { HrClient, ProviderRecord } from '../types';
import { buildCatalogue } from './catalogue';
import { checkPersonioCredentials, DEFAULT_RECOMMENDED_ATTRIBUTES, DEFAULT_REQUIRED_ATTRIBUTES } from './check';
import { createPersonioDocuments } from './documents';
import { flattenEmployee } from './flatten';
import { PERSONIO_APP_ID, PERSONIO_AUTH_RATE_LIMIT, PERSONIO_MAX_PAGE_SIZE, PERSONIO_RATE_LIMIT } from './howto';
import { listEmployees, type ListDeps } from './list';
import {
  attributeSchema,
  attributesResponseSchema,
  listResponseSchema,
  singleResponseSchema,
  type PersonioAttribute,
} from './schemas';
import { PersonioSession } from './session';

export interface PersonioCredentials {
  clientId: string;
  clientSecret: string;
}

export interface PersonioClientOptions {
  baseUrl: string;
  credentials: PersonioCredentials;
  logger?: Logger;
  /** Overrides for the shared HTTP layer (timeouts, retries, backoff); vendor and base URL are fixed. */
  http?: Partial<HttpOptions>;
  /** Client-side throttle for employee calls. Default Personio's documented 300/min, 15/s; null switches it off. */
  rateLimit?: RateLimit | null;
  /** Client-side throttle for POST /v1/auth. Default 60/min; null switches it off. */
  authRateLimit?: RateLimit | null;
  /** Employees per page, 1–100 (Personio's maximum). Default 100. */
  pageSize?: number;
  /**
   * Pages of the employee list requested ahead of the one being read, within the rate limit, once Personio
   * has said how many people it holds. Default 0 (one page at a time); the app asks for PERSONIO_PAGES_AHEAD.
   */
  pagesAhead?: number;
  /** Passes over the list when it changes mid-read before giving up as incomplete. Default 2. */
  maxListPasses?: number;
  /** X-Personio-App-ID, UPPER_SNAKE_CASE. Default BUREAU_SYNC. */
  appId?: string;
  /** X-Personio-Partner-ID, UPPER_SNAKE_CASE. Default BUREAU_SYNC. */
  partnerId?: string;
  /** Attributes without which checkCredentials fails with FORBIDDEN. Default first_name, last_name, status. */
  requiredAttributes?: string[];
  /** Attributes whose absence checkCredentials reports as a warning. */
  recommendedAttributes?: string[];
  /** Clock for token lifetimes. Default Date.now. */
  now?: () => number;
}

function pick(explicit: RateLimit | null | undefined, fallback: RateLimit | undefined): RateLimit | undefined {
  if (explicit === null) return undefined;
  return explicit ?? fallback;
}

export function createPersonioClient(opts: PersonioClientOptions): HrClient {
  const logger = opts.logger ?? silentLogger;
  const common = { ...opts.http, vendor: 'Personio', baseURL: opts.baseUrl, logger };
  const api = createHttpClient({
    ...common,
    rateLimit: pick(opts.rateLimit, opts.http?.rateLimit ?? PERSONIO_RATE_LIMIT),
  });
  const auth = createHttpClient({ ...common, rateLimit: pick(opts.authRateLimit, PERSONIO_AUTH_RATE_LIMIT) });
  const session = new PersonioSession({
    api,
    auth,
    credentials: opts.credentials,
    headers: {
      'X-Personio-App-ID': opts.appId ?? PERSONIO_APP_ID,
      'X-Personio-Partner-ID': opts.partnerId ?? PERSONIO_APP_ID,
    },
    now: opts.now ?? Date.now,
  });
  const pageSize = Math.max(1, Math.min(PERSONIO_MAX_PAGE_SIZE, Math.floor(opts.pageSize ?? PERSONIO_MAX_PAGE_SIZE)));
  let attributes: PersonioAttribute[] | null | undefined;

  async function loadAttributes(signal?: AbortSignal): Promise<PersonioAttribute[] | null> {
    try {
      const raw = attributesResponseSchema.parse(
        await session.get('/v1/company/employees/attributes', undefined, 'attributes', signal),
      );
      attributes = raw.data.flatMap((a) => {
        const p = attributeSchema.safeParse(a);
        return p.success ? [p.data] : [];
      });
    } catch (err) {
      // Some credentials may list employees but not this endpoint; the records themselves still tell.
      const status = err instanceof AppError ? err.details?.['status'] : undefined;
      const unavailable =
        err instanceof AppError &&
        (err.code === 'FORBIDDEN' || (err.code === 'HR_ERROR' && typeof status === 'number' && status < 500));
      if (!unavailable) throw err;
      attributes = null;
    }
    return attributes;
  }

  const tagKeys = () =>
    attributes ? new Set(attributes.filter((a) => a.type === 'tags').map((a) => a.key)) : undefined;
  const listDeps: ListDeps = {
    session,
    pageSize,
    pagesAhead: Math.max(0, Math.floor(opts.pagesAhead ?? 0)),
    maxPasses: opts.maxListPasses ?? 2,
    logger,
    tagKeys,
  };

  return {
    provider: 'personio',
    documents: createPersonioDocuments({ ...opts, session, logger }),

    checkCredentials: (signal) =>
      checkPersonioCredentials(
        {
          session,
          required: opts.requiredAttributes ?? DEFAULT_REQUIRED_ATTRIBUTES,
          recommended: opts.recommendedAttributes ?? DEFAULT_RECOMMENDED_ATTRIBUTES,
          loadAttributes,
        },
        signal,
      ),

    listEmployees: (listOpts) => listEmployees(listDeps, listOpts),

    async getEmployee(externalId, getOpts): Promise<ProviderRecord | null> {
      const id = externalId.trim();
      if (!/^\d+$/.test(id))
        throw new AppError('VALIDATION', `"${externalId}" is not a Personio employee ID (Personio IDs are numbers).`);
      let raw: unknown;
      try {
        raw = await session.get(`/v1/company/employees/${id}`, undefined, 'employee', getOpts.signal);
      } catch (err) {
        if (err instanceof AppError && err.code === 'NOT_FOUND') return null;
        throw err;
      }
      const parsed = singleResponseSchema.safeParse(raw);
      if (!parsed.success)
        throw new AppError(
          'HR_ERROR',
          'Personio sent an employee record Bureau Sync could not read. Nothing was changed; try again in a few minutes.',
        );
      return flattenEmployee(parsed.data.data, { includeSalaries: getOpts.includeSalaries, tagKeys: tagKeys() });
    },

    async fieldCatalogue(signal) {
      const attrs = (await loadAttributes(signal)) ?? [];
      const page = listResponseSchema.safeParse(
        await session.get('/v1/company/employees', { limit: pageSize, offset: 0 }, 'list', signal),
      );
      const raws = page.success ? page.data.data : [];
      const records = raws.flatMap((r) => flattenEmployee(r, { includeSalaries: true, tagKeys: tagKeys() }) ?? []);
      return buildCatalogue(attrs, raws, records);
    },
  };
}
