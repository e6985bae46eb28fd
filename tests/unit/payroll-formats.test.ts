import { describe, expect, it } from 'vitest';
import { NORMALISERS, type NormaliseContext } from '../../src-main/core/payroll/normalise';

const uk: NormaliseContext = { today: '2026-11-01', country: null };
const accepts = (field: keyof typeof NORMALISERS, raw: string, ctx = uk) => {
  const out = NORMALISERS[field](raw, ctx);
  return out.ok ? out.value : 'REJECTED';
};

describe('National Insurance number (HMRC NIM39110)', () => {
  it.each([
    ['AB123456C', 'AB123456C'],
    ['ab 12 34 56 c', 'AB123456C'],
    ['  JG 103759 A ', 'JG103759A'],
    ['CE123456D', 'CE123456D'],
    ['ZA123456B', 'ZA123456B'],
    ['GA123456A', 'GA123456A'],
    ['NA123456A', 'NA123456A'],
  ])('accepts %j as %s', (raw, expected) => {
    expect(accepts('niNumber', raw)).toBe(expected);
  });

  it.each(['BG', 'GB', 'KN', 'NK', 'NT', 'TN', 'ZZ'])('rejects the forbidden prefix %s', (prefix) => {
    expect(accepts('niNumber', `${prefix}123456A`)).toBe('REJECTED');
  });

  it.each(['D', 'F', 'I', 'Q', 'U', 'V'])('rejects %s as the first letter', (letter) => {
    expect(accepts('niNumber', `${letter}A123456A`)).toBe('REJECTED');
  });

  it.each(['D', 'F', 'I', 'O', 'Q', 'U', 'V'])('rejects %s as the second letter', (letter) => {
    expect(accepts('niNumber', `A${letter}123456A`)).toBe('REJECTED');
  });

  it.each(['AB123456E', 'AB12345C', 'AB1234567C', 'AB123456', '12345678A', 'TEMP1234'])('rejects %s', (raw) => {
    expect(accepts('niNumber', raw)).toBe('REJECTED');
  });
});

describe('tax code (HMRC PAYE11085)', () => {
  it.each([
    ['1257L', '1257L'],
    ['1257l', '1257L'],
    [' 1257M ', '1257M'],
    ['1257N', '1257N'],
    ['1257T', '1257T'],
    ['1L', '1L'],
    ['K475', 'K475'],
    ['k1', 'K1'],
    ['BR', 'BR'],
    ['0T', '0T'],
    ['NT', 'NT'],
    ['D0', 'D0'],
    ['D1', 'D1'],
    ['S1257L', 'S1257L'],
    ['SK475', 'SK475'],
    ['SBR', 'SBR'],
    ['S0T', 'S0T'],
    ['SD0', 'SD0'],
    ['SD1', 'SD1'],
    ['SD2', 'SD2'],
    ['SD3', 'SD3'],
    ['C1257L', 'C1257L'],
    ['CK475', 'CK475'],
    ['CBR', 'CBR'],
    ['CD0', 'CD0'],
    ['CD1', 'CD1'],
    ['1257L W1', '1257L W1'],
    ['1257LW1', '1257LW1'],
    ['1257L M1', '1257L M1'],
    ['0t m1', '0T M1'],
    ['1257L X', '1257L X'],
    ['K475 W1', 'K475 W1'],
    ['S1257L  M1', 'S1257L M1'],
  ])('accepts %j as %s', (raw, expected) => {
    expect(accepts('taxCode', raw)).toBe(expected);
  });

  it.each([
    'CD2', // Welsh codes stop at D1
    'CD3',
    'D2', // D2 and D3 exist only in Scotland
    'SD4',
    '1257', // no suffix letter
    '12345L', // at most four digits
    '1257Z',
    'K',
    'OT', // letter O, not zero
    'XBR',
    '1257L W2',
    '1257L M2',
    'BR1',
    'EMERGENCY',
  ])('rejects %s', (raw) => {
    expect(accepts('taxCode', raw)).toBe('REJECTED');
  });
});

