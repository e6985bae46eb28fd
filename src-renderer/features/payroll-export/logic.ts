import {
  CUSTOM_VALUE_LABELS,
  CUSTOM_VALUES,
  type CustomLayout,
  type CustomValue,
} from '../../../src-main/contract/exports';
import { PAYROLL_FIELD_LABELS, type PayrollField } from '../../../src-main/contract/payroll';

export const customValueLabel = (v: CustomValue): string =>
  v in CUSTOM_VALUE_LABELS
    ? CUSTOM_VALUE_LABELS[v as keyof typeof CUSTOM_VALUE_LABELS]
    : PAYROLL_FIELD_LABELS[v as PayrollField];

export const CUSTOM_VALUE_OPTIONS = CUSTOM_VALUES.map((v) => ({ value: v, label: customValueLabel(v) }));

/** Where a new custom layout starts: what most payroll imports take, under plain headings the bureau renames. */
export const STARTING_LAYOUT: CustomLayout = {
  columns: (
    [
      ['employeeId', 'Employee Code'],
      ['title', 'Title'],
      ['firstName', 'Forename'],
      ['lastName', 'Surname'],
      ['dateOfBirth', 'Date of Birth'],
      ['gender', 'Gender'],
      ['niNumber', 'NI Number'],
      ['niCategory', 'NI Category'],
      ['taxCodeOnly', 'Tax Code'],
      ['taxCodeBasis', 'Week1/Month1'],
      ['startDate', 'Start Date'],
      ['leaveDate', 'Leave Date'],
      ['sortCode', 'Sort Code'],
      ['accountNumber', 'Account Number'],
    ] as Array<[CustomValue, string]>
  ).map(([value, header]) => ({ value, header })),
  dateStyle: 'dd/mm/yyyy',
  booleanStyle: 'Yes/No',
  genderStyle: 'Male/Female',
};

/** Moves item `i` of a list by `by` places (a new list; the same list when it cannot move). */
export function move<T>(list: T[], i: number, by: -1 | 1): T[] {
  const j = i + by;
  if (j < 0 || j >= list.length) return list;
  const next = [...list];
  [next[i], next[j]] = [next[j]!, next[i]!];
  return next;
}
