import {
  FILTER_OPERATORS,
  OPERATOR_ARITY,
  type FilterMode,
  type FilterOperator,
} from '../../../../src-main/contract/filters';
import type { FieldInfo } from '../../../../src-main/contract/providers';
import { OPERATOR_LABELS, ruleFromDraft, valueSource, type RuleDraft } from '../logic';
import { useSetup } from '../setupStore';
import { RuleValue } from './RuleValue';

export function FilterRuleRow({ index, rule, catalogue }: { index: number; rule: RuleDraft; catalogue: FieldInfo[] }) {
  const { setRule, removeRule } = useSetup.getState();
  const entries = useSetup((s) => s.fieldValues.value);
  const n = index + 1;
  const arity = OPERATOR_ARITY[rule.operator];
  const fromList = arity !== 'none' && rule.operator !== 'contains' && valueSource(entries, rule.field) === 'list';
  const checked = ruleFromDraft(rule, fromList);
  return (
    <div className="rule" data-testid="filter-rule">
      <select
        aria-label={`Rule ${n}: include or exclude`}
        value={rule.mode}
        onChange={(e) => setRule(index, { mode: e.target.value as FilterMode })}
      >
        <option value="include">Include only</option>
        <option value="exclude">Exclude</option>
      </select>
      <select
        aria-label={`Rule ${n}: field`}
        value={rule.field}
        onChange={(e) => setRule(index, { field: e.target.value })}
      >
        <option value="">Choose a field…</option>
        {catalogue.map((f) => (
          <option key={f.key} value={f.key}>
            {f.label}
          </option>
        ))}
      </select>
      <select
        aria-label={`Rule ${n}: condition`}
        value={rule.operator}
        onChange={(e) => setRule(index, { operator: e.target.value as FilterOperator })}
      >
        {FILTER_OPERATORS.map((o) => (
          <option key={o} value={o}>
            {OPERATOR_LABELS[o]}
          </option>
        ))}
      </select>
      {arity !== 'none' && <RuleValue index={index} rule={rule} field={catalogue.find((f) => f.key === rule.field)} />}
      <button
        type="button"
        className="btn btn-ghost btn-small"
        onClick={() => removeRule(index)}
        aria-label={`Remove rule ${n}`}
      >
        Remove
      </button>
      {!checked.ok && <p className="rule-error">{checked.message}</p>}
    </div>
  );
}
