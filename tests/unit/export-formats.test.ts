import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { payrollTargetSchema, type PayrollTarget } from '../../src-main/contract/exports';
import { PAYROLL_FIELDS, type PayrollField } from '../../src-main/contract/payroll';
import type { HandOffEmployee } from '../../src-main/core/db/repositories/payroll-exports';
import { buildFile } from '../../src-main/core/exports/build';
import { toCsv } from '../../src-main/core/exports/csv';
import { splitTaxCode } from '../../src-main/core/exports/encode';
import { FORMATS } from '../../src-main/core/exports/formats';

/**
 * Each target's columns, one payroll case at a time (docs/reference/payroll-exports.md): the employee is
 * written through the real file builder and CSV writer, read back with papaparse, and the one cell checked.
 */
const BASE: Record<PayrollField, string | null> = {
  ...(Object.fromEntries(PAYROLL_FIELDS.map((f) => [f, null])) as Record<PayrollField, string | null>),
  employeeId: 'E00042',
  title: 'Ms',
  firstName: 'Jane',
  lastName: 'Smith',
  gender: 'female',
  dateOfBirth: '1990-01-31',
  addressLine1: '1 High Street',
  city: 'Leeds',
  postcode: 'LS1 4AB',
  startDate: '2024-04-06',
  niNumber: 'AB123456C',
  niCategory: 'A',
  taxCode: '1257L',
  paymentFrequency: 'monthly',
  sortCode: '123456',
  accountNumber: '12345678',
  accountName: 'J Smith',
};

let nextId = 1;
const employee = (
  values: Partial<Record<PayrollField, string | null>> = {},
  state: 'active' | 'leaver' = 'active',
): HandOffEmployee => ({
  id: nextId++,
  identity: values.employeeId ?? 'E00042',
  name: 'Jane Smith',
  state,
  readiness: 'ready',
  values: { ...BASE, ...values },
});

const target = (over: Partial<PayrollTarget> & { format: PayrollTarget['format'] }): PayrollTarget =>
  payrollTargetSchema.parse(over);

/** Writes one employee in a format and reads the file back: its header, its one row (or null) and who was left out. */
function roundTrip(
  format: PayrollTarget['format'],
  values: Partial<Record<PayrollField, string | null>>,
  opts: { target?: Partial<PayrollTarget>; syncSalaries?: boolean; state?: 'active' | 'leaver' } = {},
) {
  const e = employee(values, opts.state);
  const built = buildFile(
    FORMATS[format],
    { target: target({ format, ...opts.target }), syncSalaries: opts.syncSalaries ?? false },
    [e],
    new Map(),
  );
  const text = toCsv(built.header, built.rows).toString('utf8');
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return { header: parsed.meta.fields ?? [], row: parsed.data[0] ?? null, leftOut: built.leftOut, text };
}

describe('tax code: the code and its week 1/month 1 basis travel apart', () => {
  it.each([
    ['1257L', '1257L', false],
    ['1257L W1', '1257L', true],
    ['1257L M1', '1257L', true],
    ['1257LM1', '1257L', true],
    ['1257L X', '1257L', true],
    ['S1257L', 'S1257L', false],
    ['S1257L W1', 'S1257L', true],
    ['C1257L M1', 'C1257L', true],
    ['SK475', 'SK475', false],
    ['0T M1', '0T', true],
    ['BR', 'BR', false],
    ['SD2', 'SD2', false],
  ])('%s → code %s, basis %s', (raw, code, w1) => {
    expect(splitTaxCode(raw)).toEqual({ code, week1Month1: w1 });
  });

  it.each([
    ['brightpay', 'Tax Code', 'Week/Month 1 Basis', ['S1257L', 'Yes'], ['S1257L', 'No']],
    ['sage50', 'Tax Code', 'Wk1Mth1 Basis', ['S1257L', '1'], ['S1257L', '0']],
    ['staffology', 'Tax Code', 'W1M1', ['S1257L', 'True'], ['S1257L', 'False']],
  ] as const)('%s: a Scottish week 1 code is the S code plus its flag', (format, codeCol, basisCol, w1, cumulative) => {
    const a = roundTrip(format, { taxCode: 'S1257L W1' }).row!;
    expect([a[codeCol], a[basisCol]]).toEqual(w1);
    const b = roundTrip(format, { taxCode: 'S1257L' }).row!;
    expect([b[codeCol], b[basisCol]]).toEqual(cumulative);
  });

  it('BrightPay spells the basis as the payroll software options say (True/False when chosen)', () => {
    expect(
      roundTrip('brightpay', { taxCode: '1257L M1' }, { target: { booleanStyle: 'True/False' } }).row![
        'Week/Month 1 Basis'
      ],
    ).toBe('True');
  });
});

