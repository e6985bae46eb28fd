import { dateOnly } from './flatten';
import { salaryRowSchema, type SalaryRow } from './schemas';

/**
 * GetSalaryDetail answers every salary row the person ever had (history order undocumented, future
 * raises included), so the current one is picked here: the latest EffectiveFrom on or before today.
 */

export const SALARY_KEYS = [
  'Salary.SalaryAmount',
  'Salary.PaymentFrequency',
  'Salary.Currency',
  'Salary.SalaryType',
  'Salary.EffectiveFrom',
  'Salary.TotalSalaryAmount',
] as const;

export function currentSalaryRow(rows: unknown[], today: string): SalaryRow | null {
  let best: { row: SalaryRow; from: string } | null = null;
  for (const raw of rows) {
    const parsed = salaryRowSchema.safeParse(raw);
    if (!parsed.success) continue;
    const from = dateOnly(text(parsed.data.EffectiveFrom)) ?? '0000-00-00';
    if (from > today) continue;
    if (best === null || from >= best.from) best = { row: parsed.data, from };
  }
  return best?.row ?? null;
}

/** Salary.* fields for a person; all null when PeopleHR holds no current salary for them. */
export function salaryFields(row: SalaryRow | null): Record<string, string | null> {
  return {
    'Salary.SalaryAmount': row ? decimal(text(row.SalaryAmount)) : null,
    'Salary.PaymentFrequency': row ? text(row.PaymentFrequency) : null,
    'Salary.Currency': row ? currencyCode(text(row.Currency)) : null,
    'Salary.SalaryType': row ? text(row.SalaryType) : null,
    'Salary.EffectiveFrom': row ? dateOnly(text(row.EffectiveFrom)) : null,
    'Salary.TotalSalaryAmount': row ? decimal(text(row.TotalSalaryAmount)) : null,
  };
}

function text(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  const t = String(v).trim();
  return t === '' ? null : t;
}

/**
 * Money arrives as a 4-dp string ("250000.0000"). Kept as a decimal string, never through a float,
 * trimmed to at least 2 places: "250000.0000" → "250000.00", "12.3450" → "12.345".
 */
export function decimal(v: string | null): string | null {
  if (v === null) return null;
  const cleaned = v.replace(/[,\s£$€]/g, '');
  const m = /^(-?)(\d*)(?:\.(\d*))?$/.exec(cleaned);
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return v;
  const whole = (m[2] ?? '').replace(/^0+(?=\d)/, '') || '0';
  let frac = (m[3] ?? '').replace(/0+$/, '');
  if (frac.length < 2) frac = frac.padEnd(2, '0');
  return `${m[1]}${whole}.${frac}`;
}

const SYMBOLS: Record<string, string> = { '£': 'GBP', $: 'USD', '€': 'EUR', US$: 'USD', 'GB£': 'GBP' };

/** PeopleHR reports a currency symbol ("£"), payroll wants ISO 4217; unknown values pass through as sent. */
export function currencyCode(v: string | null): string | null {
  if (v === null) return null;
  if (/^[A-Za-z]{3}$/.test(v)) return v.toUpperCase();
  return SYMBOLS[v] ?? v;
}
