import { describe, expect, it } from 'vitest';
import { evaluateFilters } from '../../src-main/core/filters/evaluate';
import {
  listOptions,
  ruleFromDraft,
  togglePicked,
  emptyRule,
} from '../../src-renderer/features/connection-wizard/logic';

describe('(blank) as a filter value: "Include only Country is one of United Kingdom, (blank)"', () => {
  it('is offered in every value list, and a rule picking it keeps the blank value', () => {
    expect(listOptions(['France', 'United Kingdom'], []).map((o) => o.value)).toEqual(['France', 'United Kingdom', '']);
    let d = { ...emptyRule('country'), mode: 'include' as const, operator: 'isOneOf' as const };
    d = { ...d, ...togglePicked(d, 'United Kingdom', true) };
    d = { ...d, ...togglePicked(d, '', true) };
    const r = ruleFromDraft(d, true);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.rule.values).toEqual(['United Kingdom', '']);
    expect(evaluateFilters([r.rule], { country: '' }).included).toBe(true);
    expect(evaluateFilters([r.rule], { country: null }).included).toBe(true);
    expect(evaluateFilters([r.rule], { country: 'United Kingdom' }).included).toBe(true);
    const out = evaluateFilters([r.rule], { country: 'France' }, { country: 'Country' });
    expect(out).toEqual({
      included: false,
      reason: 'Not included: "Country" is not one of United Kingdom, (blank) (rule 1)',
    });
  });
});
