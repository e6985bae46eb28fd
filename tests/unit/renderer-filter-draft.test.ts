import { describe, expect, it } from 'vitest';
import type { FieldInfo } from '../../src-main/contract/providers';
import {
  draftFromRule,
  draftValues,
  emptyRule,
  listOptions,
  patchDraft,
  ruleFromDraft,
  togglePicked,
  valueSource,
  valueSuggestions,
  withSuggestion,
  type RuleDraft,
} from '../../src-renderer/features/connection-wizard/logic';

const field = (over: Partial<FieldInfo> = {}): FieldInfo => ({
  key: 'contractType',
  label: 'Contract type',
  type: 'text',
  sample: 'Full time',
  custom: false,
  ...over,
});
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
    expect(ruleFromDraft(draft({ field: '', valuesText: 'x' }))).toEqual({ ok: false, message: 'Choose a field.' });
    expect(ruleFromDraft(draft())).toEqual({ ok: false, message: 'Enter a value.' });
    expect(ruleFromDraft(draft({ operator: 'isNotOneOf' }))).toEqual({
      ok: false,
      message: 'Enter at least one value (separate values with commas).',
    });
  });
  it('round-trips a saved rule through a draft', () => {
    const rule = {
      mode: 'include' as const,
      field: 'department',
      operator: 'isOneOf' as const,
      values: ['Sales', 'Finance'],
    };
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

describe('values picked from what the HR system holds (companies.fieldValues)', () => {
  const entries = {
    contractType: { values: ['Contractor', 'Full time', 'Part time'], complete: true },
    firstName: { values: [], complete: false },
    office: { values: [], complete: true },
  };
  it('lists a field with a complete set of values; types one with too many, none, or not known yet', () => {
    expect(valueSource(entries, 'contractType')).toBe('list');
    expect(valueSource(entries, 'firstName')).toBe('tooMany');
    expect(valueSource(entries, 'office')).toBe('none');
    expect(valueSource(entries, 'nobodyHasIt')).toBe('none');
    expect(valueSource(null, 'contractType')).toBe('unknown');
    // Salaries are read separately from the people list: the catalogue's sample shows the field has values.
    expect(valueSource(entries, 'salary', true)).toBe('unlisted');
  });
  it('picked values are kept exactly, commas included, and win over the text box', () => {
    const d = draft({ operator: 'isOneOf', picked: ['London, UK', 'Leeds'], valuesText: 'ignored' });
    expect(draftValues(d)).toEqual(['London, UK', 'Leeds']);
    expect(ruleFromDraft(d)).toEqual({
      ok: true,
      rule: { mode: 'exclude', field: 'contractType', operator: 'isOneOf', values: ['London, UK', 'Leeds'] },
    });
    expect(
      draftFromRule({ mode: 'include', field: 'office', operator: 'isOneOf', values: ['London, UK'] }).picked,
    ).toEqual(['London, UK']);
  });
  it('ticking and unticking build the list once each', () => {
    let d = draft({ operator: 'isOneOf' });
    d = { ...d, ...togglePicked(d, 'Contractor', true) };
    d = { ...d, ...togglePicked(d, 'Part time', true) };
    d = { ...d, ...togglePicked(d, 'Contractor', true) };
    expect(draftValues(d)).toEqual(['Contractor', 'Part time']);
    d = { ...d, ...togglePicked(d, 'Contractor', false) };
    expect(draftValues(d)).toEqual(['Part time']);
    expect(d.valuesText).toBe('Part time');
  });
  it('another field clears the values; typing replaces the picked ones; "is" keeps the first of several', () => {
    const d = draft({ operator: 'isOneOf', picked: ['Contractor', 'Part time'], valuesText: 'Contractor, Part time' });
    expect(patchDraft(d, { field: 'department' })).toMatchObject({ field: 'department', picked: null, valuesText: '' });
    expect(draftValues(patchDraft(d, { valuesText: 'Intern' }))).toEqual(['Intern']);
    expect(draftValues(patchDraft(d, { operator: 'is' }))).toEqual(['Contractor']);
    expect(patchDraft(d, { mode: 'include' }).picked).toEqual(['Contractor', 'Part time']);
  });
  it('asks to choose or tick, not to type, when the values are offered as a list', () => {
    expect(ruleFromDraft(draft(), true)).toEqual({ ok: false, message: 'Choose a value.' });
    expect(ruleFromDraft(draft({ operator: 'isOneOf' }), true)).toEqual({
      ok: false,
      message: 'Tick at least one value.',
    });
  });
  it('a chosen value the HR system no longer holds stays visible, marked', () => {
    expect(listOptions(['A', 'B'], ['B', 'Gone'])).toEqual([
      { value: 'A', stale: false },
      { value: 'B', stale: false },
      { value: 'Gone', stale: true },
      { value: '', stale: false },
    ]);
  });
});
