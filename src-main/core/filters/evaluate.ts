import type { FilterRule } from '../../contract/filters';

export interface FilterVerdict {
  included: boolean;
  /** In words, for the preview and the employee list, e.g. 'Excluded by rule 2: "Employment type" is "Contractor"'. */
  reason: string;
}

// HR systems differ in case and stray spaces ("London " vs "london"); a filter is about meaning, not spelling.
const norm = (v: string | null | undefined) => (v ?? '').trim().toLowerCase();

/** Whether the person's value satisfies the rule's condition (ignoring include/exclude). */
export function ruleMatches(rule: FilterRule, fields: Record<string, string | null>): boolean {
  const value = norm(fields[rule.field]);
  // Normalised as needed, without a new array per person: filters run for every record of every sync.
  const first = norm(rule.values[0]);
  switch (rule.operator) {
    case 'is':
      return value === first;
    case 'isNot':
      return value !== first;
    case 'isOneOf':
      return rule.values.some((v) => norm(v) === value);
    case 'isNotOneOf':
      return !rule.values.some((v) => norm(v) === value);
    case 'contains':
      return first !== '' && value.includes(first);
    case 'isEmpty':
      return value === '';
    case 'isNotEmpty':
      return value !== '';
  }
}

/** The rule's condition in words; `negated` states its opposite ("is not one of …"). */
export function describeCondition(rule: FilterRule, label: string, negated: boolean): string {
  const name = `"${label}"`;
  // A blank value is named, not printed as nothing: `is one of United Kingdom, (blank)`.
  const shown = (v: string) => (v.trim() === '' ? '(blank)' : v.trim());
  const one = `"${shown(rule.values[0] ?? '')}"`;
  const list = rule.values.map(shown).join(', ');
  const isNot = (rule.operator === 'isNot') !== negated;
  switch (rule.operator) {
    case 'is':
    case 'isNot':
      return `${name} ${isNot ? 'is not' : 'is'} ${one}`;
    case 'isOneOf':
    case 'isNotOneOf':
      return `${name} ${(rule.operator === 'isNotOneOf') !== negated ? 'is not one of' : 'is one of'} ${list}`;
    case 'contains':
      return `${name} ${negated ? 'does not contain' : 'contains'} ${one}`;
    case 'isEmpty':
    case 'isNotEmpty':
      return `${name} ${(rule.operator === 'isNotEmpty') !== negated ? 'is not empty' : 'is empty'}`;
  }
}

/** evaluateFilters' verdict without its reason: what a sync asks of every person, so no sentence is built. */
export function isIncluded(rules: FilterRule[], fields: Record<string, string | null>): boolean {
  for (const rule of rules) {
    const matches = ruleMatches(rule, fields);
    if (rule.mode === 'exclude' && matches) return false;
    if (rule.mode === 'include' && !matches) return false;
  }
  return true;
}

/**
 * An employee is synced when it matches every include rule and no exclude rule. The reason names the first
 * rule, in the order the user wrote them, that leaves the person out.
 */
export function evaluateFilters(
  rules: FilterRule[],
  fields: Record<string, string | null>,
  labels?: Record<string, string>,
): FilterVerdict {
  for (const [i, rule] of rules.entries()) {
    const label = labels?.[rule.field] ?? rule.field;
    const matches = ruleMatches(rule, fields);
    if (rule.mode === 'exclude' && matches) {
      return { included: false, reason: `Excluded by rule ${i + 1}: ${describeCondition(rule, label, false)}` };
    }
    if (rule.mode === 'include' && !matches) {
      return { included: false, reason: `Not included: ${describeCondition(rule, label, true)} (rule ${i + 1})` };
    }
  }
  const hasInclude = rules.some((r) => r.mode === 'include');
  const hasExclude = rules.some((r) => r.mode === 'exclude');
  const reason =
    hasInclude && hasExclude
      ? 'Included: matches every include rule and no exclude rule'
      : hasInclude
        ? 'Included: matches every include rule'
        : hasExclude
          ? 'Included: matches no exclude rule'
          : 'Included: there are no filters';
  return { included: true, reason };
}
