import type { AppPreferences } from '../contract/index';
import type { CompanySummary } from '../contract/companies';
import type { RunSummary } from '../contract/sync';
import { decideNotice, memoFromSummary, type CompanyMemo, type Notice } from './notify-policy';

/**
 * Keeps the per-company memo and turns finished runs into notices. No Electron here: the shell
 * passes in how to list companies, read preferences and show a notice.
 */
export interface RunNotifierDeps {
  listCompanies(): Promise<CompanySummary[]>;
  preferences(): Pick<AppPreferences, 'notifyOnFailure' | 'notifyOnPending'>;
  show(notice: Notice): void;
  onError?(err: unknown): void;
}

export interface RunNotifier {
  /** Remembers every company's current state so nothing already known is announced at launch. */
  seed(): Promise<void>;
  onRunFinished(run: RunSummary): Promise<Notice | null>;
}

export function createRunNotifier(deps: RunNotifierDeps): RunNotifier {
  const memo = new Map<string, CompanyMemo>();
  return {
    async seed() {
      try {
        for (const c of await deps.listCompanies()) if (!memo.has(c.id)) memo.set(c.id, memoFromSummary(c));
      } catch (err) {
        deps.onError?.(err);
      }
    },
    async onRunFinished(run) {
      try {
        const company = (await deps.listCompanies()).find((c) => c.id === run.companyId);
        if (!company) {
          memo.delete(run.companyId);
          return null;
        }
        const { notice, memo: next } = decideNotice(memo.get(company.id), run, company, deps.preferences());
        memo.set(company.id, next);
        if (notice) deps.show(notice);
        return notice;
      } catch (err) {
        deps.onError?.(err);
        return null;
      }
    },
  };
}
