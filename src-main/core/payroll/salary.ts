import type { ProviderRecord } from '../hr/types';
import { salaryNotConvertibleMessage, salaryPeriodUnknownMessage } from './messages';
import { formatPence, parsePence, salaryPeriod } from './money';

export type SalaryOutcome =
  | { ok: true; value: string; warning?: { code: 'salary_period_unknown' | 'salary_not_annual'; message: string } }
  | { ok: false; expected: string };

/**
 * The annual salary for an amount the HR system sent. Converted to a yearly figure only when the HR system
 * states the period (payroll-fields.md); without one the amount is kept as sent and flagged, never guessed.
 */
export function annualSalary(raw: string, record: ProviderRecord, periodKey: string | null | undefined): SalaryOutcome {
  const pence = parsePence(raw);
  if (pence === null) return { ok: false, expected: 'an amount of 0 or more, such as 32000.00' };
  const amount = formatPence(pence);
  const periodRaw = periodKey ? (record.fields[periodKey] ?? null) : null;
  const stated = periodRaw !== null && periodRaw.trim() !== '' ? periodRaw : null;
  const period = stated === null ? null : salaryPeriod(stated);
  if (period === null) {
    return {
      ok: true,
      value: amount,
      warning: { code: 'salary_period_unknown', message: salaryPeriodUnknownMessage(amount, stated) },
    };
  }
  if (period.kind === 'notConvertible') {
    return {
      ok: true,
      value: amount,
      warning: { code: 'salary_not_annual', message: salaryNotConvertibleMessage(amount, period.name) },
    };
  }
  return { ok: true, value: formatPence(pence * period.timesPerYear) };
}
