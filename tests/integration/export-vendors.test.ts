import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../src-main/core/app';
import type { ExportFormat } from '../../src-main/contract/exports';
import { call, makeCore } from '../helpers/core';
import { connectForExport, readCsv, readiness } from './export-helpers';
import { people, startVendor, VENDORS, type VendorFake } from './sync-rules-vendors';

/**
 * Against each fake HR system, a synced company's BrightPay, Sage 50 and Staffology files: exactly the target's
 * headings, one row per Ready employee (none for Pending), each value in the target's encoding, read back with
 * papaparse the way the payroll software will read it.
 */
const HEADERS: Record<'brightpay' | 'sage50' | 'staffology', string[]> = {
  brightpay: [
    'Title',
    'Name',
    'Middle Name',
    'Surname',
    'Works Number',
    'National Insurance Number',
    'Gender',
    'Date of Birth',
    'Address Line 1',
    'Address Line 2',
    'Address Line 3',
    'Address Line 4',
    'Postcode',
    'Country',
    'Email Address',
    'Phone Number',
    'Tax Code',
    'Week/Month 1 Basis',
    'National Insurance Table',
    'Student Loan Plan',
    'Postgraduate Loan',
    'Start Date',
    'Starter Declaration',
    'Leave Date',
    'Payment Frequency',
    'Payment Bank Sort Code',
    'Payment Bank Account Name',
    'Payment Bank Account Number',
    'Job Title',
    'Department',
  ],
  sage50: [
    'Employee Reference',
    'Title',
    'Initial',
    'Forename',
    'Surname',
    'Address 1',
    'Address 2',
    'Address 3',
    'Address 4',
    'Address 5',
    'Post Code',
    'E-mail Address',
    'Gender',
    'Date of Birth',
    'Tax Code',
    'Wk1Mth1 Basis',
    'NI Category',
    'NI Number',
    'Starter Form',
    'Payment Frequency',
    'Work Start Date',
    'Work End Date',
    'SLR Plan Type',
    'Sort Code',
    'Bank Account Number',
    'Bank Account Name',
    'Job Title',
  ],
  staffology: [
    'Payroll Code',
    'Title',
    'First Name',
    'Middle Name',
    'Last Name',
    'Email',
    'Telephone',
    'Date of Birth',
    'Gender',
    'NI Number',
    'Addr1',
    'Addr2',
    'Addr3',
    'Addr4',
    'Addr5',
    'Postcode',
    'Country',
    'Join Date',
    'Leave Date',
    'Starter Declaration',
    'Tax Code',
    'W1M1',
    'NI Table',
    'Student Loan',
    'Postgrad Loan',
    'Pay Period',
    'Sort Code',
    'Account Number',
    'Account Name',
    'Job Title',
    'Department',
  ],
};
const KEY: Record<keyof typeof HEADERS, string> = {
  brightpay: 'Works Number',
  sage50: 'Employee Reference',
  staffology: 'Payroll Code',
};
const SALARY: Record<keyof typeof HEADERS, string> = {
  brightpay: 'Annual Pay Rate',
  sage50: 'Gross Salary',
  staffology: 'Annual Salary',
};
const ddmmyyyy = (iso: string | null) => (iso ? iso.split('-').reverse().join('/') : '');

