import { describe, expect, it } from 'vitest';
import { NORMALISERS, type NormaliseContext } from '../../src-main/core/payroll/normalise';
import { formatPence, parsePence } from '../../src-main/core/payroll/money';

const ctx: NormaliseContext = { today: '2026-11-01', country: null };
const accepts = (field: keyof typeof NORMALISERS, raw: string) => {
  const out = NORMALISERS[field](raw, ctx);
  return out.ok ? out.value : 'REJECTED';
};

describe('gender: HMRC accepts only M or F', () => {
  it.each([
    ['male', 'male'],
    ['Male', 'male'],
    ['MALE', 'male'],
    ['M', 'male'],
    ['m', 'male'],
    ['Man', 'male'],
    [' female ', 'female'],
    ['Female', 'female'],
    ['F', 'female'],
    ['f', 'female'],
    ['WOMAN', 'female'],
  ])('%j → %s', (raw, expected) => {
    expect(accepts('gender', raw)).toBe(expected);
  });

  it.each(['Diverse', 'Not Specified', 'other', 'X', 'UNSPECIFIED', 'prefer not to say'])('rejects %j', (raw) => {
    expect(accepts('gender', raw)).toBe('REJECTED');
  });
});

describe('country: stored as the ISO code; every UK spelling is the UK', () => {
  it.each([
    ['GB', 'GB'],
    ['gb', 'GB'],
    ['UK', 'GB'],
    ['U.K.', 'GB'],
    ['United Kingdom', 'GB'],
    ['united kingdom', 'GB'],
    ['England', 'GB'],
    ['Scotland', 'GB'],
    ['Wales', 'GB'],
    ['Northern Ireland', 'GB'],
    ['Great Britain', 'GB'],
    ['GBR', 'GB'],
    ['Spain', 'ES'],
    ['ES', 'ES'],
    ['Ireland', 'IE'],
    ['Republic of Ireland', 'IE'],
    ['Germany', 'DE'],
    ['Portugal', 'PT'],
    ['USA', 'US'],
    ['United States', 'US'],
    ['the Netherlands', 'NL'],
    ['Bosnia and Herzegovina', 'BA'],
  ])('%j → %s', (raw, expected) => {
    expect(accepts('country', raw)).toBe(expected);
  });

  it.each(['Atlantis', 'XX', 'EU', 'Englnd', '123'])('rejects %j', (raw) => {
    expect(accepts('country', raw)).toBe('REJECTED');
  });
});

describe('pay frequency', () => {
  it.each([
    ['weekly', 'weekly'],
    ['Weekly', 'weekly'],
    ['every week', 'weekly'],
    ['fortnightly', 'fortnightly'],
    ['Fortnightly', 'fortnightly'],
    ['every two weeks', 'fortnightly'],
    ['Every 2 weeks', 'fortnightly'],
    ['bi-weekly', 'fortnightly'],
    ['2 weekly', 'fortnightly'],
    ['four-weekly', 'four-weekly'],
    ['4 weekly', 'four-weekly'],
    ['4-Weekly', 'four-weekly'],
    ['Four Weekly', 'four-weekly'],
    ['every 4 weeks', 'four-weekly'],
    ['monthly', 'monthly'],
    ['Monthly', 'monthly'],
    [' MONTHLY ', 'monthly'],
    ['calendar monthly', 'monthly'],
  ])('%j → %s', (raw, expected) => {
    expect(accepts('paymentFrequency', raw)).toBe(expected);
  });

  it.each(['quarterly', 'annually', 'daily', 'sometimes'])('rejects %j', (raw) => {
    expect(accepts('paymentFrequency', raw)).toBe('REJECTED');
  });
});

describe('postgraduate loan: a boolean stored as true/false', () => {
  it.each([
    ['yes', 'true'],
    ['Yes', 'true'],
    ['true', 'true'],
    ['TRUE', 'true'],
    ['1', 'true'],
    ['y', 'true'],
    ['no', 'false'],
    ['No', 'false'],
    ['false', 'false'],
    ['0', 'false'],
    ['n', 'false'],
  ])('%j → %s', (raw, expected) => {
    expect(accepts('postgraduateLoan', raw)).toBe(expected);
  });

  it.each(['maybe', '2', 'plan 1'])('rejects %j', (raw) => {
    expect(accepts('postgraduateLoan', raw)).toBe('REJECTED');
  });
});

