import { useId } from 'react';
import { OPERATOR_ARITY } from '../../../../src-main/contract/filters';
import type { FieldInfo } from '../../../../src-main/contract/providers';
import { Spinner } from '../../../ui/Spinner';
import {
  BLANK_LABEL,
  draftValues,
  listOptions,
  togglePicked,
  valueSource,
  valueSuggestions,
  withSuggestion,
  type RuleDraft,
} from '../logic';
import { useSetup } from '../setupStore';
import { useWizard } from '../store';

/** Chips shown under a typed box; the rest are in the box's own drop-down. */
const MAX_CHIPS = 12;
const STALE = ' (not in the HR system now)';
/** The select's value for "(blank)" (an empty value is the select's own "Choose a value…"). */
const BLANK_OPTION = '\u2205blank';

/**
 * A rule's value(s). Where the HR system's values for the field are known, they are picked: a drop-down
 * for "is" / "is not", tick boxes for "is one of" / "is not one of", suggestions for "contains". The box
 * is typed in only when the field has too many different values to list (names, e-mails) or none.
 */
export function RuleValue({ index, rule, field }: { index: number; rule: RuleDraft; field: FieldInfo | undefined }) {
  const { setRule } = useSetup.getState();
  const fv = useSetup((s) => s.fieldValues);
  const rules = useSetup((s) => s.rules);
  const listId = useId();
  const n = index + 1;
  const many = OPERATOR_ARITY[rule.operator] === 'many';
  const source = valueSource(fv.value, rule.field, !!field?.sample);
  const offered = source === 'list' ? (fv.value?.[rule.field]?.values ?? []) : [];
  const chosen = draftValues(rule);

  if (source === 'list' && rule.operator !== 'contains') {
    const options = listOptions(offered, chosen);
    if (!many) {
      return (
        <select
          className="rule-value"
          aria-label={`Rule ${n}: value`}
          value={chosen[0] ?? ''}
          onChange={(e) => {
            // "is (blank)" is what "is empty" says: the rule takes that operator rather than a blank value.
            if (e.target.value === BLANK_OPTION)
              setRule(index, {
                operator: rule.operator === 'isNot' ? 'isNotEmpty' : 'isEmpty',
                picked: null,
                valuesText: '',
              });
            else setRule(index, { picked: e.target.value ? [e.target.value] : null, valuesText: e.target.value });
          }}
        >
          <option value="">Choose a value…</option>
          {options.map((o) => (
            <option key={o.value || BLANK_OPTION} value={o.value || BLANK_OPTION}>
              {o.value === '' ? `${BLANK_LABEL} — nothing in the field` : o.stale ? `${o.value}${STALE}` : o.value}
            </option>
          ))}
        </select>
      );
    }
    return (
      <fieldset className="rule-values" data-testid="rule-values">
        <legend>
          <span className="visually-hidden">Rule {n}: </span>Values{' '}
          <span className="muted">— tick one or more of the {offered.length} in the HR system</span>
        </legend>
        {options.map((o) => (
          <label key={o.value || BLANK_OPTION} className={`check-chip${chosen.includes(o.value) ? ' on' : ''}`}>
            <input
              type="checkbox"
              checked={chosen.includes(o.value)}
              onChange={(e) => setRule(index, togglePicked(rule, o.value, e.target.checked))}
            />
            {o.value === '' ? BLANK_LABEL : o.value}
            {o.stale && <span className="muted">{STALE}</span>}
          </label>
        ))}
      </fieldset>
    );
  }

  // Typed: "contains" (with the HR system's values as suggestions), or a field whose values cannot be listed.
  const suggestions =
    source === 'list'
      ? offered
      : valueSuggestions(
          field,
          rules.filter((_, j) => j !== index),
        );
  return (
    <>
      <input
        aria-label={`Rule ${n}: ${many ? 'values, separated by commas' : 'value'}`}
        placeholder={many ? 'Values, separated by commas' : 'Value'}
        value={rule.valuesText}
        list={suggestions.length ? listId : undefined}
        onChange={(e) => setRule(index, { valuesText: e.target.value })}
      />
      {suggestions.length > 0 && (
        <>
          <datalist id={listId}>
            {suggestions.map((v) => (
              <option key={v} value={v} />
            ))}
          </datalist>
          <p className="rule-suggestions" data-testid="rule-suggestions">
            <span className="muted">In the HR system:</span>
            {suggestions.slice(0, MAX_CHIPS).map((v) => (
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
            {suggestions.length > MAX_CHIPS && (
              <span className="muted">and {suggestions.length - MAX_CHIPS} more as you type</span>
            )}
          </p>
        </>
      )}
      {rule.field && <TypedHint source={source} />}
    </>
  );
}

/** Why the value is typed rather than picked, and what to do if the values could not be read. */
function TypedHint({ source }: { source: ReturnType<typeof valueSource> }) {
  const fv = useSetup((s) => s.fieldValues);
  const companyId = useWizard((s) => s.companyId);
  if (source === 'tooMany')
    return (
      <p className="rule-hint">
        This field holds too many different values to list (names, e-mail addresses…), so type the value.
      </p>
    );
  if (source === 'none')
    return (
      <p className="rule-hint">Nobody has a value in this field in the HR system; “is empty” may be what you mean.</p>
    );
  if (source !== 'unknown') return null;
  if (fv.status === 'loading') {
    return (
      <p className="rule-hint" role="status">
        <Spinner small /> Reading the values the HR system holds…
      </p>
    );
  }
  if (fv.status !== 'error') return null;
  return (
    <p className="rule-hint" data-testid="field-values-error">
      Could not read the values the HR system holds ({fv.error?.message ?? 'no reason given'}), so type the value.{' '}
      <button
        type="button"
        className="link-button"
        onClick={() => companyId && void useSetup.getState().loadFieldValues(companyId, true)}
      >
        Try again
      </button>
    </p>
  );
}
