import { defaultsNeeded } from '../../../../src-main/contract/defaults-needed';
import { PAYMENT_FREQUENCIES } from '../../../../src-main/contract/mapping';
import type { RealProvider } from '../../../../src-main/contract/providers';
import { Banner } from '../../../ui/Banner';
import { Checkbox } from '../../company-settings/components/Checkbox';
import { useSetup } from '../setupStore';

const SALARY_HINT: Record<RealProvider, string> = {
  personio: 'Annual salary and currency come from Personio. You can change this later in Settings.',
  humaans: 'Annual salary and currency come from Humaans’ compensations. You can change this later in Settings.',
  peoplehr:
    'PeopleHR keeps salary and pay frequency in its salary records, read one employee at a time (PeopleHR allows 30 calls a minute), so a big company’s sync takes minutes with this ticked.',
};

/** The two settings that most often decide Ready on day one: salaries, and a pay frequency to fall back on. */
export function FirstSyncOptions({
  companyId,
  provider,
  disabled,
}: {
  companyId: string;
  provider: RealProvider;
  disabled: boolean;
}) {
  const s = useSetup((st) => st.salaries);
  const mapping = useSetup((st) => st.mapping);
  if (!s) return null;
  const needed = defaultsNeeded(provider, mapping, s.settings);
  const { saveSettings } = useSetup.getState();
  const frequency = s.settings.defaults.paymentFrequency ?? '';
  return (
    <div className="form first-sync-options">
      <Checkbox
        label="Sync salaries"
        checked={s.settings.syncSalaries}
        disabled={!s.canRead || s.saving || disabled}
        hint={
          s.canRead ? SALARY_HINT[provider] : `Not available: ${s.reason ?? 'these credentials cannot read salaries.'}`
        }
        onChange={(on) => void saveSettings(companyId, { syncSalaries: on })}
      />
      <div className="form-field narrow">
        <label htmlFor="wizard-pay-frequency">Pay frequency when the HR system has none</label>
        <select
          id="wizard-pay-frequency"
          value={frequency}
          disabled={s.saving || disabled}
          onChange={(e) => {
            const defaults = { ...s.settings.defaults, paymentFrequency: e.target.value || undefined };
            void saveSettings(companyId, { defaults });
          }}
        >
          <option value="">No default (employees without one stay Pending)</option>
          {PAYMENT_FREQUENCIES.map((f) => (
            <option key={f} value={f}>
              {f.charAt(0).toUpperCase() + f.slice(1)}
            </option>
          ))}
        </select>
        <p className="hint">A company default, also in Settings → Payroll defaults.</p>
      </div>
      {needed.length > 0 && (
        <Banner tone="warning" title="A default is needed">
          {needed.map((n) => (
            <p key={n.field} data-testid="default-needed">
              {n.message}
            </p>
          ))}
        </Banner>
      )}
      {s.error && (
        <Banner tone="error" title="Setting not saved">
          {s.error.message}
        </Banner>
      )}
    </div>
  );
}
