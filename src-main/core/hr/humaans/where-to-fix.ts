import { howToGrantScope, SCOPE_PRIVATE_READ } from './constants';

/** Which part of a Humaans profile holds a field, by the field's key (docs/hris/README.md). */
function section(key: string): string {
  if (key.startsWith('bankAccount.')) return 'the bank account';
  if (key.startsWith('jobRole.')) return 'the current job role';
  if (key.startsWith('compensation.')) return 'the current compensation';
  if (key.startsWith('custom.')) return 'your company’s own fields';
  return 'the personal details';
}

/** Where a client's HR contact corrects one employee's field in Humaans. */
export function humaansWhereToFix(field: { label: string; key: string }): string {
  return `In Humaans, open People, choose the employee and correct “${field.label}” in ${section(field.key)} on their profile; it reaches payroll at the next sync.`;
}

export function humaansCannotRead(): string {
  return howToGrantScope(SCOPE_PRIVATE_READ);
}
