import { describe, expect, it } from 'vitest';
import { filterRuleSchema, filterRulesSchema } from '../../src-main/contract/filters';

const messageOf = (input: unknown) => {
  const result = filterRuleSchema.safeParse(input);
  return result.success ? 'VALID' : result.error.issues.map((i) => i.message).join(' | ');
};

describe('filter rule schema (cli.md)', () => {
  it.each([
    { mode: 'include', field: 'office', operator: 'is', values: ['London'] },
    { mode: 'exclude', field: 'employment_type', operator: 'isNot', values: ['Permanent'] },
    { mode: 'include', field: 'office', operator: 'isOneOf', values: ['London', 'Leeds'] },
    { mode: 'include', field: 'office', operator: 'isNotOneOf', values: ['Remote'] },
    { mode: 'exclude', field: 'position', operator: 'contains', values: ['temp'] },
    { mode: 'exclude', field: 'termination_date', operator: 'isNotEmpty', values: [] },
    { mode: 'include', field: 'department', operator: 'isEmpty', values: [] },
  ])('accepts %j', (rule) => {
    expect(messageOf(rule)).toBe('VALID');
  });

  it('lets isEmpty and isNotEmpty leave out values', () => {
    expect(filterRuleSchema.parse({ mode: 'include', field: 'team', operator: 'isEmpty' })).toEqual({
      mode: 'include',
      field: 'team',
      operator: 'isEmpty',
      values: [],
    });
  });

  it.each([
    [{ mode: 'include', field: 'office', operator: 'is', values: [] }, '"is" needs exactly one value (it has 0)'],
    [
      { mode: 'include', field: 'office', operator: 'is', values: ['a', 'b'] },
      '"is" needs exactly one value (it has 2)',
    ],
    [{ mode: 'include', field: 'office', operator: 'isNot', values: [] }, '"isNot" needs exactly one value (it has 0)'],
    [
      { mode: 'include', field: 'office', operator: 'contains', values: ['a', 'b'] },
      '"contains" needs exactly one value (it has 2)',
    ],
    [{ mode: 'include', field: 'office', operator: 'isOneOf', values: [] }, '"isOneOf" needs at least one value'],
    [{ mode: 'include', field: 'office', operator: 'isNotOneOf', values: [] }, '"isNotOneOf" needs at least one value'],
    [{ mode: 'include', field: 'office', operator: 'isEmpty', values: ['x'] }, '"isEmpty" takes no values (it has 1)'],
    [
      { mode: 'include', field: 'office', operator: 'isNotEmpty', values: ['x'] },
      '"isNotEmpty" takes no values (it has 1)',
    ],
    [
      { mode: 'include', field: 'office', operator: 'is', values: ['  '] },
      'values must not be blank; use "isEmpty" or "isNotEmpty" instead',
    ],
    [{ mode: 'keep', field: 'office', operator: 'is', values: ['x'] }, 'mode must be "include" or "exclude"'],
    [{ mode: 'include', field: ' ', operator: 'is', values: ['x'] }, 'field must name a provider field key'],
    [
      { mode: 'include', field: 'office', operator: 'equals', values: ['x'] },
      'operator must be one of is, isNot, isOneOf, isNotOneOf, contains, isEmpty, isNotEmpty',
    ],
    [{ mode: 'include', field: 'office', operator: 'is', values: 'London' }, 'values must be a list of strings'],
  ])('rejects %j: %s', (rule, message) => {
    expect(messageOf(rule)).toBe(message);
  });

  it('rejects unknown properties, so a typo is not silently ignored', () => {
    expect(messageOf({ mode: 'include', field: 'office', operator: 'is', value: ['x'] })).toMatch(
      /^Unrecognized key: "value"/,
    );
  });

  it('validates a whole list and points at the bad rule', () => {
    const result = filterRulesSchema.safeParse([
      { mode: 'include', field: 'office', operator: 'is', values: ['London'] },
      { mode: 'exclude', field: 'office', operator: 'isOneOf', values: [] },
    ]);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual([1, 'values']);
  });
});