describe('UK postcode (GOV.UK format)', () => {
  it.each([
    ['SW1A 1AA', 'SW1A 1AA'],
    ['sw1a1aa', 'SW1A 1AA'],
    [' m1 1ae ', 'M1 1AE'],
    ['B33 8TH', 'B33 8TH'],
    ['CR2 6XH', 'CR2 6XH'],
    ['DN55 1PT', 'DN55 1PT'],
    ['W1A 0AX', 'W1A 0AX'],
    ['EC1A 1BB', 'EC1A 1BB'],
    ['LS17  6AB', 'LS17 6AB'],
    ['GIR 0AA', 'GIR 0AA'],
    ['gir0aa', 'GIR 0AA'],
  ])('accepts %j as %s', (raw, expected) => {
    expect(accepts('postcode', raw)).toBe(expected);
  });

  it.each(['12345', 'SW1A', 'SW1A 1A', 'QI1 1AA', 'AI1 1AA', 'SW1A 1AAA', '1AA 1AA', 'SW1A-1AA'])(
    'rejects %s for a UK address',
    (raw) => {
      expect(accepts('postcode', raw)).toBe('REJECTED');
    },
  );

  it('applies UK rules when the country is the UK', () => {
    expect(accepts('postcode', '28001', { today: '2026-11-01', country: 'GB' })).toBe('REJECTED');
  });

  it("keeps another country's postcode as sent (upper-cased), without UK rules", () => {
    expect(accepts('postcode', '28001', { today: '2026-11-01', country: 'ES' })).toBe('28001');
    expect(accepts('postcode', 'd02 x285', { today: '2026-11-01', country: 'IE' })).toBe('D02 X285');
  });
});

describe('email', () => {
  it.each([
    ['Jane.Doe@Example.co.uk', 'jane.doe@example.co.uk'],
    ['  JOHN+payroll@example.com ', 'john+payroll@example.com'],
    ["o'brien@example.ie", "o'brien@example.ie"],
  ])('lower-cases %j to %s', (raw, expected) => {
    expect(accepts('email', raw)).toBe(expected);
  });

  it.each([
    'jane.doe',
    'jane@',
    '@example.com',
    'jane doe@example.com',
    'jane@example',
    'jane@@example.com',
    'jane@-example.com',
  ])('rejects the malformed address %j', (raw) => {
    expect(accepts('email', raw)).toBe('REJECTED');
  });
});

describe('bank details', () => {
  it.each([
    ['12-34-56', '123456'],
    ['12 34 56', '123456'],
    ['123456', '123456'],
    [' 12 - 34 - 56 ', '123456'],
  ])('sort code %j becomes %s', (raw, expected) => {
    expect(accepts('sortCode', raw)).toBe(expected);
  });

  it.each(['12-345', '1234567', '12-34-5X', 'ABCDEF'])('rejects the sort code %j', (raw) => {
    expect(accepts('sortCode', raw)).toBe('REJECTED');
  });

  it.each([
    ['12345678', '12345678'],
    ['1234 5678', '12345678'],
  ])('account number %j becomes %s', (raw, expected) => {
    expect(accepts('accountNumber', raw)).toBe(expected);
  });

  it.each(['1234567', '123456789', '1234-5678', 'GB12345678'])('rejects the account number %j', (raw) => {
    expect(accepts('accountNumber', raw)).toBe('REJECTED');
  });
});

describe('employee ID', () => {
  it('trims and accepts up to 35 characters', () => {
    expect(accepts('employeeId', '  E00042 ')).toBe('E00042');
    expect(accepts('employeeId', 'X'.repeat(35))).toBe('X'.repeat(35));
  });

  it('rejects more than 35 characters', () => {
    expect(accepts('employeeId', 'X'.repeat(36))).toBe('REJECTED');
  });
});
