import { useState } from 'react';
import {
  BOOLEAN_STYLES,
  EXPORT_FORMAT_NAMES,
  EXPORT_FORMATS,
  type ExportFormat,
  type PayrollTarget,
} from '../../../../src-main/contract/exports';
import { Button } from '../../../ui/Button';
import { STARTING_LAYOUT } from '../logic';
import { useExport } from '../store';
import { CustomLayoutEditor } from './CustomLayoutEditor';

const PLANS = ['1', '2', '4', '5'] as const;

/** Which payroll software this company's employees go into, chosen once, with that software's options. */
export function PayrollSoftwareForm({ initial }: { initial: PayrollTarget | null }) {
  const [draft, setDraft] = useState<PayrollTarget>(
    initial ?? { format: 'brightpay', booleanStyle: 'Yes/No', sageSlrPlanCodes: {}, customLayout: null },
  );
  const { saveTarget, edit } = useExport.getState();
  const busy = useExport((s) => s.busy === 'save');
  const setFormat = (format: ExportFormat) =>
    setDraft((d) => ({
      ...d,
      format,
      customLayout: format === 'custom' ? (d.customLayout ?? STARTING_LAYOUT) : d.customLayout,
    }));
  return (
    <form
      className="form"
      aria-label="Payroll software"
      data-testid="payroll-software-form"
      onSubmit={(e) => {
        e.preventDefault();
        void saveTarget(draft);
      }}
    >
      <label className="form-field narrow wide-select">
        <span className="field-label">Payroll software</span>
        <select
          value={draft.format}
          onChange={(e) => setFormat(e.target.value as ExportFormat)}
          data-testid="payroll-format"
        >
          {EXPORT_FORMATS.map((f) => (
            <option key={f} value={f}>
              {EXPORT_FORMAT_NAMES[f]}
            </option>
          ))}
        </select>
      </label>
      {draft.format === 'brightpay' && (
        <label className="form-field narrow">
          <span className="field-label">How BrightPay should read yes and no</span>
          <select
            value={draft.booleanStyle}
            onChange={(e) => setDraft({ ...draft, booleanStyle: e.target.value as PayrollTarget['booleanStyle'] })}
          >
            {BOOLEAN_STYLES.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
          <span className="hint">
            BrightPay does not publish its spelling; check the first import on its preview screen.
          </span>
        </label>
      )}
      {draft.format === 'sage50' && (
        <fieldset className="slr-codes">
          <legend className="field-label">Sage 50 SLR Plan Type code for each student loan plan</legend>
          <p className="hint">
            Sage publishes only −1 (no loan). Until a plan's code is entered, employees on that plan are left out with
            the reason.
          </p>
          <div className="slr-grid">
            {PLANS.map((p) => (
              <label key={p} className="form-field">
                <span>Plan {p}</span>
                <input
                  value={draft.sageSlrPlanCodes[p] ?? ''}
                  maxLength={4}
                  onChange={(e) =>
                    setDraft({ ...draft, sageSlrPlanCodes: { ...draft.sageSlrPlanCodes, [p]: e.target.value } })
                  }
                />
              </label>
            ))}
          </div>
        </fieldset>
      )}
      {draft.format === 'custom' && (
        <CustomLayoutEditor
          layout={draft.customLayout ?? STARTING_LAYOUT}
          onChange={(customLayout) => setDraft({ ...draft, customLayout })}
        />
      )}
      <div className="form-actions">
        {initial && <Button onClick={() => edit(false)}>Cancel</Button>}
        <Button type="submit" variant="primary" busy={busy}>
          Save payroll software
        </Button>
      </div>
    </form>
  );
}