describe('currency: ISO 4217, symbols mapped to codes', () => {
  it.each([
    ['£', 'GBP'],
    ['GBP', 'GBP'],
    ['gbp', 'GBP'],
    ['Sterling', 'GBP'],
    ['€', 'EUR'],
    ['EUR', 'EUR'],
    ['$', 'USD'],
    ['usd', 'USD'],
  ])('%j → %s', (raw, expected) => {
    expect(accepts('currency', raw)).toBe(expected);
  });

  it.each(['ABC', 'pounds and pence', 'GB', '££'])('rejects %j', (raw) => {
    expect(accepts('currency', raw)).toBe('REJECTED');
  });
});

describe('names', () => {
  it.each([
    ['  Mary   Ann ', 'Mary Ann'],
    ['Jean\tLuc', 'Jean Luc'],
    ['Zoë', 'Zoë'],
  ])('first name %j → %s (trimmed, spaces collapsed)', (raw, expected) => {
    expect(accepts('firstName', raw)).toBe(expected);
  });

  it.each(['1Mary', '-Mary', '.J'])('rejects a first name not starting with a letter: %j', (raw) => {
    expect(accepts('firstName', raw)).toBe('REJECTED');
  });

  it.each(['J', 'J.'])('accepts a single initial %j with a warning', (raw) => {
    const out = NORMALISERS.firstName(raw, ctx);
    expect(out).toMatchObject({ ok: true, value: raw, warning: { code: 'single_initial' } });
  });

  it.each([
    [' Smith ', 'Smith'],
    ["O'Brien", "O'Brien"],
    ['Ó Súilleabháin', 'Ó Súilleabháin'],
  ])('last name %j → %s', (raw, expected) => {
    expect(accepts('lastName', raw)).toBe(expected);
  });

  it.each(["'t Hooft", '2Smith'])('rejects a last name not starting with a letter: %j', (raw) => {
    expect(accepts('lastName', raw)).toBe('REJECTED');
  });

  it.each([
    ['mr', 'Mr'],
    ['MRS.', 'Mrs'],
    [' ms ', 'Ms'],
    ['dr.', 'Dr'],
    ['Reverend Canon', 'Reverend Canon'],
  ])('title %j → %s', (raw, expected) => {
    expect(accepts('title', raw)).toBe(expected);
  });
});

describe('the other coded fields', () => {
  it.each([
    ['A', 'A'],
    ['a', 'A'],
    [' m ', 'M'],
    ['Category H', 'H'],
    ['Z', 'Z'],
  ])('NI category %j → %s', (raw, expected) => {
    expect(accepts('niCategory', raw)).toBe(expected);
  });

  it.each(['G', 'O', 'P', 'AA', '1'])('rejects NI category %j', (raw) => {
    expect(accepts('niCategory', raw)).toBe('REJECTED');
  });

  it.each([
    ['A', 'A'],
    ['b', 'B'],
    ['Statement C', 'C'],
  ])('starter declaration %j → %s', (raw, expected) => {
    expect(accepts('starterDeclaration', raw)).toBe(expected);
  });

  it.each(['D', 'AB'])('rejects starter declaration %j', (raw) => {
    expect(accepts('starterDeclaration', raw)).toBe('REJECTED');
  });

  it.each([
    ['1', '1'],
    ['2', '2'],
    ['4', '4'],
    ['5', '5'],
    ['Plan 2', '2'],
    ['plan 4', '4'],
    ['None', null],
    ['No', null],
  ])('student loan plan %j → %s', (raw, expected) => {
    expect(accepts('studentLoanPlan', raw)).toBe(expected);
  });

  it.each(['3', '6', 'Plan 3', 'postgraduate'])('rejects student loan plan %j', (raw) => {
    expect(accepts('studentLoanPlan', raw)).toBe('REJECTED');
  });

  it.each([
    'phone',
    'addressLine1',
    'addressLine2',
    'addressLine3',
    'city',
    'county',
    'jobTitle',
    'department',
    'accountName',
    'middleName',
  ] as const)('%s is trimmed and otherwise kept as sent', (field) => {
    expect(accepts(field, '  Flat 2, The Mews  ')).toBe('Flat 2, The Mews');
  });
});

describe('money amounts are exact decimals', () => {
  it.each([
    ['70000', '70000.00'],
    ['32000.5', '32000.50'],
    ['£35,000', '35000.00'],
    ['35000 GBP', '35000.00'],
    ['1234567.891', '1234567.89'],
    ['0.005', '0.01'],
    ['0', '0.00'],
    ['.5', '0.50'],
  ])('%j → %s', (raw, expected) => {
    const pence = parsePence(raw);
    expect(pence === null ? null : formatPence(pence)).toBe(expected);
  });

  it.each(['-100', 'abc', '', '1.2.3', '35.000,00'])('rejects %j', (raw) => {
    expect(parsePence(raw)).toBeNull();
  });
});
