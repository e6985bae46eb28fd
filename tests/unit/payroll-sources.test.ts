import { describe, expect, it } from 'vitest';
import { PAYROLL_FIELDS, type PayrollField, type PayrollValues } from '../../src-main/contract/payroll';
import type { Mapping } from '../../src-main/contract/mapping';
import { evaluateEmployee, type EvaluateInput } from '../../src-main/core/payroll/evaluate';

// Every payroll field mapped to a provider key named after it: `hr.taxCode` holds the tax code.
const hr = (field: PayrollField) => `hr.${field}`;
const fullMapping = (): Mapping => Object.fromEntries(PAYROLL_FIELDS.map((f) => [f, hr(f)]));

const READY: Record<string, string | null> = {
  'hr.employeeId': 'E00001',
  'hr.firstName': 'Jane',
  'hr.lastName': 'Doe',
  'hr.gender': 'Female',
  'hr.dateOfBirth': '1985-06-15',
  'hr.addressLine1': '1 High Street',
  'hr.postcode': 'LS1 4AP',
  'hr.startDate': '2020-01-06',
  'hr.niNumber': 'AB123456C',
  'hr.niCategory': 'A',
  'hr.taxCode': '1257L',
  'hr.paymentFrequency': 'Monthly',
  'hr.sortCode': '123456',
  'hr.accountNumber': '12345678',
};

type Overrides = Partial<Omit<EvaluateInput, 'record'>> & {
  fields?: Record<string, string | null>;
  without?: string[];
  isLeaver?: boolean;
};

function evaluate(overrides: Overrides = {}) {
  const { fields, without = [], isLeaver = false, ...rest } = overrides;
  const all: Record<string, string | null> = { ...READY, ...fields };
  for (const key of without) delete all[key];
  return evaluateEmployee({
    record: { externalId: 'p1', fields: all, leaver: { isLeaver, leaveDate: null, reason: null } },
    mapping: fullMapping(),
    previous: null,
    defaults: {},
    syncSalaries: false,
    today: '2026-11-01',
    ...rest,
  });
}

const previous: PayrollValues = { jobTitle: 'Chef', niCategory: 'C', department: 'Kitchen', title: 'Dr' };

describe('the HR system is the source of truth for mapped fields', () => {
  it.each([
    ['a new value', 'Head Chef', 'Head Chef'],
    ['null', null, null],
    ['an empty string', '', null],
    ['only spaces', '   ', null],
  ])('a mapped key holding %s overwrites the stored value', (_name, sent, expected) => {
    const result = evaluate({ previous, fields: { [hr('jobTitle')]: sent } });
    expect(result.values.jobTitle).toBe(expected);
    expect(result.sources.jobTitle).toEqual({ kind: 'hr', key: 'hr.jobTitle' });
  });

  it('a mapped key absent from the record is unknown: the stored value is kept untouched', () => {
    const result = evaluate({ previous, without: [hr('jobTitle')] });
    expect(result.values.jobTitle).toBe('Chef');
    expect(result.sources.jobTitle).toEqual({ kind: 'kept' });
  });

  it.each([
    ['set to null ("Do not map")', { department: null }],
    ['left out of the mapping', { department: undefined }],
  ])('a field %s keeps the stored value even when the HR system has one', (_name, change) => {
    const mapping = { ...fullMapping(), ...change };
    if (change.department === undefined) delete mapping.department;
    const result = evaluate({ previous, mapping, fields: { [hr('department')]: 'Front of house' } });
    expect(result.values.department).toBe('Kitchen');
    expect(result.sources.department).toEqual({ kind: 'kept' });
  });

  it('an unmapped field with nothing stored stays blank', () => {
    const result = evaluate({ mapping: { ...fullMapping(), department: null } });
    expect(result.values.department).toBeNull();
    expect(result.sources.department).toEqual({ kind: 'kept' });
  });
});

