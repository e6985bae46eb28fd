import type { PayrollField } from '../../contract/payroll';
import { UK_CODE } from './countries';

/** The fields payroll-fields.md marks "Ready needs it: yes" (postcode only for UK or blank-country addresses). */
export const REQUIRED_FIELDS: readonly PayrollField[] = [
  'employeeId',
  'firstName',
  'lastName',
  'gender',
  'dateOfBirth',
  'addressLine1',
  'postcode',
  'startDate',
  'niCategory',
  'taxCode',
  'paymentFrequency',
  'sortCode',
  'accountNumber',
];

/**
 * Whether Ready needs this field for this employee. `country` is the evaluated country code, null when blank;
 * when the HR system's country was rejected the employee is Pending for that already, and whether a postcode is
 * needed cannot be known, so it is not demanded on top.
 */
export function isRequired(field: PayrollField, country: string | null, countryRejected: boolean): boolean {
  if (field === 'postcode') return !countryRejected && (country === null || country === UK_CODE);
  return REQUIRED_FIELDS.includes(field);
}

/** Fields never read while the company's "Sync salaries" setting is off. */
export const SALARY_FIELDS: readonly PayrollField[] = ['salary', 'currency'];
