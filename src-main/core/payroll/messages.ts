import { PAYROLL_FIELD_LABELS, type PayrollField } from '../../contract/payroll';
import { isDefaultableField } from '../../contract/mapping';

/** Sentences a bureau clerk reads in the employee list, the CLI and the problems CSV. */

const label = (field: PayrollField) => PAYROLL_FIELD_LABELS[field];

/** "Sort code must be 6 digits; the HR system has 12-345" */
export function invalidMessage(field: PayrollField, expected: string, sent: string): string {
  return `${label(field)} must be ${expected}; the HR system has ${sent.trim()}`;
}

export type MissingReason = { kind: 'blank'; key: string } | { kind: 'unmapped' } | { kind: 'absent'; key: string };

export function missingMessage(field: PayrollField, why: MissingReason): string {
  const orDefault = isDefaultableField(field) ? ', or set a company default' : '';
  switch (why.kind) {
    case 'blank':
      return `${label(field)} is needed for payroll but is blank in the HR system (${why.key}); fill it in there${orDefault}`;
    case 'unmapped':
      return `${label(field)} is needed for payroll but is not mapped to any HR field; map it${orDefault}`;
    case 'absent':
      return `${label(field)} is needed for payroll but the HR system did not send ${why.key}; check that the connection may read it${orDefault}`;
  }
}

export function niNumberMissingMessage(): string {
  return `${label('niNumber')} is blank; payroll can run without it, but HMRC expects it as soon as the employee has one`;
}

export function titleMismatchMessage(title: string, gender: 'male' | 'female', fitting: readonly string[]): string {
  return `Title ${title} does not fit the gender ${gender}; for ${gender} employees payroll expects ${fitting.join(' or ')}`;
}

export function salaryPeriodUnknownMessage(amount: string, period: string | null): string {
  const said = period === null ? 'does not say' : `says "${period.trim()}", which does not say`;
  return `Annual salary: the HR system ${said} whether ${amount} is a yearly, monthly or hourly amount; it is stored as sent, so check it`;
}

export function salaryNotConvertibleMessage(amount: string, periodName: string): string {
  return `Annual salary: the HR system gives a ${periodName} rate of ${amount}, which cannot be turned into a yearly salary without working hours; it is stored as sent, so check it`;
}
