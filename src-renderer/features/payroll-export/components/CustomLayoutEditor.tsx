import {
  BOOLEAN_STYLES,
  DATE_STYLES,
  GENDER_STYLES,
  type CustomLayout,
  type CustomValue,
} from '../../../../src-main/contract/exports';
import { Button } from '../../../ui/Button';
import { CUSTOM_VALUE_OPTIONS, move } from '../logic';

/** The bureau's own CSV layout: columns chosen, named and ordered, and how dates, yes/no and gender are spelled. */
export function CustomLayoutEditor({
  layout,
  onChange,
}: {
  layout: CustomLayout;
  onChange: (l: CustomLayout) => void;
}) {
  const setColumns = (columns: CustomLayout['columns']) => onChange({ ...layout, columns });
  return (
    <div className="custom-layout" data-testid="custom-layout">
      <ol className="layout-columns">
        {layout.columns.map((c, i) => (
          <li key={i} className="layout-column" data-testid="layout-column">
            <span className="layout-pos muted">{i + 1}</span>
            <select
              aria-label={`Column ${i + 1}: value`}
              value={c.value}
              onChange={(e) =>
                setColumns(layout.columns.map((x, k) => (k === i ? { ...x, value: e.target.value as CustomValue } : x)))
              }
            >
              {CUSTOM_VALUE_OPTIONS.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
            <input
              aria-label={`Column ${i + 1}: heading`}
              value={c.header}
              onChange={(e) =>
                setColumns(layout.columns.map((x, k) => (k === i ? { ...x, header: e.target.value } : x)))
              }
            />
            <Button
              size="small"
              variant="ghost"
              aria-label={`Move column ${i + 1} up`}
              disabled={i === 0}
              onClick={() => setColumns(move(layout.columns, i, -1))}
            >
              ↑
            </Button>
            <Button
              size="small"
              variant="ghost"
              aria-label={`Move column ${i + 1} down`}
              disabled={i === layout.columns.length - 1}
              onClick={() => setColumns(move(layout.columns, i, 1))}
            >
              ↓
            </Button>
            <Button
              size="small"
              variant="ghost"
              aria-label={`Remove column ${i + 1}`}
              onClick={() => setColumns(layout.columns.filter((_, k) => k !== i))}
            >
              ✕
            </Button>
          </li>
        ))}
      </ol>
      <Button size="small" onClick={() => setColumns([...layout.columns, { value: 'email', header: 'Email' }])}>
        Add column
      </Button>
      <div className="layout-styles">
        <label className="form-field">
          <span className="field-label">Dates</span>
          <select
            value={layout.dateStyle}
            onChange={(e) => onChange({ ...layout, dateStyle: e.target.value as CustomLayout['dateStyle'] })}
          >
            {DATE_STYLES.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </label>
        <label className="form-field">
          <span className="field-label">Yes / no</span>
          <select
            value={layout.booleanStyle}
            onChange={(e) => onChange({ ...layout, booleanStyle: e.target.value as CustomLayout['booleanStyle'] })}
          >
            {BOOLEAN_STYLES.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </label>
        <label className="form-field">
          <span className="field-label">Gender</span>
          <select
            value={layout.genderStyle}
            onChange={(e) => onChange({ ...layout, genderStyle: e.target.value as CustomLayout['genderStyle'] })}
          >
            {GENDER_STYLES.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </label>
      </div>
    </div>
  );
}
