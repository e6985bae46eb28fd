import type { CompanySettings } from '../../../src-main/contract/companies';
import {
  BOOLEAN_VALUES,
  NI_CATEGORY_LETTERS,
  PAYMENT_FREQUENCIES,
  STARTER_DECLARATIONS,
  STUDENT_LOAN_PLANS,
  type DefaultableField,
} from '../../../src-main/contract/mapping';

export const FREQUENCIES: Array<{ minutes: number; label: string }> = [
  { minutes: 15, label: 'Every 15 minutes' },
  { minutes: 30, label: 'Every 30 minutes' },
  { minutes: 60, label: 'Every hour' },
  { minutes: 120, label: 'Every 2 hours' },
  { minutes: 240, label: 'Every 4 hours' },
  { minutes: 720, label: 'Twice a day' },
  { minutes: 1440, label: 'Once a day' },
];

/** Choices for the company defaults; null means a free text box (country, currency). */
export const DEFAULT_CHOICES: Record<DefaultableField, readonly string[] | null> = {
  niCategory: NI_CATEGORY_LETTERS,
  paymentFrequency: PAYMENT_FREQUENCIES,
  starterDeclaration: STARTER_DECLARATIONS,
  studentLoanPlan: STUDENT_LOAN_PLANS,
  postgraduateLoan: BOOLEAN_VALUES,
  country: null,
  currency: null,
};

export const DEFAULT_HINTS: Partial<Record<DefaultableField, string>> = {
  country: 'Two-letter code, e.g. GB',
  currency: 'Three-letter code, e.g. GBP',
};

/** Only what changed, so saving one box never overwrites another window's change to another. */
export function settingsPatch(saved: CompanySettings, draft: CompanySettings): Partial<CompanySettings> {
  const patch: Partial<CompanySettings> = {};
  for (const key of Object.keys(draft) as Array<keyof CompanySettings>) {
    if (JSON.stringify(saved[key]) !== JSON.stringify(draft[key])) (patch as Record<string, unknown>)[key] = draft[key];
  }
  return patch;
}

/**
 * What a Save in Settings did, in words: every save starts a sync (the help articles promise it), which a
 * paused company records as skipped.
 */
export function savedOutcome(paused: boolean): string {
  return paused ? 'Saved — syncing is paused, so the sync it starts is recorded as skipped' : 'Saved — syncing now';
}
