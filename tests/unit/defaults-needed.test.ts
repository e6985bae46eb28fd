import { describe, expect, it } from 'vitest';
import { defaultsNeeded } from '../../src-main/contract/defaults-needed';
import { peoplehrSuggestedMapping } from '../../src-main/core/hr/peoplehr/suggest';
import type { FieldInfo } from '../../src-main/contract/providers';

const catalogue: FieldInfo[] = [
  { key: 'EmployeeId', label: 'Employee ID', type: 'text', sample: 'PW1', custom: false },
  { key: 'Salary.PaymentFrequency', label: 'Payment frequency', type: 'text', sample: null, custom: false },
  { key: 'Salary.SalaryAmount', label: 'Salary amount', type: 'text', sample: null, custom: false },
] as FieldInfo[];

describe('PeopleHR with "Sync salaries" off: the review step says which defaults are needed', () => {
  const mapping = peoplehrSuggestedMapping(catalogue);

  it('names Pay frequency (read from the salary record) when there is no default, and nothing for salary itself', () => {
    const needed = defaultsNeeded('peoplehr', mapping, { syncSalaries: false, defaults: {} });
    expect(needed.map((n) => n.field)).toEqual(['paymentFrequency']);
    expect(needed[0]!.message).toContain('“Sync salaries”');
    expect(needed[0]!.message).toContain('Pay frequency');
  });

  it('asks for nothing once a default is chosen, or salaries are synced, or for the other HR systems', () => {
    expect(
      defaultsNeeded('peoplehr', mapping, { syncSalaries: false, defaults: { paymentFrequency: 'monthly' } }),
    ).toEqual([]);
    expect(defaultsNeeded('peoplehr', mapping, { syncSalaries: true, defaults: {} })).toEqual([]);
    expect(
      defaultsNeeded(
        'personio',
        { paymentFrequency: 'Salary.PaymentFrequency' },
        { syncSalaries: false, defaults: {} },
      ),
    ).toEqual([]);
  });
});