describe('company defaults fill a field only when it is unmapped or blank', () => {
  const defaults = { niCategory: 'M', paymentFrequency: 'weekly' };

  it.each<[string, Overrides, string, EvaluateInput['previous']]>([
    ['mapped but blank in the HR system', { fields: { [hr('niCategory')]: '' } }, 'M', null],
    ['mapped but null in the HR system', { fields: { [hr('niCategory')]: null } }, 'M', null],
    ['"Do not map" with nothing stored', { mapping: { ...fullMapping(), niCategory: null } }, 'M', null],
    [
      '"Do not map" with a blank stored value',
      { mapping: { ...fullMapping(), niCategory: null } },
      'M',
      { niCategory: '' },
    ],
    ['unknown (absent key) with nothing stored', { without: [hr('niCategory')] }, 'M', null],
  ])('%s → the default, marked as such', (_name, overrides, expected, prev) => {
    const result = evaluate({ ...overrides, defaults, previous: prev });
    expect(result.values.niCategory).toBe(expected);
    expect(result.sources.niCategory).toEqual({ kind: 'default' });
    expect(result.readiness).toBe('ready');
  });

  it('the HR value wins over the default', () => {
    const result = evaluate({ defaults, fields: { [hr('niCategory')]: 'H' } });
    expect(result.values.niCategory).toBe('H');
    expect(result.sources.niCategory).toEqual({ kind: 'hr', key: 'hr.niCategory' });
  });

  it('a stored value of an unmapped field wins over the default', () => {
    const result = evaluate({ defaults, previous, mapping: { ...fullMapping(), niCategory: null } });
    expect(result.values.niCategory).toBe('C');
    expect(result.sources.niCategory).toEqual({ kind: 'kept' });
  });

  it('lets a company without NI category or pay frequency in its HR system be Ready', () => {
    const result = evaluate({ defaults, mapping: { ...fullMapping(), niCategory: null, paymentFrequency: null } });
    expect(result.values).toMatchObject({ niCategory: 'M', paymentFrequency: 'weekly' });
    expect(result.readiness).toBe('ready');
  });
});

describe('title', () => {
  it.each([
    ['male', 'Mr'],
    ['Female', 'Ms'],
    ['M', 'Mr'],
  ])('is derived from gender %j when unmapped', (gender, title) => {
    const result = evaluate({ mapping: { ...fullMapping(), title: null }, fields: { [hr('gender')]: gender } });
    expect(result.values.title).toBe(title);
    expect(result.sources.title).toEqual({ kind: 'derived', from: 'gender' });
  });

  it('is derived from gender when the HR system has it blank', () => {
    const result = evaluate({ fields: { [hr('title')]: '', [hr('gender')]: 'Male' } });
    expect(result.values.title).toBe('Mr');
    expect(result.sources.title).toEqual({ kind: 'derived', from: 'gender' });
  });

  it('is not invented when the gender is not male or female', () => {
    const result = evaluate({ fields: { [hr('title')]: '', [hr('gender')]: 'Diverse' } });
    expect(result.values.title).toBeNull();
  });

  it('keeps the stored title when unknown (absent key)', () => {
    const result = evaluate({ previous, without: [hr('title')] });
    expect(result.values.title).toBe('Dr');
    expect(result.sources.title).toEqual({ kind: 'kept' });
  });

  it.each([
    ['male', 'Mr', false],
    ['male', 'Dr', false],
    ['male', 'mr.', false],
    ['male', 'Mrs', true],
    ['male', 'Ms', true],
    ['male', 'Miss', true],
    ['female', 'Ms', false],
    ['female', 'Miss', false],
    ['female', 'Mrs', false],
    ['female', 'Dr', false],
    ['female', 'Mr', true],
    ['female', 'MR', true],
  ])('a mapped title for a %s employee: %s warns = %s', (gender, title, warns) => {
    const result = evaluate({ fields: { [hr('gender')]: gender, [hr('title')]: title } });
    const mismatch = result.problems.filter((p) => p.code === 'title_gender_mismatch');
    expect(mismatch.length > 0).toBe(warns);
    if (warns) expect(mismatch[0]).toMatchObject({ field: 'title', severity: 'warning', value: title });
    expect(result.readiness).toBe('ready');
  });

  it('says which titles fit', () => {
    const result = evaluate({ fields: { [hr('gender')]: 'male', [hr('title')]: 'Mrs' } });
    expect(result.problems[0]?.message).toBe(
      'Title Mrs does not fit the gender male; for male employees payroll expects Mr or Dr',
    );
  });
});

