import { describe, expect, it } from 'vitest';
import { matchFile, type MatchContext, type MatchEmployee } from '../../src-main/core/payslips/match';

const emp = (
  employeeId: number,
  identity: string,
  firstName: string,
  lastName: string,
  extra: Partial<MatchEmployee> = {},
): MatchEmployee => ({
  employeeId,
  externalId: `hr-${identity}`,
  identity,
  name: `${firstName} ${lastName}`,
  state: 'active',
  ids: [{ value: identity, kind: 'employeeId' }],
  firstName,
  lastName,
  ...extra,
});

const staff: MatchEmployee[] = [
  emp(1, 'E00042', 'Jane', 'Smith'),
  emp(2, 'E00043', 'John', 'Smith'),
  emp(3, 'E00044', 'Siobhán', "O'Neill"),
  emp(4, 'E00045', 'Ann', 'Lee'),
  emp(5, 'E00046', 'Ann', 'Lee-Smith'),
  emp(6, 'E00047', 'Sam', 'Patel'),
  emp(7, 'E00048', 'Sam', 'Patel'),
  emp(8, '1132005', 'Priya', 'Shah', {
    ids: [
      { value: '1132005', kind: 'employeeId' },
      { value: 'PAY-77', kind: 'payrollId' },
    ],
  }),
  emp(9, '2026', 'Year', 'Person'),
];

const ctx: MatchContext = { employees: staff, overrides: {}, maxBytes: 1000, vendor: 'Personio' };
const pdf = (name: string, sizeBytes = 100) => ({ name, sizeBytes, isPdf: true });

describe('which employee a payslip file is for', () => {
  it.each([
    // [file, status, employee row id, matched by]
    ['E00042 Jane Smith March.pdf', 'matched', 1, 'employeeId'],
    ['e00042.pdf', 'matched', 1, 'employeeId'],
    ['payslip_jane-smith_2026-03.pdf', 'matched', 1, 'name'],
    ['SMITH, Jane - March 2026.pdf', 'matched', 1, 'name'],
    ['payslip siobhan oneill 2026-03-31.pdf', 'matched', 3, 'name'],
    ["Siobhán O'Neill.pdf", 'matched', 3, 'name'],
    ['ann lee smith.pdf', 'matched', 5, 'name'],
    ['Ann Lee.pdf', 'matched', 4, 'name'],
    ['1132005_march.pdf', 'matched', 8, 'employeeId'],
    ['Payslip PAY-77.pdf', 'matched', 8, 'payrollId'],
    // A date in the name is never read as an employee ID, even when one looks like it.
    ['Priya Shah 2026-03.pdf', 'matched', 8, 'name'],
    ['Sam Patel.pdf', 'ambiguous', null, null],
    ['E00042 John Smith.pdf', 'ambiguous', null, null],
    ['E00042 E00043.pdf', 'ambiguous', null, null],
    ['E000420 Someone.pdf', 'unmatched', null, null],
    ['Smith.pdf', 'unmatched', null, null],
    ['payslip march.pdf', 'unmatched', null, null],
  ] as const)('%s → %s', (file, status, employeeId, matchedBy) => {
    const m = matchFile(pdf(file), ctx);
    expect(m.status).toBe(status);
    expect(m.employee?.employeeId ?? null).toBe(employeeId);
    expect(m.matchedBy).toBe(matchedBy);
    expect(m.message.length).toBeGreaterThan(10);
    if (status === 'ambiguous') expect(m.candidates.length).toBeGreaterThanOrEqual(2);
  });

  it('says why an ID and a name that disagree are not guessed at', () => {
    const m = matchFile(pdf('E00042 John Smith.pdf'), ctx);
    expect(m.message).toContain("Jane Smith (E00042)'s");
    expect(m.candidates.map((c) => c.employeeId).sort()).toEqual([1, 2]);
  });

  it('refuses files that are not PDFs or are too large, before looking at the name', () => {
    expect(matchFile({ name: 'E00042.pdf', sizeBytes: 100, isPdf: false }, ctx).status).toBe('notPdf');
    const big = matchFile(pdf('E00042.pdf', 1001), { ...ctx, maxBytes: 1000 });
    expect(big.status).toBe('tooLarge');
    expect(big.message).toContain('Personio');
  });

  it('an override picks the employee, or leaves the file out', () => {
    expect(matchFile(pdf('payslip march.pdf'), { ...ctx, overrides: { 'payslip march.pdf': 6 } })).toMatchObject({
      status: 'matched',
      matchedBy: 'override',
      employee: { employeeId: 6 },
    });
    expect(matchFile(pdf('E00042.pdf'), { ...ctx, overrides: { 'E00042.pdf': null } }).status).toBe('excluded');
  });
});
