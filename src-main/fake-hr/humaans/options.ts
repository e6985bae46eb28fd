import type { FaultSwitches } from '../faults';
import type { SamplePerson } from '../sample-people';
import type { FakeCustomField } from './dataset';

/** The fake Humaans' demo credentials and the switches that make it play each documented variant. */
export const HUMAANS_DEMO_TOKEN = 'hmns_demo_7Fq2LxBureauSyncDemoToken';
export const HUMAANS_DEMO_SCOPES = ['public:read', 'private:read', 'compensations:read', 'documents:read'];

export interface FakeHumaansOptions {
  people: SamplePerson[];
  port?: number;
  faults?: FaultSwitches;
  /** The token the fake accepts (default HUMAANS_DEMO_TOKEN). */
  credentials?: { token: string };
  /** The token's scopes (default HUMAANS_DEMO_SCOPES); faults.missingPermissions removes some. */
  scopes?: string[];
  /** `YYYY-MM-DD` deciding statuses and effective dates (default: today, UTC). */
  today?: string;
  customFields?: FakeCustomField[];
  /** Sample-person `seq`s with no bank account. */
  withoutBankAccount?: number[];
  /** Person fields the token creator's role may not see. */
  hiddenFields?: string[];
  /** Whether hidden fields are left out (default) or sent as null. */
  hiddenFieldMode?: 'omit' | 'null';
  /** false: `/token-info` answers 404, as a Humaans without it would. */
  tokenInfo?: boolean;
  /** false: `status=all` is refused with 400. */
  statusAll?: boolean;
  /** What `/people` returns without `status`: everyone, or (default) everyone but offboarded people. */
  defaultStatus?: 'all' | 'current';
  /** Refuse unknown filters with 400 (default) instead of ignoring them. */
  rejectUnknownFilters?: boolean;
  /**
   * Whether `updatedAt[$gt]` filters (unverified on the real API, humaans.md): 'honoured' (default),
   * 'ignored' (listed as if absent) or 'refused' (400).
   */
  updatedAtFilter?: 'honoured' | 'ignored' | 'refused';
  /** The fake's clock, for the updatedAt it stamps on edits (default Date.now). */
  now?: () => number;
  /** Largest page (default 250); bigger `$limit`s are clamped. */
  maxLimit?: number;
  /** Error body shape: Humaans' `{id,code,name,message}`, Feathers' default, or empty. */
  errorStyle?: 'humaans' | 'feathers' | 'empty';
  /** Delay inside the handler (ms), so concurrent requests overlap and show in `stats.maxInFlight`. */
  latencyMs?: number;
  /** The limit enforced when faults.enforceRateLimit is on (default 20 requests per second). */
  rateLimit?: { requests: number; windowMs: number };
  /** Adds fields Humaans might add while "in preview", to records and envelopes. */
  extraFields?: boolean;
}
