import type { PayrollField } from '../../../contract/payroll';
import type { FieldInfo } from '../../../contract/providers';
import { payrollFieldForLabel } from '../../mapping/label-match';
import type { SuggestMapping } from '../types';

/**
 * PeopleHR's standard fields map to payroll fields by key; the address is offered line by line in
 * PeopleHR's fixed order (street, street 2, town, county, country, postcode). PeopleHR has no tax code or
 * NI category field, so tenants keep those in APIColumn1–5: those are suggested only when the bureau's
 * label for the column clearly names a payroll field.
 */
const STANDARD: Array<[PayrollField, string[]]> = [
  ['employeeId', ['EmployeeId']],
  ['title', ['Title']],
  ['firstName', ['FirstName']],
  ['middleName', ['OtherName']],
  ['lastName', ['LastName']],
  ['gender', ['Gender']],
  ['dateOfBirth', ['DateOfBirth']],
  ['email', ['EmailId', 'ContactDetail.PersonalEmail']],
  ['phone', ['ContactDetail.Mobile', 'ContactDetail.PersonalPhoneNumber', 'ContactDetail.WorkPhoneNumber']],
  ['addressLine1', ['ContactDetail.Address.line1']],
  ['addressLine2', ['ContactDetail.Address.line2']],
  ['city', ['ContactDetail.Address.line3']],
  ['county', ['ContactDetail.Address.line4']],
  ['country', ['ContactDetail.Address.line5']],
  ['postcode', ['ContactDetail.Address.postcode']],
  ['startDate', ['StartDate']],
  ['leaveDate', ['LeavingDate']],
  ['jobTitle', ['JobRole']],
  ['department', ['Department']],
  ['niNumber', ['NISNumber']],
  ['paymentFrequency', ['Salary.PaymentFrequency']],
  ['sortCode', ['BankDetail.BankCode']],
  ['accountNumber', ['BankDetail.AccountNumber']],
  ['accountName', ['BankDetail.AccountName']],
  ['salary', ['Salary.SalaryAmount']],
  ['currency', ['Salary.Currency']],
];

export const peoplehrSuggestedMapping: SuggestMapping = (catalogue: FieldInfo[]) => {
  const byKey = new Map(catalogue.map((f) => [f.key, f]));
  const out: Partial<Record<PayrollField, string>> = {};
  for (const [field, candidates] of STANDARD) {
    const present = candidates.filter((k) => byKey.has(k));
    // Among alternatives (several phone fields), prefer one the tenant actually fills in.
    const pick = present.find((k) => byKey.get(k)?.sample != null) ?? present[0];
    if (pick) out[field] = pick;
  }
  for (const f of catalogue) {
    if (!f.custom) continue;
    const field = payrollFieldForLabel(f.label.replace(/\(API column \d\)$/, ''));
    if (field && out[field] === undefined) out[field] = f.key;
  }
  return out;
};
