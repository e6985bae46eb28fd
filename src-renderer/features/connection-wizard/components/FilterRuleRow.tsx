import { useId } from 'react';
import { FILTER_OPERATORS, OPERATOR_ARITY, type FilterMode, type FilterOperator } from '../../../../src-main/contract/filters';
import type { FieldInfo } from '../../../../src-main/contract/providers';
import { OPERATOR_LABELS, ruleFromDraft, valueSuggestions, withSuggestion, type RuleDraft } from '../logic';
import { useSetup } from '../setupStore';

export function FilterRuleRow({ index, rule, catalogue }: { index: number; rule: RuleDraft; catalogue: FieldInfo[] }) {
  const { setRule, removeRule } = useSetup.getState();
  const rules = useSetup((s) => s.rules);
  const listId = useId();
  const checked = ruleFromDraft(rule);
  const n = index + 1;
  const arity = OPERATOR_ARITY[rule.operator];
  const field = catalogue.find((f) => f.key === rule.field);
  const suggestions = arity === 'none' ? [] : valueSuggestions(field, rules.filter((_, j) => j !== index));
  return (
    <div className="rule" data-testid="filter-rule">
      <select aria-label={`Rule ${n}: include or exclude`} value={rule.mode} onChange={(e) => setRule(index, { mode: e.target.value as FilterMode })}>
        <option value="include">Include only</option>
        <option value="exclude">Exclude</option>
      </select>
      <select aria-label={`Rule ${n}: field`} value={rule.field} onChange={(e) => setRule(index, { field: e.target.value })}>
        <option value="">Choose a field…</option>
        {catalogue.map((f) => (
          <option key={f.key} value={f.key}>
            {f.label}
          </option>
        ))}
      </select>
      <select aria-label={`Rule ${n}: condition`} value={rule.operator} onChange={(e) => setRule(index, { operator: e.target.value as FilterOperator })}>
        {FILTER_OPERATORS.map((o) => (
          <option key={o} value={o}>
            {OPERATOR_LABELS[o]}
          </option>
        ))}
      </select>
      {arity !== 'none' && (
        <input
          aria-label={`Rule ${n}: ${arity === 'many' ? 'values, separated by commas' : 'value'}`}
          placeholder={arity === 'many' ? 'Values, separated by commas' : 'Value'}
          value={rule.valuesText}
          list={suggestions.length ? listId : undefined}
          onChange={(e) => setRule(index, { valuesText: e.target.value })}
        />
      )}
      <button type="button" className="btn btn-ghost btn-small" onClick={() => removeRule(index)} aria-label={`Remove rule ${n}`}>
        Remove
      </button>
      {suggestions.length > 0 && (
        <>
          <datalist id={listId}>
            {suggestions.map((v) => (
              <option key={v} value={v} />
            ))}
          </datalist>
          <p className="rule-suggestions" data-testid="rule-suggestions">
            <span className="muted">In the HR system:</span>
            {suggestions.map((v) => (
              <button
                key={v}
                type="button"
                className="chip"
                aria-label={`Rule ${n}: use the value ${v}`}
                onClick={() => setRule(index, { valuesText: withSuggestion(rule, v) })}
              >
                {v}
              </button>
            ))}
          </p>
        </>
      )}
      {!checked.ok && <p className="rule-error">{checked.message}</p>}
    </div>
  );
}
