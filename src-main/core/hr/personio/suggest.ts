import type { PayrollField } from '../../../contract/payroll';
import { normaliseLabel, payrollFieldForLabel } from '../../mapping/label-match';
import type { SuggestMapping } from '../types';

/**
 * The mapping proposed when a Personio company is connected. Standard attributes are matched by key
 * (labels are localised, trap T8); custom `dynamic_NNN` attributes by label. The employee ID stays the
 * Personio `id` (the default ID field); the user may pick another in the mapping grid.
 */

/** Standard keys, in order of preference, for each payroll field. */
const BY_KEY: Array<[PayrollField, string[]]> = [
  ['firstName', ['first_name']],
  ['lastName', ['last_name']],
  ['email', ['email']],
  ['gender', ['gender']],
  ['startDate', ['hire_date']],
  ['leaveDate', ['termination_date', 'last_working_day']],
  ['jobTitle', ['position']],
  ['department', ['department']],
  ['salary', ['fix_salary']],
  ['currency', ['fix_salary_currency']],
];

/**
 * Personio has no standard address, title or phone attributes, so UK customers add custom ones; these
 * labels complete what the shared label matcher covers.
 */
const EXTRA_LABELS: Array<[PayrollField, RegExp]> = [
  ['title', /^(title|salutation|honorific|titel)$/],
  ['middleName', /\bmiddle\s*names?\b/],
  ['phone', /^(?!.*\bemergency\b).*\b(phone|mobile|telephone|tel)\b/],
  ['addressLine1', /^(address|home address|street|street address|address line 1|address 1|first line of address)$/],
  ['addressLine2', /^(address line 2|address 2|second line of address)$/],
  ['addressLine3', /^(address line 3|address 3|third line of address)$/],
  ['city', /^(town|city|town or city|post town|town city)$/],
  ['country', /^(country|country of residence|address country)$/],
];

function customFieldFor(label: string): PayrollField | null {
  const byShared = payrollFieldForLabel(label);
  if (byShared) return byShared;
  const l = normaliseLabel(label);
  for (const [field, re] of EXTRA_LABELS) if (re.test(l)) return field;
  return null;
}

export const personioSuggestedMapping: SuggestMapping = (catalogue) => {
  const keys = new Set(catalogue.map((f) => f.key));
  const out: Partial<Record<PayrollField, string>> = { employeeId: 'id' };
  for (const [field, candidates] of BY_KEY) {
    const key = candidates.find((k) => keys.has(k));
    if (key) out[field] = key;
  }
  for (const f of catalogue) {
    if (!f.custom) continue;
    const field = customFieldFor(f.label);
    if (field && field !== 'employeeId' && out[field] === undefined) out[field] = f.key;
  }
  return out;
};
