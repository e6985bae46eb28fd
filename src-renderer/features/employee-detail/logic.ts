import type { EmployeeDetail } from '../../../src-main/contract/employees';
import { PAYROLL_FIELDS, PAYROLL_FIELD_LABELS, type PayrollField } from '../../../src-main/contract/payroll';
import { formatDate, formatMoney } from '../../lib/format';

const DATE_FIELDS = new Set<PayrollField>(['dateOfBirth', 'startDate', 'leaveDate']);

export const SENSITIVE_FIELDS = new Set<PayrollField>(['niNumber', 'sortCode', 'accountNumber', 'salary']);

/** A stored value as a UK clerk reads it: dates dd/mm/yyyy, salary in pounds. */
export function displayValue(field: PayrollField, value: string | null, currency: string | null): string {
  if (value === null || value === '') return '';
  if (DATE_FIELDS.has(field)) return formatDate(value);
  if (field === 'salary') {
    const n = Number(value);
    return Number.isFinite(n) ? formatMoney(n, currency ?? 'GBP') : value;
  }
  if (field === 'sortCode' && /^\d{6}$/.test(value))
    return `${value.slice(0, 2)}-${value.slice(2, 4)}-${value.slice(4)}`;
  if (field === 'paymentFrequency') return value.charAt(0).toUpperCase() + value.slice(1);
  if (field === 'postgraduateLoan') return value === 'true' ? 'Yes' : value === 'false' ? 'No' : value;
  return value;
}

/** Where a value came from, in words. */
export function sourceText(source: { kind: string; key?: string; label?: string } | undefined): string {
  if (!source) return 'Not mapped';
  switch (source.kind) {
    case 'provider':
    case 'hr':
    case 'field':
      return source.label && source.key
        ? `HR field “${source.label}” (${source.key})`
        : `HR field ${source.label ?? source.key ?? ''}`.trim();
    case 'default':
      return 'Company default';
    case 'derived':
      return source.label ? `Derived from ${source.label}` : 'Derived';
    case 'kept':
      return 'Kept (not mapped, left unchanged)';
    default:
      if (source.label || source.key)
        return `${source.kind}: ${source.label ?? ''}${source.key ? ` (${source.key})` : ''}`;
      return source.kind.charAt(0).toUpperCase() + source.kind.slice(1);
  }
}

export type FieldLine = {
  field: PayrollField;
  label: string;
  value: string;
  source: string;
  problem: 'error' | 'warning' | null;
};

export function fieldLines(d: EmployeeDetail): FieldLine[] {
  const currency = d.values.currency ?? null;
  return PAYROLL_FIELDS.map((field) => {
    const problems = d.problems.filter((p) => p.field === field);
    return {
      field,
      label: PAYROLL_FIELD_LABELS[field],
      value: displayValue(field, d.values[field] ?? null, currency),
      source: sourceText(d.sources[field]),
      problem: problems.some((p) => p.severity === 'error') ? 'error' : problems.length ? 'warning' : null,
    };
  });
}
