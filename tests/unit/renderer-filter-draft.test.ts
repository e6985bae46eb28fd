import { describe, expect, it } from 'vitest';
import type { FieldInfo } from '../../src-main/contract/providers';
import { draftFromRule, draftValues, emptyRule, ruleFromDraft, valueSuggestions, withSuggestion, type RuleDraft } from '../../src-renderer/features/connection-wizard/logic';

const field = (over: Partial<FieldInfo> = {}): FieldInfo => ({ key: 'contractType', label: 'Contract type', type: 'text', sample: 'Full time', custom: false, ...over });
const draft = (over: Partial<RuleDraft> = {}): RuleDraft => ({ ...emptyRule('contractType'), ...over });

describe('filter drafts → rules', () => {
  it('a complete draft becomes the contract rule', () => {
    expect(ruleFromDraft(draft({ valuesText: ' Contractor ' }))).toEqual({
      ok: true,
      rule: { mode: 'exclude', field: 'contractType', operator: 'is', values: ['Contractor'] },
    });
  });
  it('splits "is one of" on commas and drops blanks', () => {
    const r = ruleFromDraft(draft({ operator: 'isOneOf', valuesText: 'Contractor, , Intern,' }));
    expect(r.ok && r.rule.values).toEqual(['Contractor', 'Intern']);
  });
  it('"is empty" takes no value even if the box had one', () => {
    const r = ruleFromDraft(draft({ operator: 'isEmpty', valuesText: 'left over' }));
    expect(r.ok && r.rule.values).toEqual([]);
  });
  it('says what is missing, in words', () => {
    expect(ruleFromDraft(draft({ field: '' , valuesText: 'x' }))).toEqual({ ok: false, message: 'Choose a field.' });
    expect(ruleFromDraft(draft())).toEqual({ ok: false, message: 'Enter a value.' });
    expect(ruleFromDraft(draft({ operator: 'isNotOneOf' }))).toEqual({ ok: false, message: 'Enter at least one value (separate values with commas).' });
  });
  it('round-trips a saved rule through a draft', () => {
    const rule = { mode: 'include' as const, field: 'department', operator: 'isOneOf' as const, values: ['Sales', 'Finance'] };
    const d = draftFromRule(rule);
    expect(d.valuesText).toBe('Sales, Finance');
    expect(ruleFromDraft(d)).toEqual({ ok: true, rule });
    expect(draftValues(d)).toEqual(['Sales', 'Finance']);
  });
});

describe('value suggestions from what the HR system holds', () => {
  it('offers the catalogue sample, and values other rules on the field already use', () => {
    const others = [draft({ valuesText: 'Contractor' }), draft({ field: 'department', valuesText: 'Sales' })];
    expect(valueSuggestions(field(), others)).toEqual(['Full time', 'Contractor']);
  });
  it('offers yes/no for a boolean field and nothing without a field', () => {
    expect(valueSuggestions(field({ type: 'boolean', sample: null }), [])).toEqual(['true', 'false']);
    expect(valueSuggestions(undefined, [])).toEqual([]);
  });
  it('does not repeat a value that differs only in case', () => {
    expect(valueSuggestions(field(), [draft({ valuesText: 'full TIME' })])).toEqual(['Full time']);
  });
  it('choosing a suggestion replaces a single value and appends to a list once', () => {
    expect(withSuggestion(draft({ valuesText: 'Contr' }), 'Contractor')).toBe('Contractor');
    const list = draft({ operator: 'isOneOf', valuesText: 'Intern' });
    expect(withSuggestion(list, 'Contractor')).toBe('Intern, Contractor');
    expect(withSuggestion({ ...list, valuesText: 'Intern, Contractor' }, 'contractor')).toBe('Intern, Contractor');
  });
});
