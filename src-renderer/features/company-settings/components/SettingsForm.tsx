import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { DEFAULTABLE_FIELDS } from '../../../../src-main/contract/mapping';
import { PAYROLL_FIELD_LABELS } from '../../../../src-main/contract/payroll';
import { Banner } from '../../../ui/Banner';
import { Button } from '../../../ui/Button';
import { Loading } from '../../../ui/Spinner';
import { DEFAULT_CHOICES, DEFAULT_HINTS, FREQUENCIES } from '../logic';
import { useSettings } from '../store';
import { Checkbox } from './Checkbox';

/** Company settings: pause, salaries, frequency, the Personio ID field, payroll defaults. */
export function SettingsForm({ companyId }: { companyId: string }) {
  const s = useSettings(
    useShallow((st) => ({
      detail: st.detail,
      draft: st.draft,
      status: st.status,
      error: st.error,
      saving: st.saving,
      saveResult: st.saveResult,
    })),
  );
  const { load, edit, setDefault, save, discard } = useSettings.getState();
  useEffect(() => {
    void load(companyId);
  }, [companyId, load]);

  if (s.status === 'error' && s.error)
    return (
      <Banner
        tone="error"
        title="Could not read the settings"
        action={<Button onClick={() => void load(companyId)}>Try again</Button>}
      >
        {s.error.message}
      </Banner>
    );
  if (!s.detail || !s.draft) return <Loading label="Loading settings…" />;
  const { detail, draft } = s;
  const freq = FREQUENCIES.some((f) => f.minutes === draft.frequencyMinutes)
    ? FREQUENCIES
    : [...FREQUENCIES, { minutes: draft.frequencyMinutes, label: `Every ${draft.frequencyMinutes} minutes` }];

  return (
    <form
      className="settings"
      data-testid="settings-form"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <div className="settings-grid">
        <section className="card form" aria-labelledby="sync-settings-title">
          <h2 id="sync-settings-title">Syncing</h2>
          <Checkbox
            label="Pause scheduled syncs"
            hint="Scheduled syncs and “Sync now” for the company are skipped; “Sync now” on one employee still works."
            checked={draft.paused}
            onChange={(v) => edit({ paused: v })}
          />
          <div className="form-field">
            <label htmlFor="frequency">How often to sync</label>
            <select
              id="frequency"
              value={draft.frequencyMinutes}
              onChange={(e) => edit({ frequencyMinutes: Number(e.target.value) })}
            >
              {freq.map((f) => (
                <option key={f.minutes} value={f.minutes}>
                  {f.label}
                </option>
              ))}
            </select>
          </div>
          <Checkbox
            label="Sync salaries"
            checked={draft.syncSalaries}
            disabled={!detail.canReadSalaries}
            hint={
              detail.canReadSalaries
                ? 'Annual salary and currency come from the HR system.'
                : `Not available: ${detail.salaryReason ?? 'these credentials cannot read salaries.'}`
            }
            onChange={(v) => edit({ syncSalaries: v })}
          />
          <Checkbox
            label="Include holiday pay in pension"
            checked={draft.includeHolidayPayInPension}
            onChange={(v) => edit({ includeHolidayPayInPension: v })}
          />
          <Checkbox
            label="Send payslips through the HR system"
            checked={draft.sendPayslipsViaHr}
            onChange={(v) => edit({ sendPayslipsViaHr: v })}
          />
          {detail.provider === 'personio' && (
            <div className="form-field">
              <label htmlFor="id-field">Employee ID comes from</label>
              <select id="id-field" value={draft.idField} onChange={(e) => edit({ idField: e.target.value })}>
                {!detail.catalogue.some((f) => f.key === draft.idField) && (
                  <option value={draft.idField}>{draft.idField}</option>
                )}
                {detail.catalogue.map((f) => (
                  <option key={f.key} value={f.key}>
                    {f.label} ({f.key})
                  </option>
                ))}
              </select>
              <p className="hint">
                Employees are matched on this field between syncs. Change it only before payroll has used the IDs.
              </p>
            </div>
          )}
        </section>
        <section className="card form" aria-labelledby="defaults-title">
          <h2 id="defaults-title">Payroll defaults</h2>
          <p className="hint">Used when the HR system leaves a field blank or it is not matched.</p>
          {DEFAULTABLE_FIELDS.map((field) => {
            const choices = DEFAULT_CHOICES[field];
            const value = draft.defaults[field] ?? '';
            const id = `default-${field}`;
            return (
              <div className="form-field" key={field}>
                <label htmlFor={id}>{PAYROLL_FIELD_LABELS[field]}</label>
                {choices ? (
                  <select id={id} value={value} onChange={(e) => setDefault(field, e.target.value)}>
                    <option value="">No default</option>
                    {choices.map((c) => (
                      <option key={c} value={c}>
                        {c === 'true' ? 'Yes' : c === 'false' ? 'No' : c}
                      </option>
                    ))}
                  </select>
                ) : (
                  <input
                    id={id}
                    value={value}
                    placeholder={DEFAULT_HINTS[field]}
                    onChange={(e) => setDefault(field, e.target.value)}
                  />
                )}
              </div>
            );
          })}
        </section>
      </div>
      {s.saveResult && (
        <Banner
          tone={s.saveResult.tone}
          title={s.saveResult.tone === 'error' ? 'Settings not saved' : s.saveResult.text}
          testId="settings-result"
        >
          {s.saveResult.tone === 'error' ? s.saveResult.text : undefined}
        </Banner>
      )}
      <div className="form-actions">
        <Button onClick={discard}>Discard changes</Button>
        <Button type="submit" variant="primary" busy={s.saving}>
          Save settings
        </Button>
      </div>
    </form>
  );
}