describe('dates', () => {
  it('BrightPay and Sage 50 get dd/mm/yyyy; Staffology the unambiguous yyyy-mm-dd it documents', () => {
    const values = { dateOfBirth: '1990-01-31', startDate: '2024-04-06', leaveDate: '2026-10-15' };
    const bp = roundTrip('brightpay', values, { state: 'leaver' }).row!;
    expect([bp['Date of Birth'], bp['Start Date'], bp['Leave Date']]).toEqual([
      '31/01/1990',
      '06/04/2024',
      '15/10/2026',
    ]);
    const sage = roundTrip('sage50', values, { state: 'leaver' }).row!;
    expect([sage['Date of Birth'], sage['Work Start Date'], sage['Work End Date']]).toEqual([
      '31/01/1990',
      '06/04/2024',
      '15/10/2026',
    ]);
    const st = roundTrip('staffology', values, { state: 'leaver' }).row!;
    expect([st['Date of Birth'], st['Join Date'], st['Leave Date']]).toEqual([
      '1990-01-31',
      '2024-04-06',
      '2026-10-15',
    ]);
  });

  it('a leaver without a leave date is left out with the reason, in every format', () => {
    for (const f of ['brightpay', 'sage50', 'staffology', 'full'] as const) {
      const r = roundTrip(f, { leaveDate: null }, { state: 'leaver' });
      expect(r.row).toBeNull();
      expect(r.leftOut[0]).toMatchObject({ kind: 'cannotHold', reasons: [expect.stringContaining('no leave date')] });
    }
  });
});

