import { describe, expect, it } from 'vitest';
import { PAYROLL_FIELDS, type PayrollField } from '../../src-main/contract/payroll';
import { evaluateEmployee, type EvaluateInput } from '../../src-main/core/payroll/evaluate';
import { REQUIRED_FIELDS } from '../../src-main/core/payroll/fields';

// Every payroll field mapped to a provider key named after it: `hr.taxCode` holds the tax code.
const hr = (field: PayrollField) => `hr.${field}`;
const fullMapping = () => Object.fromEntries(PAYROLL_FIELDS.map((f) => [f, hr(f)]));

/** A UK employee who has everything payroll needs, as an HR system would send it. */
const READY: Record<string, string | null> = {
  'hr.employeeId': 'E00001',
  'hr.firstName': 'Jane',
  'hr.lastName': 'Doe',
  'hr.gender': 'Female',
  'hr.dateOfBirth': '1985-06-15',
  'hr.addressLine1': '1 High Street',
  'hr.postcode': 'ls1 4ap',
  'hr.startDate': '2020-01-06',
  'hr.niNumber': 'AB 12 34 56 C',
  'hr.niCategory': 'A',
  'hr.taxCode': '1257L',
  'hr.paymentFrequency': 'Monthly',
  'hr.sortCode': '12-34-56',
  'hr.accountNumber': '12345678',
};

function evaluate(overrides: Partial<Omit<EvaluateInput, 'record'>> & { fields?: Record<string, string | null> } = {}) {
  const { fields, ...rest } = overrides;
  return evaluateEmployee({
    record: {
      externalId: 'p1',
      fields: { ...READY, ...fields },
      leaver: { isLeaver: false, leaveDate: null, reason: null },
    },
    mapping: fullMapping(),
    previous: null,
    defaults: {},
    syncSalaries: false,
    today: '2026-11-01',
    ...rest,
  });
}

const problemsOf = (result: ReturnType<typeof evaluate>, field: PayrollField) =>
  result.problems.filter((p) => p.field === field);

describe('a complete UK employee', () => {
  const result = evaluate();

  it('is Ready with no problems', () => {
    expect(result.problems).toEqual([]);
    expect(result.readiness).toBe('ready');
    expect(result.state).toBe('active');
  });

  it('has every payroll field, normalised', () => {
    expect(Object.keys(result.values).sort()).toEqual([...PAYROLL_FIELDS].sort());
    expect(result.values).toMatchObject({
      gender: 'female',
      postcode: 'LS1 4AP',
      niNumber: 'AB123456C',
      paymentFrequency: 'monthly',
      sortCode: '123456',
      title: 'Ms',
    });
  });
});

describe('missing required fields make the employee Pending', () => {
  it.each(REQUIRED_FIELDS.map((f) => [f]))('%s blank in the HR system', (field) => {
    const result = evaluate({ fields: { [hr(field)]: '' } });
    expect(result.readiness).toBe('pending');
    expect(result.values[field]).toBeNull();
    const [problem] = problemsOf(result, field);
    expect(problem).toMatchObject({ field, code: 'missing', severity: 'error', value: '' });
    expect(problem?.message).toMatch(/is needed for payroll but is blank in the HR system/);
  });

  it('names the field label and the HR field in the message', () => {
    const result = evaluate({ fields: { [hr('taxCode')]: null } });
    expect(problemsOf(result, 'taxCode')).toEqual([
      {
        field: 'taxCode',
        code: 'missing',
        severity: 'error',
        value: null,
        message: 'Tax code is needed for payroll but is blank in the HR system (hr.taxCode); fill it in there',
      },
    ]);
  });

  it('says when a required field is not mapped, and suggests a company default where one can be set', () => {
    const result = evaluate({
      mapping: { ...Object.fromEntries(REQUIRED_FIELDS.map((f) => [f, hr(f)])), niCategory: null, taxCode: null },
    });
    expect(problemsOf(result, 'niCategory')[0]?.message).toBe(
      'NI category letter is needed for payroll but is not mapped to any HR field; map it, or set a company default',
    );
    expect(problemsOf(result, 'taxCode')[0]?.message).toBe(
      'Tax code is needed for payroll but is not mapped to any HR field; map it',
    );
  });

  it('says when the HR system did not send a mapped field at all', () => {
    const result = evaluate({ mapping: { ...fullMapping(), sortCode: 'bankAccount.sortCode' } });
    expect(problemsOf(result, 'sortCode')[0]?.message).toBe(
      'Sort code is needed for payroll but the HR system did not send bankAccount.sortCode; check that the connection may read it',
    );
  });
});

