import { useShallow } from 'zustand/react/shallow';
import { PROVIDER_NAMES } from '../../../../src-main/contract/providers';
import { plural } from '../../../lib/format';
import { Banner } from '../../../ui/Banner';
import { Button } from '../../../ui/Button';
import { CREDENTIAL_FIELDS, HOW_TO, missingCredential } from '../logic';
import { useWizard } from '../store';
import { SecretInput } from './SecretInput';

export function CredentialsStep() {
  const w = useWizard(
    useShallow((s) => ({
      provider: s.provider,
      name: s.name,
      secrets: s.secrets,
      baseUrl: s.baseUrl,
      check: s.check,
      creating: s.creating,
      createError: s.createError,
    })),
  );
  const { setName, setSecret, setBaseUrl, checkCredentials, createCompany, setStep } = useWizard.getState();
  if (!w.provider) return null;
  const provider = w.provider;
  const vendor = PROVIDER_NAMES[provider];
  const missing = missingCredential(provider, w.name, w.secrets);
  const howToFix = w.check.error?.details?.howToGrant;

  return (
    <div className="two-col">
      <section className="card" aria-labelledby="howto-title">
        <h2 id="howto-title">How to create the {vendor} credentials</h2>
        <ol className="howto">
          {HOW_TO[provider].map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ol>
      </section>
      <form
        className="card form"
        aria-labelledby="cred-title"
        onSubmit={(e) => {
          e.preventDefault();
          if (!missing) void checkCredentials();
        }}
      >
        <h2 id="cred-title">Connect to {vendor}</h2>
        <div className="form-field">
          <label htmlFor="company-name">Client company name</label>
          <input id="company-name" value={w.name} onChange={(e) => setName(e.target.value)} autoComplete="off" />
        </div>
        {CREDENTIAL_FIELDS[provider].map((f) => (
          <SecretInput
            key={f.key}
            label={f.label}
            secret={f.secret}
            value={w.secrets[f.key]}
            onChange={(v) => setSecret(f.key, v)}
          />
        ))}
        <details className="advanced">
          <summary>Advanced: server address</summary>
          <div className="form-field">
            <label htmlFor="base-url">Server address</label>
            <input
              id="base-url"
              value={w.baseUrl}
              onChange={(e) => setBaseUrl(e.target.value)}
              placeholder={`Leave blank for ${vendor}’s usual address`}
              autoComplete="off"
            />
            <p className="hint">Only for a test server or a {vendor} sandbox.</p>
          </div>
        </details>
        {w.check.status === 'error' && w.check.error && (
          <Banner tone="error" title="Bureau Sync could not connect" testId="check-error">
            <p>{w.check.error.message}</p>
            {typeof howToFix === 'string' && (
              <p>
                <strong>How to fix it:</strong> {howToFix}
              </p>
            )}
          </Banner>
        )}
        {w.check.status === 'ok' && w.check.result && (
          <Banner tone="success" title={`Connected to ${vendor}`} testId="check-ok">
            {w.check.result.employeeCount !== null && (
              <p>Bureau Sync can see {plural(w.check.result.employeeCount, 'employee')}.</p>
            )}
            {w.check.result.warnings.map((warning) => (
              <p key={warning}>{warning}</p>
            ))}
          </Banner>
        )}
        {w.check.status === 'ok' && w.check.result && !w.check.result.canReadSalaries && (
          <Banner tone="warning" title="Salaries will not sync" testId="check-salary-warning">
            {w.check.result.salaryReason ?? 'These credentials cannot read salaries.'} Everything else syncs; you can
            add the permission later.
          </Banner>
        )}
        {w.createError && (
          <Banner tone="error" title="The company was not added">
            {w.createError.message}
          </Banner>
        )}
        {missing && <p className="hint">{missing}</p>}
        <div className="form-actions">
          <Button onClick={() => setStep('provider')}>Back</Button>
          <Button type="submit" busy={w.check.status === 'checking'} disabled={!!missing}>
            Check connection
          </Button>
          <Button
            variant="primary"
            busy={w.creating}
            disabled={w.check.status !== 'ok' || !!missing}
            onClick={() => void createCompany()}
          >
            Save and continue
          </Button>
        </div>
      </form>
    </div>
  );
}
