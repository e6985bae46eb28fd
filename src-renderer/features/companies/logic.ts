import {
  removalSummary,
  type CompanyRemoval,
  type CompanySummary,
  type Counts,
} from '../../../src-main/contract/companies';
import { PROVIDER_NAMES } from '../../../src-main/contract/providers';
import type { RunSummary } from '../../../src-main/contract/sync';
import { plural } from '../../lib/format';
import type { Notice } from './store';

export const providerName = (c: Pick<CompanySummary, 'provider'>): string => PROVIDER_NAMES[c.provider];

export const totalEmployees = (counts: Counts): number =>
  counts.ready + counts.pending + counts.leaver + counts.excluded + counts.missing;

/**
 * Whether the company has never synced: no successful sync and no one stored. Its counts would read 0/0,
 * which looks like an empty company rather than one not yet read, so the home page shows "—" instead.
 */
export const neverSynced = (c: Pick<CompanySummary, 'lastSuccessfulSyncAt' | 'counts'>): boolean =>
  c.lastSuccessfulSyncAt === null && totalEmployees(c.counts) === 0;

/** Summarises a "Sync all now" in one line. */
export function syncAllMessage(runs: RunSummary[], companies: CompanySummary[]): Notice {
  if (runs.length === 0)
    return { tone: 'info', title: 'Nothing to sync', text: 'No company is set up and active yet.' };
  const failed = runs.filter((r) => r.status === 'failed');
  const skipped = runs.filter((r) => r.status === 'skipped');
  const ok = runs.length - failed.length - skipped.length;
  const nameOf = (id: string) => companies.find((c) => c.id === id)?.name ?? 'A company';
  if (failed.length === 0) {
    const extra = skipped.length ? ` ${plural(skipped.length, 'company was', 'companies were')} skipped (paused).` : '';
    return { tone: 'success', title: `${plural(ok, 'company', 'companies')} synced.`, text: extra.trim() || undefined };
  }
  const reasons = failed.map((r) => `${nameOf(r.companyId)}: ${r.error?.message ?? 'no reason given'}`).join(' ');
  return {
    tone: 'error',
    title: `${plural(failed.length, 'company', 'companies')} did not sync; ${plural(ok, 'other')} did.`,
    text: reasons,
  };
}

/** What "Pause all" / "Resume all" did, in words. */
export function pauseAllMessage(paused: boolean, changed: number): Notice {
  if (changed === 0) {
    return { tone: 'info', title: paused ? 'Every company was already paused.' : 'No company was paused.' };
  }
  return paused
    ? {
        tone: 'success',
        title: `${plural(changed, 'company', 'companies')} paused.`,
        text: 'Scheduled syncs and “Sync now” for these companies are skipped until you resume them.',
      }
    : {
        tone: 'success',
        title: `${plural(changed, 'company', 'companies')} resumed.`,
        text: 'They sync on their usual schedule again.',
      };
}

export function lastAttemptFailed(c: CompanySummary): boolean {
  return c.lastAttempt?.status === 'failed';
}

/** Alphabetical, as a bureau reads its client list. */
export function sortCompanies(list: CompanySummary[]): CompanySummary[] {
  return [...list].sort((a, b) => a.name.localeCompare(b.name, 'en-GB', { sensitivity: 'base' }));
}

/** What the home page says after a company is removed; what could not be done comes first. */
export function removalNotice(r: CompanyRemoval): Notice {
  const what = removalSummary(r);
  if (r.warning) return { tone: 'error', title: `${r.name} removed, with a problem`, text: `${r.warning} ${what}` };
  return { tone: 'success', title: `${r.name} removed`, text: what };
}

/** A sync failure the bureau fixes by entering new credentials (revoked, rotated or under-scoped). */
export const credentialsFailed = (code: string): boolean => code === 'AUTH_FAILED' || code === 'FORBIDDEN';
