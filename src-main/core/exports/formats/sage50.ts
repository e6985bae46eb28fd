import {
  addressLine,
  atMost,
  genderAs,
  niNumber,
  plain,
  refuse,
  salaryInPounds,
  splitTaxCode,
  ukDate,
  type Cell,
  type Column,
  type ExportEmployee,
} from '../encode';
import type { PayrollFormat } from './types';
import type { PayrollTarget } from '../../../contract/exports';

const SAGE_FREQUENCY: Record<string, string> = {
  weekly: 'Weekly',
  fortnightly: 'Two-Weekly',
  'four-weekly': 'Four-Weekly',
  monthly: 'Monthly',
};

/**
 * SLR Plan Type: Sage documents only -1 (no loan). The codes of plans 1, 2, 4 and 5 are the bureau's to supply
 * (the payroll software options); until they are, an employee with a loan is refused, not loaded without it.
 */
function slrPlanType(target: PayrollTarget) {
  return (e: ExportEmployee): Cell => {
    const plan = e.values.studentLoanPlan;
    if (!plan) return '-1';
    const code = target.sageSlrPlanCodes[plan as '1' | '2' | '4' | '5'];
    return code
      ? code
      : refuse(
          `Student loan Plan ${plan}: Sage 50 does not publish its SLR Plan Type code for this plan; enter the code once in this company's payroll software options, then export again`,
        );
  };
}

/** Sage records a postgraduate loan by its start date (PGLR From Date), which HR systems do not hold. */
function postgraduateLoan(e: ExportEmployee): Cell {
  return e.values.postgraduateLoan === 'true'
    ? refuse(
        "Postgraduate loan: Sage 50's template records the loan by its start date (PGLR From Date), which the HR system does not hold; add the loan in Sage 50 by hand",
      )
    : '';
}

/**
 * Sage 50 Payroll's "Employee Details" import template (File › Import), in template order, with only the columns
 * Bureau Sync holds (payroll-exports.md). Payroll ID is left out: Sage keeps its own, and a changed one would
 * create a duplicate employment at HMRC.
 */
export const sage50: PayrollFormat = {
  id: 'sage50',
  slug: 'sage50',
  notes: [
    'Sage publishes neither the full set of mandatory columns nor its accepted spellings: dates are written dd/mm/yyyy, gender Male/Female, pay frequency Weekly/Two-Weekly/Four-Weekly/Monthly. Check the first import in Sage 50.',
    'SLR Plan Type: only -1 (no loan) is public. Enter the codes for plans 1, 2, 4 and 5 in the payroll software options; until then, employees with a student loan are left out with the reason.',
    "Postgraduate loans go in Sage by hand: the template needs the loan's start date, which HR systems do not hold.",
  ],
  columns({ target, syncSalaries }) {
    const cols: Column[] = [
      { header: 'Employee Reference', cell: plain('employeeId') },
      { header: 'Title', cell: plain('title') },
      { header: 'Initial', cell: (e) => (e.values.firstName ? e.values.firstName.charAt(0).toUpperCase() : '') },
      { header: 'Forename', cell: (e) => atMost(35, 'First name', e.values.firstName) },
      { header: 'Surname', cell: (e) => atMost(35, 'Last name', e.values.lastName) },
      { header: 'Address 1', cell: addressLine('Sage 50', 5, 1) },
      { header: 'Address 2', cell: addressLine('Sage 50', 5, 2) },
      { header: 'Address 3', cell: addressLine('Sage 50', 5, 3) },
      { header: 'Address 4', cell: addressLine('Sage 50', 5, 4) },
      { header: 'Address 5', cell: addressLine('Sage 50', 5, 5) },
      { header: 'Post Code', cell: plain('postcode') },
      { header: 'E-mail Address', cell: plain('email') },
      { header: 'Gender', cell: (e) => genderAs('Male/Female', e.values.gender) },
      { header: 'Date of Birth', cell: (e) => ukDate(e.values.dateOfBirth) },
      { header: 'Tax Code', cell: (e) => (e.values.taxCode ? splitTaxCode(e.values.taxCode).code : '') },
      {
        header: 'Wk1Mth1 Basis',
        cell: (e) => (e.values.taxCode ? (splitTaxCode(e.values.taxCode).week1Month1 ? '1' : '0') : ''),
      },
      { header: 'NI Category', cell: plain('niCategory') },
      { header: 'NI Number', cell: niNumber },
      { header: 'Starter Form', cell: plain('starterDeclaration') },
      {
        header: 'Payment Frequency',
        cell: (e) =>
          e.values.paymentFrequency ? (SAGE_FREQUENCY[e.values.paymentFrequency] ?? e.values.paymentFrequency) : '',
      },
      { header: 'Work Start Date', cell: (e) => ukDate(e.values.startDate) },
      { header: 'Work End Date', cell: (e) => ukDate(e.values.leaveDate) },
      { header: 'SLR Plan Type', cell: slrPlanType(target) },
    ];
    if (syncSalaries) cols.push({ header: 'Gross Salary', cell: salaryInPounds('Sage 50') });
    cols.push(
      { header: 'Sort Code', cell: plain('sortCode') },
      { header: 'Bank Account Number', cell: plain('accountNumber') },
      { header: 'Bank Account Name', cell: plain('accountName') },
      { header: 'Job Title', cell: plain('jobTitle') },
    );
    return cols;
  },
  // A postgraduate loan has no column of its own here, but must not be dropped.
  checks: [postgraduateLoan],
};
