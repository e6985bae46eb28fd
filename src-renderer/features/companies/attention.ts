import type { CompanySummary } from '../../../src-main/contract/companies';
import type { ChangesCount } from '../../../src-main/contract/exports';
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
  /** Companies whose bank details changed since their last export: payroll diversion fraud arrives this way. */
  bank: Array<{ companyId: string; name: string; count: number }>;
  /** Employees awaiting the next pay run (starters, leavers, changes since the last export), and in how many companies. */
  awaiting: number;
  awaitingCompanies: number;
}

/**
 * What needs attention today, for the strip above the companies table: companies whose last sync failed
 * (credentials first: nothing syncs for them until someone acts), bank-detail changes awaiting the next pay
 * run, the Pending total, and how many changes await export. A paused company's
 * old failure is still a failure; a skipped run is not.
 */
export function attention(companies: CompanySummary[], changes: Record<string, ChangesCount> = {}): Attention {
  const items: AttentionItem[] = [];
  for (const c of companies) {
    const a = c.lastAttempt;
    if (!a || a.status !== 'failed' || !a.error) continue;
    items.push({
      companyId: c.id,
      name: c.name,
      kind: credentialsFailed(a.error.code) && c.provider !== 'demo' ? 'credentials' : 'failed',
      message: a.error.message,
      asOf: c.lastSuccessfulSyncAt,
    });
  }
  items.sort(
    (x, y) =>
      Number(y.kind === 'credentials') - Number(x.kind === 'credentials') || x.name.localeCompare(y.name, 'en-GB'),
  );
  const withPending = companies.filter((c) => c.counts.pending > 0);
  const bank = companies.flatMap((c) =>
    (changes[c.id]?.bankChanges ?? 0) > 0 ? [{ companyId: c.id, name: c.name, count: changes[c.id]!.bankChanges }] : [],
  );
  bank.sort((x, y) => x.name.localeCompare(y.name, 'en-GB'));
  const awaitingCounts = companies.map((c) => changes[c.id]?.count ?? 0).filter((n) => n > 0);
  return {
    items,
    pending: withPending.reduce((n, c) => n + c.counts.pending, 0),
    pendingCompanies: withPending.length,
    bank,
    awaiting: awaitingCounts.reduce((n, x) => n + x, 0),
    awaitingCompanies: awaitingCounts.length,
  };
}

/** Whether a company's counts are from before its last (failed) attempt, so are "as of" its last success. */
export const countsAreOld = (c: CompanySummary): boolean =>
  c.lastAttempt?.status === 'failed' && c.lastSuccessfulSyncAt !== null;
