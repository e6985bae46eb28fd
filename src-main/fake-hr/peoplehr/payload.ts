import { createHash } from 'node:crypto';
import type { SamplePerson } from '../sample-people';

/**
 * SamplePerson → PeopleHR's employee object with the full 2023 key set (every wrapper present, "" for
 * unset values, history arrays empty in lists, bare strings for LeavingDate / APIColumn* / UniqueKey),
 * and → GetSalaryDetail rows (4-dp amount strings, a currency symbol, history oldest first with a
 * future-dated raise for some people, so "take Result[0]" and "take the last row" are both wrong).
 */

export type ApiColumn = 'APIColumn1' | 'APIColumn2' | 'APIColumn3' | 'APIColumn4' | 'APIColumn5';
export type ApiColumnSource = ((p: SamplePerson) => string | null) | null;

/** PeopleHR has no tax code or NI category field: tenants that need them keep them in API columns. */
export const DEFAULT_API_COLUMNS: Record<ApiColumn, ApiColumnSource> = {
  APIColumn1: (p) => p.taxCode,
  APIColumn2: (p) => p.niCategory,
  APIColumn3: (p) => p.studentLoanPlan,
  APIColumn4: (p) => p.starterDeclaration,
  APIColumn5: null,
};

export interface PayloadContext {
  idOf(p: SamplePerson): string;
  bySeq: Map<number, SamplePerson>;
  apiColumns: Record<ApiColumn, ApiColumnSource>;
  companyName: string;
  /** GetEmployeeDetailById fills history arrays; GetAllEmployeeDetail never does. */
  withHistory: boolean;
}

const h = (v: string | null | undefined) => ({ DisplayValue: v ?? '', FieldHistory: [] as unknown[] });
const e = (v: string | null | undefined) => ({ DisplayValue: v ?? '', FieldHistoryForEffectiveDate: [] as unknown[] });
const v = (val: string | null | undefined) => ({ DisplayValue: val ?? '' });