describe.each(VENDORS)('exports of a company synced from the %s fake', (provider) => {
  let v: VendorFake;
  let core: Core;
  let id: string;
  const staff = people(40, 23);

  beforeAll(async () => {
    v = await startVendor(provider, staff);
    core = makeCore();
    id = await connectForExport(core, v);
    // Sage publishes only -1 (no loan); a bureau enters its codes for the plans once.
    await call(core, 'exports.target.set', {
      companyId: id,
      target: { format: 'brightpay', sageSlrPlanCodes: { '1': '1', '2': '2', '4': '4', '5': '5' } },
    });
  });
  afterAll(async () => {
    await core.close();
    await v.fake.close();
  });

  it.each(['brightpay', 'sage50', 'staffology'] as const)(
    "%s: the target's headings, one row per Ready employee, none for Pending",
    async (format) => {
      const { ready, pending } = readiness(core, id);
      expect(ready.size).toBeGreaterThan(20);
      expect(pending.size).toBeGreaterThan(0);
      const res = await call(core, 'exports.create', { companyId: id, format });
      const file = readCsv(Buffer.from(res.data, 'base64'));
      const salaries = provider === 'peoplehr';
      expect(file.header).toEqual(
        salaries
          ? [
              ...HEADERS[format].slice(0, -4 - (format === 'sage50' ? 0 : 1)),
              SALARY[format],
              ...HEADERS[format].slice(-4 - (format === 'sage50' ? 0 : 1)),
            ]
          : HEADERS[format],
      );
      const written = file.rows.map((r) => r[KEY[format]]!);
      expect(new Set(written).size).toBe(written.length);
      for (const w of written) expect(pending.has(w)).toBe(false);
      const cannotHold = res.preview.leftOut.filter((l) => l.kind === 'cannotHold');
      // Every Ready employee is either in the file or left out with a reason; every Pending one is listed with theirs.
      expect(new Set([...written, ...cannotHold.map((l) => l.identity)])).toEqual(ready);
      expect(new Set(res.preview.leftOut.filter((l) => l.kind === 'pending').map((l) => l.identity))).toEqual(pending);
      for (const l of res.preview.leftOut) expect(l.reasons.length).toBeGreaterThan(0);
      // Staffology's CSV holds no Plan 5: exactly those employees are refused, with that reason.
      // What each target cannot hold, and nothing else: Staffology's CSV has no Plan 5, Sage 50 takes a postgraduate
      // loan only with its start date, and no target takes an administrative NI number (the generator makes some).
      const allowed = {
        brightpay: /administrative/,
        sage50: /administrative|PGLR/,
        staffology: /administrative|Plan 5|punctuation/,
      }[format];
      for (const l of cannotHold) expect(l.reasons.join(' ')).toMatch(allowed);
      if (format === 'staffology') expect(cannotHold.some((l) => /Plan 5/.test(l.reasons.join(' ')))).toBe(true);
      expect(res.record).toMatchObject({
        format,
        employees: file.rows.length,
        leftOut: res.preview.leftOut.length,
        sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      });
    },
  );

  it("values are in each target's encoding, checked against the stored payroll values", async () => {
    const employees = new Map(core.reports.employees(id).map((e) => [e.fields.employeeId, e.fields]));
    const files = {
      brightpay: readCsv(
        Buffer.from((await call(core, 'exports.create', { companyId: id, format: 'brightpay' })).data, 'base64'),
      ).rows,
      sage50: readCsv(
        Buffer.from((await call(core, 'exports.create', { companyId: id, format: 'sage50' })).data, 'base64'),
      ).rows,
      staffology: readCsv(
        Buffer.from((await call(core, 'exports.create', { companyId: id, format: 'staffology' })).data, 'base64'),
      ).rows,
    };
    for (const r of files.brightpay) {
      const f = employees.get(r['Works Number']!)!;
      expect(r['Date of Birth']).toBe(ddmmyyyy(f.dateOfBirth));
      expect(r['Start Date']).toBe(ddmmyyyy(f.startDate));
      expect(r.Gender).toBe(f.gender === 'male' ? 'Male' : 'Female');
      expect(r['Tax Code']! + (r['Week/Month 1 Basis'] === 'Yes' ? ' M1' : '')).toBe(f.taxCode!.replace(' W1', ' M1'));
      expect(r['Student Loan Plan']).toBe(f.studentLoanPlan ? `Plan ${f.studentLoanPlan}` : 'None');
      expect(r['Payment Bank Sort Code']).toMatch(/^\d{6}$/);
    }
    for (const r of files.sage50) {
      const f = employees.get(r['Employee Reference']!)!;
      expect(r['Wk1Mth1 Basis']).toBe(/ (W1|M1|X)$/.test(f.taxCode!) ? '1' : '0');
      expect(r['SLR Plan Type']).toBe(f.studentLoanPlan ?? '-1');
      expect(r['Work Start Date']).toBe(ddmmyyyy(f.startDate));
      expect(r['NI Category']).toBe(f.niCategory);
    }
    for (const r of files.staffology) {
      const f = employees.get(r['Payroll Code']!)!;
      expect(r['Date of Birth']).toBe(f.dateOfBirth);
      expect(r.W1M1).toBe(/ (W1|M1|X)$/.test(f.taxCode!) ? 'True' : 'False');
      expect(r['Pay Period']).toBe(
        { weekly: 'Weekly', fortnightly: 'Fortnightly', 'four-weekly': 'FourWeekly', monthly: 'Monthly' }[
          f.paymentFrequency!
        ],
      );
    }
    const formats = (await call(core, 'exports.history', { companyId: id })).map((r) => r.format as ExportFormat);
    expect(formats.slice(0, 3)).toEqual(['staffology', 'sage50', 'brightpay']);
  });
});
