import { describe, expect, it } from 'vitest';
import type { FilterOperator, FilterRule } from '../../src-main/contract/filters';
import { evaluateFilters } from '../../src-main/core/filters/evaluate';

const include = (field: string, operator: FilterOperator, ...values: string[]): FilterRule => ({
  mode: 'include',
  field,
  operator,
  values,
});
const exclude = (field: string, operator: FilterOperator, ...values: string[]): FilterRule => ({
  mode: 'exclude',
  field,
  operator,
  values,
});

const person = {
  office: 'London HQ',
  employment_type: ' Contractor ',
  department: 'Finance',
  team: '',
  cost_centers: null,
};
const labels = { office: 'Office', employment_type: 'Employment type', department: 'Department', team: 'Team' };

describe('each operator, as an include rule', () => {
  it.each<[string, FilterRule, boolean]>([
    ['is: same value', include('office', 'is', 'London HQ'), true],
    ['is: case and spaces ignored', include('employment_type', 'is', 'contractor'), true],
    ['is: different value', include('office', 'is', 'Leeds'), false],
    ['is: absent field', include('location', 'is', 'Leeds'), false],
    ['isNot: different value', include('office', 'isNot', 'Leeds'), true],
    ['isNot: same value ignoring case', include('office', 'isNot', 'LONDON HQ'), false],
    ['isNot: absent field', include('location', 'isNot', 'Leeds'), true],
    ['isOneOf: matches one of them', include('office', 'isOneOf', 'Leeds', ' london hq '), true],
    ['isOneOf: matches none', include('office', 'isOneOf', 'Leeds', 'Manchester'), false],
    ['isOneOf: a part is not a match', include('office', 'isOneOf', 'London'), false],
    ['isNotOneOf: matches none', include('office', 'isNotOneOf', 'Leeds', 'Manchester'), true],
    ['isNotOneOf: matches one', include('office', 'isNotOneOf', 'Leeds', 'London HQ'), false],
    ['contains: substring, any case', include('office', 'contains', 'london'), true],
    ['contains: not there', include('office', 'contains', 'Leeds'), false],
    ['contains: absent field', include('location', 'contains', 'x'), false],
    ['isEmpty: blank string', include('team', 'isEmpty'), true],
    ['isEmpty: null', include('cost_centers', 'isEmpty'), true],
    ['isEmpty: absent', include('location', 'isEmpty'), true],
    ['isEmpty: has a value', include('office', 'isEmpty'), false],
    ['isNotEmpty: has a value', include('office', 'isNotEmpty'), true],
    ['isNotEmpty: null', include('cost_centers', 'isNotEmpty'), false],
    ['isNotEmpty: only spaces', include('x', 'isNotEmpty'), false],
  ])('%s', (_name, rule, included) => {
    expect(evaluateFilters([rule], { ...person, x: '   ' }).included).toBe(included);
  });
});

describe('include and exclude together', () => {
  it('syncs everyone when there are no filters', () => {
    expect(evaluateFilters([], person)).toEqual({ included: true, reason: 'Included: there are no filters' });
  });

  it('needs every include rule to match', () => {
    const rules = [include('department', 'is', 'Finance'), include('office', 'is', 'Leeds')];
    expect(evaluateFilters(rules, person, labels)).toEqual({
      included: false,
      reason: 'Not included: "Office" is not "Leeds" (rule 2)',
    });
    expect(evaluateFilters(rules, { ...person, office: 'leeds' }, labels)).toEqual({
      included: true,
      reason: 'Included: matches every include rule',
    });
  });

  it('leaves out anyone an exclude rule matches, even if every include rule matches', () => {
    const rules = [include('department', 'is', 'Finance'), exclude('employment_type', 'is', 'Contractor')];
    expect(evaluateFilters(rules, person, labels)).toEqual({
      included: false,
      reason: 'Excluded by rule 2: "Employment type" is "Contractor"',
    });
    expect(evaluateFilters(rules, { ...person, employment_type: 'Permanent' }, labels)).toEqual({
      included: true,
      reason: 'Included: matches every include rule and no exclude rule',
    });
  });

  it('with only exclude rules, includes whoever matches none', () => {
    expect(evaluateFilters([exclude('office', 'is', 'Remote')], person)).toEqual({
      included: true,
      reason: 'Included: matches no exclude rule',
    });
  });

  it('gives the first rule, in the order written, that leaves the person out', () => {
    const rules = [exclude('office', 'contains', 'london'), include('department', 'is', 'Sales')];
    expect(evaluateFilters(rules, person, labels).reason).toBe('Excluded by rule 1: "Office" contains "london"');
  });
});

describe('reasons in words', () => {
  it.each<[FilterRule, string]>([
    [include('office', 'isOneOf', 'London', 'Leeds'), 'Not included: "Office" is not one of London, Leeds (rule 1)'],
    [include('office', 'isNot', 'London HQ'), 'Not included: "Office" is "London HQ" (rule 1)'],
    [
      include('office', 'isNotOneOf', 'London HQ', 'Leeds'),
      'Not included: "Office" is one of London HQ, Leeds (rule 1)',
    ],
    [include('office', 'contains', 'Leeds'), 'Not included: "Office" does not contain "Leeds" (rule 1)'],
    [include('office', 'isEmpty'), 'Not included: "Office" is not empty (rule 1)'],
    [include('team', 'isNotEmpty'), 'Not included: "Team" is empty (rule 1)'],
    [exclude('office', 'isOneOf', 'London HQ', 'Leeds'), 'Excluded by rule 1: "Office" is one of London HQ, Leeds'],
    [exclude('office', 'isNot', 'Leeds'), 'Excluded by rule 1: "Office" is not "Leeds"'],
    [exclude('office', 'isNotOneOf', 'Leeds'), 'Excluded by rule 1: "Office" is not one of Leeds'],
    [exclude('team', 'isEmpty'), 'Excluded by rule 1: "Team" is empty'],
    [exclude('office', 'isNotEmpty'), 'Excluded by rule 1: "Office" is not empty'],
  ])('%j', (rule, reason) => {
    expect(evaluateFilters([rule], person, labels)).toEqual({ included: false, reason });
  });

  it('uses the provider field key when no label is known', () => {
    expect(evaluateFilters([exclude('dynamic_24407', 'isEmpty')], person).reason).toBe(
      'Excluded by rule 1: "dynamic_24407" is empty',
    );
  });
});