describe('student loans', () => {
  it.each([
    ['1', 'Plan 1', 'Plan One'],
    ['2', 'Plan 2', 'Plan Two'],
    ['4', 'Plan 4', 'Plan Four'],
    [null, 'None', ''],
  ])('plan %s → BrightPay %s, Staffology "%s"', (plan, bp, st) => {
    expect(roundTrip('brightpay', { studentLoanPlan: plan }).row!['Student Loan Plan']).toBe(bp);
    expect(roundTrip('staffology', { studentLoanPlan: plan }).row!['Student Loan']).toBe(st);
  });

  it("Plan 5: BrightPay writes it; Staffology's CSV cannot hold it, so the employee is left out, not loaded without a loan", () => {
    expect(roundTrip('brightpay', { studentLoanPlan: '5' }).row!['Student Loan Plan']).toBe('Plan 5');
    const st = roundTrip('staffology', { studentLoanPlan: '5' });
    expect(st.row).toBeNull();
    expect(st.leftOut).toEqual([
      expect.objectContaining({
        kind: 'cannotHold',
        reasons: [expect.stringMatching(/Staffology's employee CSV lists no Plan 5/)],
      }),
    ]);
  });

  it("Sage 50: no loan is -1 (written as -1, not formula-escaped); a plan needs the bureau's code, and is refused until it is set", () => {
    const none = roundTrip('sage50', { studentLoanPlan: null });
    expect(none.row!['SLR Plan Type']).toBe('-1');
    const plan2 = roundTrip('sage50', { studentLoanPlan: '2' });
    expect(plan2.row).toBeNull();
    expect(plan2.leftOut[0]!.reasons[0]).toMatch(/Plan 2: Sage 50 does not publish its SLR Plan Type code/);
    expect(
      roundTrip('sage50', { studentLoanPlan: '2' }, { target: { sageSlrPlanCodes: { '2': '1' } } }).row![
        'SLR Plan Type'
      ],
    ).toBe('1');
  });

  it('postgraduate loan: a flag for BrightPay and Staffology; Sage 50 cannot take it without a start date, so it is refused', () => {
    expect(roundTrip('brightpay', { postgraduateLoan: 'true' }).row!['Postgraduate Loan']).toBe('Yes');
    expect(roundTrip('staffology', { postgraduateLoan: 'true' }).row!['Postgrad Loan']).toBe('True');
    const sage = roundTrip('sage50', { postgraduateLoan: 'true' });
    expect(sage.row).toBeNull();
    expect(sage.leftOut[0]!.reasons[0]).toMatch(/PGLR From Date/);
  });
});

describe('NI numbers', () => {
  it('a valid number is written as stored, in every target', () => {
    expect(roundTrip('brightpay', {}).row!['National Insurance Number']).toBe('AB123456C');
    expect(roundTrip('sage50', {}).row!['NI Number']).toBe('AB123456C');
    expect(roundTrip('staffology', {}).row!['NI Number']).toBe('AB123456C');
  });

  it.each(['CR', 'FY', 'MW', 'NC', 'OO', 'PP'])(
    'an administrative %s prefix (HMRC NIM39110) is refused, never loaded',
    (prefix) => {
      for (const f of ['brightpay', 'sage50', 'staffology'] as const) {
        const r = roundTrip(f, { niNumber: `${prefix}123456A` });
        expect(r.row).toBeNull();
        expect(r.leftOut[0]!.reasons[0]).toContain(`starts with ${prefix}`);
      }
    },
  );

  it('a blank NI number is allowed (payroll runs without one) and the NI letter goes in its own column', () => {
    const r = roundTrip('brightpay', { niNumber: null, niCategory: 'M' }).row!;
    expect(r['National Insurance Number']).toBe('');
    expect(r['National Insurance Table']).toBe('M');
    expect(roundTrip('sage50', { niCategory: 'H' }).row!['NI Category']).toBe('H');
    expect(roundTrip('staffology', { niCategory: 'Z' }).row!['NI Table']).toBe('Z');
  });
});

describe('gender, pay frequency, names and addresses', () => {
  it('gender and pay frequency as each target spells them', () => {
    const bp = roundTrip('brightpay', { gender: 'male', paymentFrequency: 'four-weekly' }).row!;
    expect([bp.Gender, bp['Payment Frequency']]).toEqual(['Male', 'Four Weekly']);
    const sage = roundTrip('sage50', { gender: 'female', paymentFrequency: 'fortnightly' }).row!;
    expect([sage.Gender, sage['Payment Frequency']]).toEqual(['Female', 'Two-Weekly']);
    const st = roundTrip('staffology', { gender: 'male', paymentFrequency: 'four-weekly' }).row!;
    expect([st.Gender, st['Pay Period']]).toEqual(['Male', 'FourWeekly']);
  });

  it('a name longer than 35 characters is refused with the reason, never cut', () => {
    const long = 'Bartholomew-Fitzwilliam-Montgomery-Smythe';
    const r = roundTrip('brightpay', { lastName: long });
    expect(r.row).toBeNull();
    expect(r.leftOut[0]!.reasons[0]).toBe(
      `Last name is ${long.length} characters (“${long}”); the payroll software holds at most 35`,
    );
    expect(r.text).not.toContain(long.slice(0, 35));
  });

  it("Staffology refuses punctuation in names; O'Brien and accented names pass", () => {
    expect(roundTrip('staffology', { lastName: "O'Brien", firstName: 'Zoë' }).row!['Last Name']).toBe("O'Brien");
    expect(roundTrip('staffology', { lastName: 'Smith (née Jones)' }).row).toBeNull();
  });

  it("the address fills the target's lines in order; an address with more lines than BrightPay holds is refused", () => {
    const five = {
      addressLine1: 'Flat 2',
      addressLine2: '1 High Street',
      addressLine3: 'Headingley',
      city: 'Leeds',
      county: 'West Yorkshire',
    };
    const sage = roundTrip('sage50', five).row!;
    expect([1, 2, 3, 4, 5].map((n) => sage[`Address ${n}`])).toEqual([
      'Flat 2',
      '1 High Street',
      'Headingley',
      'Leeds',
      'West Yorkshire',
    ]);
    const bp = roundTrip('brightpay', five);
    expect(bp.row).toBeNull();
    expect(bp.leftOut[0]!.reasons[0]).toMatch(/BrightPay holds 4 address lines/);
    const short = roundTrip('brightpay', { addressLine1: '1 High Street', city: 'Leeds' }).row!;
    expect([short['Address Line 1'], short['Address Line 2'], short['Address Line 3']]).toEqual([
      '1 High Street',
      'Leeds',
      '',
    ]);
  });

  it('a salary in another currency is refused for targets that pay in pounds; columns appear only when salaries sync', () => {
    expect(roundTrip('brightpay', { salary: '30000.00' }).header).not.toContain('Annual Pay Rate');
    expect(
      roundTrip('brightpay', { salary: '30000.00', currency: 'GBP' }, { syncSalaries: true }).row!['Annual Pay Rate'],
    ).toBe('30000.00');
    const eur = roundTrip('sage50', { salary: '30000.00', currency: 'EUR' }, { syncSalaries: true });
    expect(eur.row).toBeNull();
    expect(eur.leftOut[0]!.reasons[0]).toMatch(/in EUR/);
  });
});

describe('formula escaping', () => {
  it('a cell a spreadsheet would run gets an apostrophe; numbers, -1 and phone numbers stay as they are', () => {
    const r = roundTrip('brightpay', {
      jobTitle: '=HYPERLINK("http://x")',
      department: '@SUM(A1)',
      phone: '+44 7700 900123',
    }).row!;
    expect(r['Job Title']).toBe('\'=HYPERLINK("http://x")');
    expect(r.Department).toBe("'@SUM(A1)");
    expect(r['Phone Number']).toBe('+44 7700 900123');
  });
});

describe('custom layout and full CSV', () => {
  it("custom: the bureau's columns, headings and order, in its chosen spellings", () => {
    const layout = {
      columns: [
        { value: 'employeeId', header: 'Employee Code' },
        { value: 'lastName', header: 'Surname' },
        { value: 'taxCodeOnly', header: 'Tax Code' },
        { value: 'taxCodeBasis', header: 'Non Cumulative' },
        { value: 'dateOfBirth', header: 'DOB' },
        { value: 'gender', header: 'Sex' },
        { value: 'state', header: 'Leaver' },
      ],
      dateStyle: 'yyyy-mm-dd',
      booleanStyle: 'Y/N',
      genderStyle: 'M/F',
    };
    const r = roundTrip(
      'custom',
      { taxCode: 'K475 W1' },
      { target: { customLayout: layout as PayrollTarget['customLayout'] } },
    );
    expect(r.header).toEqual(['Employee Code', 'Surname', 'Tax Code', 'Non Cumulative', 'DOB', 'Sex', 'Leaver']);
    expect(r.row).toEqual({
      'Employee Code': 'E00042',
      Surname: 'Smith',
      'Tax Code': 'K475',
      'Non Cumulative': 'Y',
      DOB: '1990-01-31',
      Sex: 'F',
      Leaver: 'N',
    });
  });

  it('a custom layout that strips the basis from the tax code without its own column is refused when saved', () => {
    const bad = payrollTargetSchema.safeParse({
      format: 'custom',
      customLayout: {
        columns: [
          { value: 'employeeId', header: 'Code' },
          { value: 'taxCodeOnly', header: 'Tax' },
        ],
      },
    });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toMatch(/week 1\/month 1 codes would load as cumulative/);
  });

  it('full: every payroll field under its label, as stored', () => {
    const r = roundTrip('full', { taxCode: '1257L W1' });
    expect(r.header).toHaveLength(PAYROLL_FIELDS.length + 1);
    expect(r.row!['Tax code']).toBe('1257L W1');
    expect(r.row!['Date of birth']).toBe('1990-01-31');
  });
});
