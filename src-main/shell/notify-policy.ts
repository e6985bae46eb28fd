import type { AppPreferences, PushEvents } from '../contract/index';
import type { CompanySummary } from '../contract/companies';
import type { RunSummary } from '../contract/sync';
import { PROVIDER_NAMES } from '../contract/providers';

/**
 * Which desktop notification (if any) a finished run deserves. Pure: the shell keeps one memo per
 * company and passes it back in, so the same failure is announced once, not every hour.
 */

/** What we remember about a company between runs. */
export interface CompanyMemo {
  /** `code: message` of the failure last announced or seen, or null while the company is OK. */
  failure: string | null;
  /** Pending employees after the last run we saw. */
  pending: number;
}

export type NoticeKind = 'sync-failed' | 'credentials' | 'pending';

export interface Notice {
  kind: NoticeKind;
  title: string;
  body: string;
  /** Where a click on the notification takes the window. */
  target: PushEvents['app.navigate'];
}

export interface NotifyDecision {
  notice: Notice | null;
  memo: CompanyMemo;
}

type Prefs = Pick<AppPreferences, 'notifyOnFailure' | 'notifyOnPending'>;

const CREDENTIAL_CODES = new Set(['AUTH_FAILED', 'FORBIDDEN']);

/** The memo for a company as the app finds it at launch: a failure already on screen is not news. */
export function memoFromSummary(c: CompanySummary): CompanyMemo {
  const a = c.lastAttempt;
  return { failure: a?.status === 'failed' && a.error ? failureKey(a.error) : null, pending: c.counts.pending };
}

export function decideNotice(
  prev: CompanyMemo | undefined,
  run: RunSummary,
  company: CompanySummary,
  prefs: Prefs,
): NotifyDecision {
  const before: CompanyMemo = prev ?? { failure: null, pending: 0 };

  // Skipped (paused) and cancelled runs change nothing and say nothing; nor does a run still going.
  if (run.status === 'skipped' || run.status === 'cancelled' || run.status === 'running') {
    return { notice: null, memo: before };
  }

  // The first sync runs in front of the user in the add-company wizard, which shows its outcome.
  const quiet = run.trigger === 'first';

  if (run.status === 'failed') {
    const error = run.error ?? { code: 'INTERNAL' as const, message: 'The sync stopped with an unexpected error.' };
    const key = failureKey(error);
    const memo = { failure: key, pending: before.pending };
    // Only going from OK to failing, or failing for a different reason, is worth interrupting someone.
    if (quiet || key === before.failure || !prefs.notifyOnFailure) return { notice: null, memo };
    const provider = PROVIDER_NAMES[company.provider];
    if (CREDENTIAL_CODES.has(error.code)) {
      return {
        memo,
        notice: {
          kind: 'credentials',
          title: `${company.name}: ${provider} ${error.code === 'FORBIDDEN' ? 'credentials lack a permission' : 'credentials stopped working'}`,
          body: `${sentence(error.message)} Click to open Settings → Connection and replace them.`,
          target: { screen: 'settings', companyId: company.id },
        },
      };
    }
    return {
      memo,
      notice: {
        kind: 'sync-failed',
        title: `${company.name}: sync failed`,
        body: `${sentence(error.message)} Bureau Sync will try again at the next scheduled sync.`,
        target: { screen: 'history', companyId: company.id },
      },
    };
  }

  // Succeeded: the company is OK again; announce newly Pending employees if asked to.
  const pending = company.counts.pending;
  const memo = { failure: null, pending };
  const added = pending - before.pending;
  if (quiet || !prefs.notifyOnPending || added <= 0) return { notice: null, memo };
  return {
    memo,
    notice: {
      kind: 'pending',
      title: `${company.name}: ${added === 1 ? '1 employee needs' : `${added} employees need`} attention`,
      body: `${added === 1 ? 'One employee became' : `${added} employees became`} Pending after the latest sync (${pending} Pending in all). Open the company to see what is missing.`,
      target: { screen: 'company', companyId: company.id },
    },
  };
}

function failureKey(error: { code: string; message: string }): string {
  return `${error.code}: ${error.message}`;
}

function sentence(s: string): string {
  const t = s.trim();
  if (!t) return 'The sync stopped with an unexpected error.';
  return /[.!?]$/.test(t) ? t : `${t}.`;
}
