import type { Mapping, PayrollDefaults } from './mapping';
import { PAYROLL_FIELD_LABELS, type PayrollField } from './payroll';
import { PROVIDER_NAMES, type Provider } from './providers';

/**
 * Provider field keys read only while "Sync salaries" is on. PeopleHR keeps pay frequency in its salary
 * record (one call per employee, and a separate grant), so with salaries off a field mapped there arrives
 * for nobody: without a company default, every employee would be Pending for it.
 */
const SALARY_RECORD_KEY: Partial<Record<Provider, (key: string) => boolean>> = {
  peoplehr: (key) => key.startsWith('Salary.'),
};

/** Salary and currency are meant to stay empty while salaries are off; they need no default. */
const SALARY_ONLY: readonly PayrollField[] = ['salary', 'currency'];

export interface DefaultNeeded {
  field: PayrollField;
  /** What to tell the bureau, naming the controls as labelled. */
  message: string;
}

/** Payroll fields mapped to what this set-up will not read, with no company default to fall back on. */
export function defaultsNeeded(
  provider: Provider,
  mapping: Mapping,
  s: { syncSalaries: boolean; defaults: PayrollDefaults },
): DefaultNeeded[] {
  const isSalaryKey = SALARY_RECORD_KEY[provider];
  if (!isSalaryKey || s.syncSalaries) return [];
  const out: DefaultNeeded[] = [];
  for (const [field, key] of Object.entries(mapping) as Array<[PayrollField, string | null | undefined]>) {
    if (!key || SALARY_ONLY.includes(field) || !isSalaryKey(key) || (s.defaults[field] ?? '').trim() !== '') continue;
    const label = PAYROLL_FIELD_LABELS[field];
    out.push({
      field,
      message: `${label} comes from ${PROVIDER_NAMES[provider]}’s salary records, which are read only while “Sync salaries” is on. Choose a default for ${label}, or tick “Sync salaries”; otherwise every employee stays Pending.`,
    });
  }
  return out;
}