describe('invalid values are blanked, recorded with what the HR system sent, and make the employee Pending', () => {
  it.each<[PayrollField, string, string]>([
    ['employeeId', 'X'.repeat(36), 'Employee ID must be at most 35 characters'],
    ['firstName', '1Jane', 'First name must be a name starting with a letter; the HR system has 1Jane'],
    ['lastName', '-Doe', 'Last name must be a name starting with a letter; the HR system has -Doe'],
    ['gender', 'Diverse', 'Gender must be male or female (HMRC accepts only M or F); the HR system has Diverse'],
    [
      'dateOfBirth',
      '31/02/1990',
      'Date of birth must be a real date such as 1990-01-31 or 31/01/1990; the HR system has 31/02/1990',
    ],
    ['dateOfBirth', '2020-01-01', 'Date of birth must be between 1 January 1900 and 1 November 2013'],
    ['email', 'jane.doe@', 'Email must be a valid email address'],
    ['postcode', 'LS1', 'Postcode must be a UK postcode such as SW1A 1AA; the HR system has LS1'],
    ['country', 'Atlantis', 'Country must be a country name or ISO code'],
    ['startDate', '2020-02-30', 'Start date must be a real date'],
    ['leaveDate', 'soon', 'Leave date must be a real date'],
    ['niNumber', 'QQ123456C', 'National Insurance number must be 2 letters, 6 digits and a final letter A to D'],
    ['niCategory', 'G', 'NI category letter must be one of the HMRC category letters'],
    ['taxCode', 'CD2', 'Tax code must be an HMRC tax code'],
    ['starterDeclaration', 'D', 'Starter declaration must be A, B or C; the HR system has D'],
    ['studentLoanPlan', '3', 'Student loan plan must be plan 1, 2, 4 or 5, or blank for none; the HR system has 3'],
    ['postgraduateLoan', 'maybe', 'Postgraduate loan must be yes or no; the HR system has maybe'],
    [
      'paymentFrequency',
      'quarterly',
      'Pay frequency must be weekly, fortnightly, four-weekly or monthly; the HR system has quarterly',
    ],
    ['sortCode', '12-345', 'Sort code must be 6 digits; the HR system has 12-345'],
    ['accountNumber', '1234567', 'Account number must be 8 digits; the HR system has 1234567'],
    ['salary', '-5', 'Annual salary must be an amount of 0 or more'],
    ['currency', 'pounds and pence', 'Salary currency must be a currency code such as GBP'],
  ])('%s %j', (field, raw, message) => {
    const result = evaluate({ syncSalaries: true, fields: { [hr(field)]: raw } });
    expect(result.values[field]).toBeNull();
    expect(result.readiness).toBe('pending');
    const [problem, ...more] = problemsOf(result, field);
    expect(more).toEqual([]);
    expect(problem).toMatchObject({ field, code: 'invalid', severity: 'error', value: raw });
    expect(problem?.message.startsWith(message)).toBe(true);
  });

  it('keeps the exact text the HR system sent as the problem value', () => {
    const result = evaluate({ fields: { [hr('sortCode')]: ' 12-345 ' } });
    expect(problemsOf(result, 'sortCode')[0]?.value).toBe(' 12-345 ');
  });

  it('does not fill a rejected value from the company default', () => {
    const result = evaluate({ defaults: { niCategory: 'A' }, fields: { [hr('niCategory')]: 'G' } });
    expect(result.values.niCategory).toBeNull();
    expect(problemsOf(result, 'niCategory').map((p) => p.code)).toEqual(['invalid']);
  });

  it('lists problems in payroll field order', () => {
    const result = evaluate({ fields: { [hr('sortCode')]: 'x', [hr('firstName')]: '', [hr('gender')]: 'other' } });
    expect(result.problems.map((p) => p.field)).toEqual(['firstName', 'gender', 'sortCode']);
  });
});

describe('warnings are shown but never make the employee Pending', () => {
  it.each<[string, Parameters<typeof evaluate>[0], PayrollField, string]>([
    ['a blank NI number', { fields: { [hr('niNumber')]: '' } }, 'niNumber', 'missing'],
    ['an unmapped NI number', { mapping: { ...fullMapping(), niNumber: null } }, 'niNumber', 'missing'],
    ['a single initial as first name', { fields: { [hr('firstName')]: 'J.' } }, 'firstName', 'single_initial'],
    ['a title that does not fit the gender', { fields: { [hr('title')]: 'Mr' } }, 'title', 'title_gender_mismatch'],
    [
      'a salary without a stated period',
      { syncSalaries: true, fields: { [hr('salary')]: '2500' } },
      'salary',
      'salary_period_unknown',
    ],
  ])('%s', (_name, overrides, field, code) => {
    const result = evaluate(overrides);
    expect(result.readiness).toBe('ready');
    expect(problemsOf(result, field)).toMatchObject([{ field, code, severity: 'warning' }]);
    expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('an invalid optional field does make the employee Pending', () => {
    const result = evaluate({ fields: { [hr('email')]: 'not an email' } });
    expect(result.readiness).toBe('pending');
  });

  it('an NI number that is present but wrong is an error, not the blank warning', () => {
    const result = evaluate({ fields: { [hr('niNumber')]: 'TN123456A' } });
    expect(problemsOf(result, 'niNumber')).toMatchObject([{ code: 'invalid', severity: 'error' }]);
  });
});

describe('the postcode is needed only for UK addresses', () => {
  it.each([
    ['blank country', null, true],
    ['United Kingdom', 'United Kingdom', true],
    ['England', 'England', true],
    ['Spain', 'Spain', false],
    ['IE', 'IE', false],
  ])('%s: postcode required = %s', (_name, country, required) => {
    const result = evaluate({ fields: { [hr('country')]: country, [hr('postcode')]: '' } });
    expect(problemsOf(result, 'postcode').length > 0).toBe(required);
    expect(result.readiness).toBe(required ? 'pending' : 'ready');
  });

  it("keeps an overseas employee's own postcode", () => {
    const result = evaluate({ fields: { [hr('country')]: 'Spain', [hr('postcode')]: '28001' } });
    expect(result.values).toMatchObject({ country: 'ES', postcode: '28001' });
    expect(result.readiness).toBe('ready');
  });

  it('applies UK rules when the company default says the UK', () => {
    const result = evaluate({
      defaults: { country: 'GB' },
      fields: { [hr('country')]: '', [hr('postcode')]: '28001' },
    });
    expect(result.values.country).toBe('GB');
    expect(problemsOf(result, 'postcode')).toMatchObject([{ code: 'invalid' }]);
  });
});
