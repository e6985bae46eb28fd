import {
  addressLine,
  atMost,
  frequencyWords,
  genderAs,
  niNumber,
  plain,
  refuse,
  salaryInPounds,
  splitTaxCode,
  type Cell,
  type Column,
  type ExportEmployee,
} from '../encode';
import type { PayrollFormat } from './types';

const PLANS: Record<string, string> = { '1': 'Plan One', '2': 'Plan Two', '4': 'Plan Four' };
const PAY_PERIOD: Record<string, string> = {
  weekly: 'Weekly',
  fortnightly: 'Fortnightly',
  'four-weekly': 'FourWeekly',
  monthly: 'Monthly',
};
// Staffology's CSV help page asks for names without punctuation; letters, spaces, hyphens and apostrophes are what
// HMRC's own name rules allow, so anything else is refused rather than stripped.
const NAME_CHARS = /^[\p{L}\p{M}' -]*$/u;

function name(what: string, value: string | null): Cell {
  const c = atMost(35, what, value);
  if (typeof c !== 'string' || c === '') return c;
  return NAME_CHARS.test(c)
    ? c
    : refuse(`${what} “${c}” has punctuation, which Staffology's import does not take; correct it in the HR system`);
}

function studentLoan(e: ExportEmployee): Cell {
  const plan = e.values.studentLoanPlan;
  if (!plan) return '';
  return (
    PLANS[plan] ??
    refuse(
      `Student loan Plan ${plan}: Staffology's employee CSV lists no Plan ${plan} (its API takes it): set the plan in Staffology by hand`,
    )
  );
}

/** Staffology's Country is a UK nation or "Outside of the UK"; which nation a UK address is in is not stored. */
function country(e: ExportEmployee): Cell {
  const c = e.values.country;
  return c && c !== 'GB' ? 'Outside of the UK' : '';
}

/**
 * Staffology Payroll's (and IRIS cloud payroll's) employee CSV import (payroll-exports.md): Payroll Code is the
 * key ("allow updates" matches on it), dates are ISO yyyy-mm-dd, which its import takes unambiguously.
 */
export const staffology: PayrollFormat = {
  id: 'staffology',
  slug: 'staffology',
  notes: [
    'Staffology documents the required columns (Payroll Code, Date of Birth, Join Date) and the value spellings used here; the other headings follow its own employee export and are not verified: preview the first import with "allow updates" off.',
    "Student loan Plan 5 is missing from Staffology's CSV help page, so employees on Plan 5 are left out with the reason.",
    'Country is blank for UK addresses (which UK nation is not held) and "Outside of the UK" otherwise.',
  ],
  columns({ syncSalaries }) {
    const cols: Column[] = [
      { header: 'Payroll Code', cell: plain('employeeId') },
      { header: 'Title', cell: plain('title') },
      { header: 'First Name', cell: (e) => name('First name', e.values.firstName) },
      { header: 'Middle Name', cell: (e) => name('Middle name', e.values.middleName) },
      { header: 'Last Name', cell: (e) => name('Last name', e.values.lastName) },
      { header: 'Email', cell: plain('email') },
      { header: 'Telephone', cell: plain('phone') },
      { header: 'Date of Birth', cell: plain('dateOfBirth') },
      { header: 'Gender', cell: (e) => genderAs('Male/Female', e.values.gender) },
      { header: 'NI Number', cell: niNumber },
      { header: 'Addr1', cell: addressLine('Staffology', 5, 1) },
      { header: 'Addr2', cell: addressLine('Staffology', 5, 2) },
      { header: 'Addr3', cell: addressLine('Staffology', 5, 3) },
      { header: 'Addr4', cell: addressLine('Staffology', 5, 4) },
      { header: 'Addr5', cell: addressLine('Staffology', 5, 5) },
      { header: 'Postcode', cell: plain('postcode') },
      { header: 'Country', cell: country },
      { header: 'Join Date', cell: plain('startDate') },
      { header: 'Leave Date', cell: plain('leaveDate') },
      { header: 'Starter Declaration', cell: (e) => e.values.starterDeclaration ?? 'Unknown' },
      { header: 'Tax Code', cell: (e) => (e.values.taxCode ? splitTaxCode(e.values.taxCode).code : '') },
      {
        header: 'W1M1',
        cell: (e) => (e.values.taxCode ? (splitTaxCode(e.values.taxCode).week1Month1 ? 'True' : 'False') : ''),
      },
      { header: 'NI Table', cell: plain('niCategory') },
      { header: 'Student Loan', cell: studentLoan },
      { header: 'Postgrad Loan', cell: (e) => (e.values.postgraduateLoan === 'true' ? 'True' : 'False') },
      {
        header: 'Pay Period',
        cell: (e) =>
          e.values.paymentFrequency
            ? (PAY_PERIOD[e.values.paymentFrequency] ?? frequencyWords(e.values.paymentFrequency))
            : '',
      },
    ];
    if (syncSalaries) cols.push({ header: 'Annual Salary', cell: salaryInPounds('Staffology') });
    cols.push(
      { header: 'Sort Code', cell: plain('sortCode') },
      { header: 'Account Number', cell: plain('accountNumber') },
      { header: 'Account Name', cell: plain('accountName') },
      { header: 'Job Title', cell: plain('jobTitle') },
      { header: 'Department', cell: plain('department') },
    );
    return cols;
  },
};
