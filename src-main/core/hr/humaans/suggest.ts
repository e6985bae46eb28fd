import type { PayrollField } from '../../../contract/payroll';
import type { FieldInfo } from '../../../contract/providers';
import type { SuggestMapping } from '../types';
import { payrollFieldForLabel } from '../../mapping/label-match';

/**
 * The mapping proposed on connect. The NI number is `taxId`; the employee ID is the free-text
 * `employeeId`, not Humaans' own `id`; the job title comes from the current job role, never `role`
 * (the Humaans access role). Custom fields only fill payroll fields the standard ones leave open.
 */
const STANDARD: Array<[PayrollField, string]> = [
  ['employeeId', 'employeeId'],
  ['firstName', 'firstName'],
  ['middleName', 'middleName'],
  ['lastName', 'lastName'],
  ['gender', 'gender'],
  ['dateOfBirth', 'birthday'],
  ['email', 'email'],
  ['phone', 'phoneNumber'],
  ['addressLine1', 'address'],
  ['city', 'city'],
  ['county', 'state'],
  ['postcode', 'postcode'],
  ['country', 'country'],
  ['startDate', 'employmentStartDate'],
  ['leaveDate', 'employmentEndDate'],
  ['jobTitle', 'jobRole.jobTitle'],
  ['department', 'jobRole.department'],
  ['niNumber', 'taxId'],
  ['taxCode', 'taxCode'],
  ['sortCode', 'bankAccount.sortCode'],
  ['accountNumber', 'bankAccount.accountNumber'],
  ['accountName', 'bankAccount.nameOnAccount'],
  ['salary', 'compensation.amount'],
  ['currency', 'compensation.currency'],
];

export const humaansSuggestedMapping: SuggestMapping = (catalogue: FieldInfo[]) => {
  const keys = new Set(catalogue.map((f) => f.key));
  const out: Partial<Record<PayrollField, string>> = {};
  for (const [payroll, key] of STANDARD) if (keys.has(key)) out[payroll] = key;
  for (const field of catalogue) {
    if (!field.custom) continue;
    const payroll = payrollFieldForLabel(field.label);
    if (payroll && !out[payroll]) out[payroll] = field.key;
  }
  return out;
};
