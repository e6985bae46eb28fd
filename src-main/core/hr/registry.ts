import type { Credentials, FieldInfo, RealProvider } from '../../contract/providers';
import type { Mapping } from '../../contract/mapping';
import type { Logger } from '../ports';
import type { HttpOptions } from './http';
import type { HrClient } from './types';
import { personioSuggestedMapping } from './personio/suggest';
import { PERSONIO_DEFAULT_BASE_URL, PERSONIO_PAGES_AHEAD } from './personio/howto';
import { humaansSuggestedMapping } from './humaans/suggest';
import { HUMAANS_DEFAULT_BASE_URL } from './humaans/constants';
import { peoplehrSuggestedMapping } from './peoplehr/suggest';
import { PEOPLEHR_DEFAULT_BASE_URL } from './peoplehr/howto';
import { AppError } from '../errors';

/**
 * The one place that knows which client serves which HR system; nothing after it knows the vendor.
 * The clients (and with them axios, ~50 ms to load) are imported when a client is first made, not when the
 * core loads: a command that reaches no HR system (`companies list`, `employees`) never loads them.
 */
export const DEFAULT_BASE_URL: Record<RealProvider, string> = {
  personio: PERSONIO_DEFAULT_BASE_URL,
  humaans: HUMAANS_DEFAULT_BASE_URL,
  peoplehr: PEOPLEHR_DEFAULT_BASE_URL,
};

/** Provider field key stating the salary's period, so amounts are converted only when the HR system says. */
export const SALARY_PERIOD_KEY: Record<RealProvider, string | null> = {
  personio: 'fix_salary_interval',
  humaans: 'compensation.period',
  peoplehr: 'Salary.SalaryType',
};

export interface ClientOptions {
  logger?: Logger;
  http?: Partial<HttpOptions>;
  /** Options that only one vendor's client understands, each in its vendor's section. */
  vendors?: VendorOptions;
}

export interface VendorOptions {
  peoplehr?: {
    /** PeopleHR calls a minute; by default PeopleHR's own limit (30). Tests against the fake, which has none, lift it. */
    callsPerMinute?: number;
    /** How much of the staff list is held unread while it may be as last time; by default 64 MB. Tests lower it. */
    holdReplyBytes?: number;
  };
}

export async function createHrClient(
  credentials: Exclude<Credentials, { provider: 'demo' }>,
  baseUrl: string | null,
  { vendors, ...opts }: ClientOptions = {},
): Promise<HrClient> {
  switch (credentials.provider) {
    case 'personio': {
      const { createPersonioClient } = await import('./personio/client');
      return createPersonioClient({
        baseUrl: baseUrl ?? PERSONIO_DEFAULT_BASE_URL,
        credentials: { clientId: credentials.clientId, clientSecret: credentials.clientSecret },
        pagesAhead: PERSONIO_PAGES_AHEAD,
        ...opts,
      });
    }
    case 'humaans': {
      const { createHumaansClient } = await import('./humaans/client');
      return createHumaansClient({
        baseUrl: baseUrl ?? HUMAANS_DEFAULT_BASE_URL,
        credentials: { token: credentials.token },
        ...opts,
      });
    }
    case 'peoplehr': {
      const { createPeopleHRClient } = await import('./peoplehr/client');
      return createPeopleHRClient({
        baseUrl: baseUrl ?? PEOPLEHR_DEFAULT_BASE_URL,
        credentials: { apiKey: credentials.apiKey },
        callsPerMinute: vendors?.peoplehr?.callsPerMinute,
        holdReplyBytes: vendors?.peoplehr?.holdReplyBytes,
        ...opts,
      });
    }
    default:
      throw new AppError('VALIDATION', 'Unknown HR system.');
  }
}

export function suggestedMapping(provider: RealProvider, catalogue: FieldInfo[]): Mapping {
  const fn = {
    personio: personioSuggestedMapping,
    humaans: humaansSuggestedMapping,
    peoplehr: peoplehrSuggestedMapping,
  }[provider];
  return fn(catalogue);
}
