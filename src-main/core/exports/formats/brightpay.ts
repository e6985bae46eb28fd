import {
  addressLine,
  atMost,
  frequencyWords,
  genderAs,
  niNumber,
  plain,
  salaryInPounds,
  splitTaxCode,
  ukDate,
  yesNo,
  type Column,
} from '../encode';
import type { PayrollFormat } from './types';

/**
 * BrightPay's Import/Update Employees CSV, headed with BrightPay's own column names so "Match Header Row" maps
 * every column (payroll-exports.md). Only columns Bureau Sync holds are written: on Import/Update a blank column
 * could overwrite what the bureau keyed in BrightPay (pay rates, payment method, director status).
 * "Payroll ID (RTI)" is left out on purpose: changing an employee's payroll ID between pay runs creates a
 * duplicate employment at HMRC, so BrightPay keeps its own.
 */
export const brightpay: PayrollFormat = {
  id: 'brightpay',
  slug: 'brightpay',
  notes: [
    'BrightPay does not publish which spellings it accepts: dates are written dd/mm/yyyy, gender Male/Female, pay frequency Weekly/Fortnightly/Four Weekly/Monthly, student loans "Plan 1", "Plan 2", "Plan 4", "Plan 5" or "None", and yes/no as chosen in the payroll software options. Check the first import on BrightPay\'s preview screen.',
    'Payroll ID (RTI) is not written: BrightPay keeps its own, since a changed payroll ID creates a duplicate employment at HMRC.',
  ],
  columns({ target, syncSalaries }) {
    const yn = (b: boolean) => yesNo(target.booleanStyle, b);
    const cols: Column[] = [
      { header: 'Title', cell: plain('title') },
      { header: 'Name', cell: (e) => atMost(35, 'First name', e.values.firstName) },
      { header: 'Middle Name', cell: (e) => atMost(35, 'Middle name', e.values.middleName) },
      { header: 'Surname', cell: (e) => atMost(35, 'Last name', e.values.lastName) },
      { header: 'Works Number', cell: plain('employeeId') },
      { header: 'National Insurance Number', cell: niNumber },
      { header: 'Gender', cell: (e) => genderAs('Male/Female', e.values.gender) },
      { header: 'Date of Birth', cell: (e) => ukDate(e.values.dateOfBirth) },
      { header: 'Address Line 1', cell: addressLine('BrightPay', 4, 1) },
      { header: 'Address Line 2', cell: addressLine('BrightPay', 4, 2) },
      { header: 'Address Line 3', cell: addressLine('BrightPay', 4, 3) },
      { header: 'Address Line 4', cell: addressLine('BrightPay', 4, 4) },
      { header: 'Postcode', cell: plain('postcode') },
      { header: 'Country', cell: (e) => countryName(e.values.country) },
      { header: 'Email Address', cell: plain('email') },
      { header: 'Phone Number', cell: plain('phone') },
      { header: 'Tax Code', cell: (e) => (e.values.taxCode ? splitTaxCode(e.values.taxCode).code : '') },
      {
        header: 'Week/Month 1 Basis',
        cell: (e) => (e.values.taxCode ? yn(splitTaxCode(e.values.taxCode).week1Month1) : ''),
      },
      { header: 'National Insurance Table', cell: plain('niCategory') },
      {
        header: 'Student Loan Plan',
        cell: (e) => (e.values.studentLoanPlan ? `Plan ${e.values.studentLoanPlan}` : 'None'),
      },
      { header: 'Postgraduate Loan', cell: (e) => yn(e.values.postgraduateLoan === 'true') },
      { header: 'Start Date', cell: (e) => ukDate(e.values.startDate) },
      { header: 'Starter Declaration', cell: plain('starterDeclaration') },
      { header: 'Leave Date', cell: (e) => ukDate(e.values.leaveDate) },
      { header: 'Payment Frequency', cell: (e) => frequencyWords(e.values.paymentFrequency) },
    ];
    if (syncSalaries) cols.push({ header: 'Annual Pay Rate', cell: salaryInPounds('BrightPay') });
    cols.push(
      { header: 'Payment Bank Sort Code', cell: plain('sortCode') },
      { header: 'Payment Bank Account Name', cell: plain('accountName') },
      { header: 'Payment Bank Account Number', cell: plain('accountNumber') },
      { header: 'Job Title', cell: plain('jobTitle') },
      { header: 'Department', cell: plain('department') },
    );
    return cols;
  },
};

// Made when first needed: Intl objects cost milliseconds to build, and every command line start would pay them.
let regionNames: Intl.DisplayNames | null | undefined;

/** UK addresses leave the country blank (UK payroll software's default); others get the country's English name. */
export function countryName(code: string | null): string {
  if (!code || code === 'GB') return '';
  regionNames ??= typeof Intl.DisplayNames === 'function' ? new Intl.DisplayNames(['en-GB'], { type: 'region' }) : null;
  return regionNames?.of(code) ?? code;
}