describe('salary', () => {
  const withSalary = (amount: string | null, period?: string | null) =>
    evaluate({
      syncSalaries: true,
      salaryPeriodKey: period === undefined ? null : 'hr.period',
      fields: {
        [hr('salary')]: amount,
        [hr('currency')]: '£',
        ...(period === undefined ? {} : { 'hr.period': period }),
      },
    });

  it('is never read while "Sync salaries" is off: salary and currency keep their stored values', () => {
    const result = evaluate({
      syncSalaries: false,
      previous: { salary: '30000.00', currency: 'GBP' },
      defaults: { currency: 'EUR' },
      fields: { [hr('salary')]: '99999', [hr('currency')]: 'USD' },
    });
    expect(result.values).toMatchObject({ salary: '30000.00', currency: 'GBP' });
    expect(result.sources).toMatchObject({ salary: { kind: 'kept' }, currency: { kind: 'kept' } });
  });

  it('stays blank while "Sync salaries" is off and nothing was stored', () => {
    const result = evaluate({ syncSalaries: false, fields: { [hr('salary')]: '99999' } });
    expect(result.values.salary).toBeNull();
  });

  it.each([
    ['30000', 'annual', '30000.00'],
    ['30000', 'Annually', '30000.00'],
    ['30000', 'year', '30000.00'],
    ['2500', 'Monthly', '30000.00'],
    ['2500.50', 'monthly', '30006.00'],
    ['500', 'weekly', '26000.00'],
    ['1000', 'fortnightly', '26000.00'],
    ['2000', '4 weekly', '26000.00'],
    ['7500', 'quarterly', '30000.00'],
    ['£32,000', 'annual', '32000.00'],
  ])('%s stated as %s is an annual salary of %s', (amount, period, expected) => {
    const result = withSalary(amount, period);
    expect(result.values).toMatchObject({ salary: expected, currency: 'GBP' });
    expect(result.problems).toEqual([]);
  });

  it.each<[string, string | null | undefined, string, string]>([
    ['2500', undefined, '2500.00', 'salary_period_unknown'], // the vendor states no period
    ['2500', null, '2500.00', 'salary_period_unknown'],
    ['2500', '', '2500.00', 'salary_period_unknown'],
    ['2500', 'per commission', '2500.00', 'salary_period_unknown'],
    ['12.5', 'hourly', '12.50', 'salary_not_annual'],
    ['95', 'daily', '95.00', 'salary_not_annual'],
  ])('%s with period %j is kept as sent (%s) with the warning %s', (amount, period, expected, code) => {
    const result = withSalary(amount, period);
    expect(result.values.salary).toBe(expected);
    expect(result.problems).toMatchObject([{ field: 'salary', code, severity: 'warning', value: amount }]);
    expect(result.readiness).toBe('ready');
  });

  it('a blank salary blanks the stored one', () => {
    const result = evaluate({ syncSalaries: true, previous: { salary: '30000.00' }, fields: { [hr('salary')]: '' } });
    expect(result.values.salary).toBeNull();
    expect(result.problems).toEqual([]);
  });
});

describe('employee state from the HR record', () => {
  it.each<[string, Overrides, 'active' | 'leaver']>([
    ['a current employee', {}, 'active'],
    ['the HR system marks them as left', { isLeaver: true }, 'leaver'],
    ['leave date yesterday', { fields: { [hr('leaveDate')]: '2026-10-31' } }, 'leaver'],
    ['leave date today', { fields: { [hr('leaveDate')]: '01/11/2026' } }, 'leaver'],
    ['leave date tomorrow (working their notice)', { fields: { [hr('leaveDate')]: '2026-11-02' } }, 'active'],
    [
      'leave date given as a datetime late on today',
      { fields: { [hr('leaveDate')]: '2026-11-01T23:00:00-05:00' } },
      'leaver',
    ],
    [
      'leave date kept from the last sync',
      { previous: { leaveDate: '2026-01-31' }, without: [hr('leaveDate')] },
      'leaver',
    ],
  ])('%s → %s', (_name, overrides, state) => {
    expect(evaluate(overrides).state).toBe(state);
  });

  it('a leaver is still checked: readiness and problems are worked out as for anyone', () => {
    const result = evaluate({ isLeaver: true, fields: { [hr('sortCode')]: '12' } });
    expect(result.state).toBe('leaver');
    expect(result.readiness).toBe('pending');
  });
});
