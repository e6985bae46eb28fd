import type { CompanySummary } from '../../../src-main/contract/companies';
import { credentialsFailed } from './logic';

export interface AttentionItem {
  companyId: string;
  name: string;
  kind: 'credentials' | 'failed';
  message: string;
  /** When the counts shown for the company were last true. */
  asOf: string | null;
}

export interface Attention {
  items: AttentionItem[];
  /** Pending employees across every company, and in how many companies. */
  pending: number;
  pendingCompanies: number;
}

/**
 * What needs attention today, for the strip above the companies table: companies whose last sync failed
 * (credentials first: nothing syncs for them until someone acts), and the Pending total. A paused company's
 * old failure is still a failure; a skipped run is not.
 */
export function attention(companies: CompanySummary[]): Attention {
  const items: AttentionItem[] = [];
  for (const c of companies) {
    const a = c.lastAttempt;
    if (!a || a.status !== 'failed' || !a.error) continue;
    items.push({ companyId: c.id, name: c.name, kind: credentialsFailed(a.error.code) && c.provider !== 'demo' ? 'credentials' : 'failed', message: a.error.message, asOf: c.lastSuccessfulSyncAt });
  }
  items.sort((x, y) => Number(y.kind === 'credentials') - Number(x.kind === 'credentials') || x.name.localeCompare(y.name, 'en-GB'));
  const withPending = companies.filter((c) => c.counts.pending > 0);
  return { items, pending: withPending.reduce((n, c) => n + c.counts.pending, 0), pendingCompanies: withPending.length };
}

/** Whether a company's counts are from before its last (failed) attempt, so are "as of" its last success. */
export const countsAreOld = (c: CompanySummary): boolean => c.lastAttempt?.status === 'failed' && c.lastSuccessfulSyncAt !== null;