export function uniqueKeyOf(p: SamplePerson): string {
  const hex = createHash('sha1').update(`peoplehr:${p.seq}:${p.employeeNumber}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/'/g, '&#39;');
}

function genderOf(g: string | null): string {
  if (g === null) return '';
  if (/^(m|male)$/i.test(g)) return 'Male';
  if (/^(f|female)$/i.test(g)) return 'Female';
  return 'Not Specified';
}

const EMPLOYMENT_TYPE: Record<SamplePerson['employmentType'], string> = {
  Permanent: 'Full Time',
  'Fixed term': 'Fixed Term',
  Contractor: 'Contractor',
};

export function employeeObject(p: SamplePerson, ctx: PayloadContext): Record<string, unknown> {
  const boss = p.supervisorSeq === null ? undefined : ctx.bySeq.get(p.supervisorSeq);
  const a = p.address;
  const address = [a.line1, a.line2 ?? '', a.city, a.county ?? '', a.country, a.postcode]
    .map(escapeHtml)
    .join('<br />');
  const jobRole: Record<string, unknown> = { DisplayValue: p.jobTitle, FieldHistoryForJobRole: [] };
  const id = h(ctx.idOf(p));
  if (ctx.withHistory) {
    const change = {
      JobRole: 'Trainee',
      EffectiveDate: p.startDate,
      ChangedOn: p.startDate,
      ReasonForChange: 'Promotion',
    };
    jobRole.FieldHistoryForJobRole = [change];
    id.FieldHistory = [
      { OldValue: `T${p.seq}`, NewValue: ctx.idOf(p), ChangedOn: p.startDate, ReasonForChange: 'Renumbered' },
    ];
  }
  const columns = Object.fromEntries(
    (Object.entries(ctx.apiColumns) as Array<[ApiColumn, ApiColumnSource]>).map(([col, src]) => [
      col,
      src ? (src(p) ?? '') : '',
    ]),
  );
  return {
    EmployeeId: id,
    Title: h(p.title),
    FirstName: h(p.firstName),
    LastName: h(p.lastName),
    OtherName: h(p.middleName),
    KnownAs: h(''),
    EmailId: h(p.email),
    StartDate: h(p.startDate),
    DateOfBirth: h(p.dateOfBirth),
    JobRole: jobRole,
    Company: e(ctx.companyName),
    CompanyEffectiveDate: v(''),
    Location: e(p.office),
    LocationEffectiveDate: v(''),
    Department: e(p.department),
    DepartmentEffectiveDate: v(p.startDate),
    JobRoleChangeDate: v(p.startDate),
    ReportsTo: e(boss ? `${boss.firstName} ${boss.lastName}` : ''),
    ReportsToEffectiveDate: v(boss ? p.startDate : ''),
    ReportsToEmployeeId: v(boss ? ctx.idOf(boss) : ''),
    ReportsToEmailAddress: v(boss?.email ?? ''),
    NISNumber: h(p.niNumber),
    Nationality: h(p.workCountry === 'United Kingdom' ? 'British' : ''),
    EmploymentType: e(EMPLOYMENT_TYPE[p.employmentType]),
    EmploymentTypeEffectiveDate: v(p.startDate),
    EmployeeStatus: v(p.isLeaver ? '0' : '1'),
    HolidayAllowanceDays: v('28.00'),
    HolidayAllowanceMins: v('12600'),
    NoticePeriod: h('1 Month'),
    ProbationEndDate: h(''),
    Gender: h(genderOf(p.gender)),
    AnalysisCode1LabelText: h(''),
    AnalysisCode2LabelText: h(''),
    ContactDetail: {
      Address: h(address),
      WorkPhoneNumber: h(''),
      PersonalPhoneNumber: h(''),
      PersonalEmail: h(p.personalEmail),
      Mobile: h(p.phone),
    },
    OtherContact: [],
    RightToWork: [],
    BackgroundDetail: [],
    BankDetail: {
      BankName: h(p.bankName),
      BankAddress: h(''),
      BankCode: h(p.sortCode),
      AccountNumber: h(p.accountNumber),
      AccountName: h(p.accountName),
    },
    EmploymentDetail: Object.fromEntries(
      [
        'PayrollCompany',
        'PayrollID',
        'TimeAndAttendanceID',
        'RotaID',
        'CRMID',
        'ATSID',
        'PerformanceID',
        'BenefitsID',
        'System1ID',
        'System2ID',
        'System3ID',
        'MethodOfRecruitment',
      ].map((k) => [k, h(k === 'PayrollID' ? p.employeeNumber : '')]),
    ),
    LeavingDate: p.leaveDate ?? '',
    ReasonForLeaving: p.leavingReason ?? '',
    EmployeeImage: '',
    ...columns,
    AdditionalreportsTo: [],
    UniqueKey: uniqueKeyOf(p),
    lstFieldHistoryJobrole: ctx.withHistory ? { FieldHistoryForJobRole: jobRole.FieldHistoryForJobRole } : null,
  };
}

const FREQUENCY: Record<string, string> = {
  monthly: 'Monthly',
  weekly: 'Weekly',
  '4 weekly': 'Four Weekly',
  fortnightly: 'Fortnightly',
};
const SALARY_TYPE = { annual: 'Annual', monthly: 'Monthly', hourly: 'Hourly' } as const;

export interface SalaryRowOut {
  EffectiveFrom: string;
  SalaryType: string;
  PaymentFrequency: string;
  SalaryAmount: string;
  TotalSalaryAmount: string;
  Currency: string;
  ChangeReason: string;
  Comments: string;
  Deductions: unknown[];
  Entitlements: unknown[];
}

/** Every salary row, oldest first; contractors have none. */
export function salaryRows(p: SamplePerson, today: string): SalaryRowOut[] {
  if (p.employmentType === 'Contractor') return [];
  const row = (from: string, factor: number, reason: string): SalaryRowOut => {
    const amount = (Math.round(p.salary.amount * factor * 100) / 100).toFixed(4);
    return {
      EffectiveFrom: from,
      SalaryType: SALARY_TYPE[p.salary.period],
      PaymentFrequency: FREQUENCY[p.paymentFrequency.toLowerCase()] ?? p.paymentFrequency,
      SalaryAmount: amount,
      TotalSalaryAmount: amount,
      Currency: p.salary.currency === 'GBP' ? '£' : p.salary.currency,
      ChangeReason: reason,
      Comments: '',
      Deductions: [],
      Entitlements: [],
    };
  };
  const rows = [row(p.startDate, 0.9, 'Starting Salary')];
  const mid = new Date((Date.parse(p.startDate) + Date.parse(today)) / 2).toISOString().slice(0, 10);
  if (mid > p.startDate && mid <= today) rows.push(row(mid, 1, 'Annual Review'));
  else rows[0] = row(p.startDate, 1, 'Starting Salary');
  if (p.seq % 5 === 0 && !p.isLeaver) {
    const future = new Date(Date.parse(today) + 30 * 864e5).toISOString().slice(0, 10);
    rows.push(row(future, 1.1, 'Pay Rise'));
  }
  return rows;
}
