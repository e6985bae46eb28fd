import { howToGrantAttributes } from './howto';

/** Where a client's HR contact corrects one employee's field in Personio, in Personio's own words. */
export function personioWhereToFix(field: { label: string; custom: boolean }): string {
  return `In Personio, open the employee's profile (search for them under People) and correct “${field.label}”${field.custom ? ' (one of your company’s own attributes)' : ''}; save, and it reaches payroll at the next sync.`;
}

export function personioCannotRead(label: string): string {
  return howToGrantAttributes([label]);
}
