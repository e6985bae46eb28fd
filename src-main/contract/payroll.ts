import { z } from 'zod';

/** Payroll field keys exactly as docs/reference/payroll-fields.md names them. */
export const PAYROLL_FIELDS = [
  'employeeId',
  'title',
  'firstName',
  'middleName',
  'lastName',
  'gender',
  'dateOfBirth',
  'email',
  'phone',
  'addressLine1',
  'addressLine2',
  'addressLine3',
  'city',
  'county',
  'postcode',
  'country',
  'startDate',
  'leaveDate',
  'jobTitle',
  'department',
  'niNumber',
  'niCategory',
  'taxCode',
  'starterDeclaration',
  'studentLoanPlan',
  'postgraduateLoan',
  'paymentFrequency',
  'sortCode',
  'accountNumber',
  'accountName',
  'salary',
  'currency',
] as const;

export const payrollFieldSchema = z.enum(PAYROLL_FIELDS);
export type PayrollField = z.infer<typeof payrollFieldSchema>;

export const PAYROLL_FIELD_LABELS: Record<PayrollField, string> = {
  employeeId: 'Employee ID',
  title: 'Title',
  firstName: 'First name',
  middleName: 'Middle names',
  lastName: 'Last name',
  gender: 'Gender',
  dateOfBirth: 'Date of birth',
  email: 'Email',
  phone: 'Phone',
  addressLine1: 'Address line 1',
  addressLine2: 'Address line 2',
  addressLine3: 'Address line 3',
  city: 'Town or city',
  county: 'County',
  postcode: 'Postcode',
  country: 'Country',
  startDate: 'Start date',
  leaveDate: 'Leave date',
  jobTitle: 'Job title',
  department: 'Department',
  niNumber: 'National Insurance number',
  niCategory: 'NI category letter',
  taxCode: 'Tax code',
  starterDeclaration: 'Starter declaration',
  studentLoanPlan: 'Student loan plan',
  postgraduateLoan: 'Postgraduate loan',
  paymentFrequency: 'Pay frequency',
  sortCode: 'Sort code',
  accountNumber: 'Account number',
  accountName: 'Account name',
  salary: 'Annual salary',
  currency: 'Salary currency',
};

export const READINESS = ['ready', 'pending'] as const;
export type Readiness = (typeof READINESS)[number];

export const EMPLOYEE_STATES = ['active', 'leaver', 'excluded', 'missing'] as const;
export const employeeStateSchema = z.enum(EMPLOYEE_STATES);
export type EmployeeState = z.infer<typeof employeeStateSchema>;

export type ProblemSeverity = 'error' | 'warning';

export interface Problem {
  field: PayrollField;
  /** `missing`, `invalid`, `title_gender_mismatch`, … */
  code: string;
  /** A sentence a bureau clerk understands. */
  message: string;
  /** What the HR system sent, so nothing it sent is lost even when the field is blanked. */
  value: string | null;
  severity: ProblemSeverity;
}

export type PayrollValues = Partial<Record<PayrollField, string | null>>;
