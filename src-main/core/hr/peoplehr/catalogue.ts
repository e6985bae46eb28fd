import type { FieldInfo, FieldType } from '../../../contract/providers';
import type { ProviderRecord } from '../types';

/**
 * PeopleHR's field catalogue is built from what the key actually returns (the API has no field list),
 * labelled the way PeopleHR's screens name the fields. APIColumn1–5 are the tenant's own fields; PeopleHR
 * does not say what a tenant uses them for, so the bureau may name them (customFieldLabels).
 */

export const API_COLUMNS = ['APIColumn1', 'APIColumn2', 'APIColumn3', 'APIColumn4', 'APIColumn5'] as const;

const LABELS: Record<string, string> = {
  EmployeeId: 'Employee ID',
  Title: 'Title',
  FirstName: 'First name',
  LastName: 'Last name',
  OtherName: 'Other name (middle names)',
  KnownAs: 'Known as',
  EmailId: 'Work email',
  StartDate: 'Start date',
  DateOfBirth: 'Date of birth',
  JobRole: 'Job role',
  Company: 'Company',
  Location: 'Location',
  Department: 'Department',
  ReportsTo: 'Reports to (name)',
  ReportsToEmployeeId: 'Reports to (employee ID)',
  ReportsToEmailAddress: 'Reports to (email)',
  NISNumber: 'NI number',
  Nationality: 'Nationality',
  EmploymentType: 'Employment type',
  EmployeeStatus: 'Employee status',
  HolidayAllowanceDays: 'Holiday allowance (days)',
  HolidayAllowanceMins: 'Holiday allowance (minutes)',
  NoticePeriod: 'Notice period',
  ProbationEndDate: 'Probation end date',
  Gender: 'Gender',
  LeavingDate: 'Leaving date',
  ReasonForLeaving: 'Reason for leaving',
  EmployeeImage: 'Employee photo',
  UniqueKey: 'Unique key',
  'ContactDetail.Address': 'Address (all lines)',
  'ContactDetail.Address.line1': 'Address line 1',
  'ContactDetail.Address.line2': 'Address line 2',
  'ContactDetail.Address.line3': 'Address line 3 (town)',
  'ContactDetail.Address.line4': 'Address line 4 (county)',
  'ContactDetail.Address.line5': 'Address line 5 (country)',
  'ContactDetail.Address.line6': 'Address line 6 (postcode)',
  'ContactDetail.Address.postcode': 'Postcode (from the address)',
  'ContactDetail.WorkPhoneNumber': 'Work phone',
  'ContactDetail.PersonalPhoneNumber': 'Personal phone',
  'ContactDetail.PersonalEmail': 'Personal email',
  'ContactDetail.Mobile': 'Mobile',
  'BankDetail.BankName': 'Bank name',
  'BankDetail.BankAddress': 'Bank address',
  'BankDetail.BankCode': 'Sort code (bank code)',
  'BankDetail.AccountNumber': 'Bank account number',
  'BankDetail.AccountName': 'Bank account name',
  'EmploymentDetail.PayrollCompany': 'Payroll company',
  'EmploymentDetail.PayrollID': 'Payroll ID',
  'Salary.SalaryAmount': 'Salary amount',
  'Salary.PaymentFrequency': 'Payment frequency',
  'Salary.Currency': 'Salary currency',
  'Salary.SalaryType': 'Salary type (annual, monthly, hourly…)',
  'Salary.EffectiveFrom': 'Salary effective from',
  'Salary.TotalSalaryAmount': 'Total salary amount',
};

const NUMBER_KEYS = new Set([
  'HolidayAllowanceDays',
  'HolidayAllowanceMins',
  'Salary.SalaryAmount',
  'Salary.TotalSalaryAmount',
]);

function typeOf(key: string): FieldType {
  if (NUMBER_KEYS.has(key)) return 'number';
  if (/(Date|EffectiveFrom)$/.test(key) || key === 'DateOfBirth') return 'date';
  return 'text';
}

function labelOf(key: string, customLabels: Record<string, string>): string {
  const custom = customLabels[key];
  const columnNo = /^APIColumn(\d)$/.exec(key)?.[1];
  if (columnNo) return custom ? `${custom} (API column ${columnNo})` : `API column ${columnNo}`;
  const known = LABELS[key];
  if (known) return known;
  // Unknown (newer) fields: "EmploymentDetail.TimeAndAttendanceID" → "Employment detail: time and attendance ID".
  return key
    .split('.')
    .map((part) =>
      part
        .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
        .split(' ')
        .map((w, i) => (i === 0 || /^[A-Z]{2,}$/.test(w) ? w : w.toLowerCase()))
        .join(' '),
    )
    .join(': ');
}

/** Every key any record carries, with a sample value taken from a current employee where possible. */
export function buildCatalogue(
  records: ProviderRecord[],
  customLabels: Record<string, string> = {},
  extra: Record<string, string | null> = {},
): FieldInfo[] {
  const samples = new Map<string, string | null>();
  const ordered = [...records.filter((r) => !r.leaver.isLeaver), ...records.filter((r) => r.leaver.isLeaver)];
  for (const r of ordered) {
    for (const [key, value] of Object.entries(r.fields)) {
      const seen = samples.get(key);
      if (seen === undefined || (seen === null && value !== null)) samples.set(key, value);
    }
  }
  // An empty tenant returns nothing to learn from: offer the documented fields so mapping can still be set up.
  if (records.length === 0) {
    for (const key of [...Object.keys(LABELS), ...API_COLUMNS]) if (!key.startsWith('Salary.')) samples.set(key, null);
  }
  for (const [key, value] of Object.entries(extra)) samples.set(key, value);
  return [...samples.entries()].map(([key, sample]) => ({
    key,
    label: labelOf(key, customLabels),
    type: typeOf(key),
    sample,
    custom: (API_COLUMNS as readonly string[]).includes(key),
  }));
}
