import { describe, expect, it } from 'vitest';
import {
  DEFAULTABLE_FIELDS,
  mappingSchema,
  NI_CATEGORY_LETTERS,
  PAYMENT_FREQUENCIES,
  payrollDefaultsSchema,
  STARTER_DECLARATIONS,
  STUDENT_LOAN_PLANS,
  validatePayrollDefault,
} from '../../src-main/contract/mapping';
import { NORMALISERS } from '../../src-main/core/payroll/normalise';

describe('mapping schema', () => {
  it('accepts provider keys and null ("Do not map") for any payroll field', () => {
    expect(mappingSchema.parse({ firstName: 'first_name', niNumber: 'dynamic_24407', title: null })).toEqual({
      firstName: 'first_name',
      niNumber: 'dynamic_24407',
      title: null,
    });
  });

  it('rejects an unknown payroll field', () => {
    expect(mappingSchema.safeParse({ nationalInsurance: 'x' }).success).toBe(false);
  });

  it('rejects a blank provider key, pointing to null instead', () => {
    const result = mappingSchema.safeParse({ taxCode: '  ' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/use null for "Do not map"/);
  });
});

describe('company payroll defaults', () => {
  it('allows at least the fields where one value for the company makes sense', () => {
    expect(DEFAULTABLE_FIELDS).toEqual(
      expect.arrayContaining([
        'niCategory',
        'paymentFrequency',
        'starterDeclaration',
        'studentLoanPlan',
        'postgraduateLoan',
        'country',
        'currency',
      ]),
    );
  });

  it.each([
    ['niCategory', 'a', 'A'],
    ['paymentFrequency', 'Monthly', 'monthly'],
    ['starterDeclaration', 'b', 'B'],
    ['studentLoanPlan', '2', '2'],
    ['postgraduateLoan', 'yes', 'true'],
    ['postgraduateLoan', 'false', 'false'],
    ['country', 'gb', 'GB'],
    ['country', 'UK', 'GB'],
    ['country', 'ES', 'ES'],
    ['currency', 'gbp', 'GBP'],
  ] as const)('%s default %j is stored as %s', (field, raw, expected) => {
    expect(validatePayrollDefault(field, raw)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['niCategory', 'G'],
    ['paymentFrequency', 'quarterly'],
    ['starterDeclaration', 'D'],
    ['studentLoanPlan', '3'],
    ['postgraduateLoan', 'maybe'],
    ['country', 'Narnia'],
    ['country', 'EU'],
    ['currency', 'XYZ'],
    ['niCategory', '  '],
  ] as const)('rejects %s default %j with a message naming the field', (field, raw) => {
    const check = validatePayrollDefault(field, raw);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.message).toMatch(/default/);
  });

  it.each(['taxCode', 'niNumber', 'sortCode', 'firstName'] as const)(
    'refuses a default for %s, which must come from the HR system',
    (field) => {
      const check = validatePayrollDefault(field, '1257L');
      expect(check).toEqual({ ok: false, message: expect.stringMatching(/cannot be set/) });
    },
  );

  it('the schema returns canonical values and reports every bad field', () => {
    expect(payrollDefaultsSchema.parse({ niCategory: 'a', country: 'UK' })).toEqual({ niCategory: 'A', country: 'GB' });
    const result = payrollDefaultsSchema.safeParse({ niCategory: 'G', taxCode: '1257L' });
    expect(result.error?.issues.map((i) => i.path[0])).toEqual(['niCategory', 'taxCode']);
  });

  it.each([
    ...NI_CATEGORY_LETTERS.map((v) => ['niCategory', v] as const),
    ...PAYMENT_FREQUENCIES.map((v) => ['paymentFrequency', v] as const),
    ...STARTER_DECLARATIONS.map((v) => ['starterDeclaration', v] as const),
    ...STUDENT_LOAN_PLANS.map((v) => ['studentLoanPlan', v] as const),
    ['postgraduateLoan', 'true'],
    ['postgraduateLoan', 'false'],
    ['country', 'GB'],
    ['country', 'IE'],
    ['currency', 'GBP'],
    ['currency', 'EUR'],
  ] as const)('every valid %s default (%s) passes that field’s own validation unchanged', (field, value) => {
    const check = validatePayrollDefault(field, value);
    expect(check.ok).toBe(true);
    expect(NORMALISERS[field](value, { today: '2026-11-01', country: null })).toEqual({ ok: true, value });
  });
});
