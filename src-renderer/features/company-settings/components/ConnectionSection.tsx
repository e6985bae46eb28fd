import { useEffect, useRef, useState } from 'react';
import { useNav } from '../../../app/navStore';
import type { CompanyDetail } from '../../../../src-main/contract/companies';
import type { AppErrorShape } from '../../../../src-main/contract/errors';
import { PROVIDER_NAMES, type RealProvider } from '../../../../src-main/contract/providers';
import { api } from '../../../lib/bridge';
import { Banner } from '../../../ui/Banner';
import { Button } from '../../../ui/Button';
import { SecretInput } from '../../connection-wizard/components/SecretInput';
import { buildCredentials, CREDENTIAL_FIELDS, type SecretFields } from '../../connection-wizard/logic';
import { savedOutcome } from '../logic';

const EMPTY: SecretFields = { clientId: '', clientSecret: '', token: '', apiKey: '' };

/**
 * Settings → Connection: what the company is connected to and with which permissions, and Replace
 * credentials — pasted, checked with the HR system (the wizard's vendor-worded messages), and stored only
 * when the HR system accepts them, so a wrong or under-scoped key never replaces a working one.
 */
export function ConnectionSection({ detail, onReplaced }: { detail: CompanyDetail; onReplaced: () => void }) {
  const [fields, setFields] = useState<SecretFields>(EMPTY);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const ref = useRef<HTMLElement>(null);
  const anchor = useNav((n) => (n.route.name === 'company' ? n.route.anchor : undefined));
  useEffect(() => {
    // Arrived from "Replace credentials" on a failure: straight to the box to paste into.
    if (anchor !== 'settings-connection' || !ref.current) return;
    ref.current.scrollIntoView({ block: 'start' });
    ref.current.querySelector<HTMLInputElement>('form input')?.focus();
  }, [anchor]);
  if (detail.provider === 'demo') return null;
  const provider: RealProvider = detail.provider;
  const vendor = PROVIDER_NAMES[provider];
  const inputs = CREDENTIAL_FIELDS[provider];
  const complete = inputs.every((f) => fields[f.key].trim() !== '');
  const howToFix = error?.details?.howToGrant;

  const replace = async () => {
    setBusy(true);
    setError(null);
    setDone(null);
    const res = await api['companies.setCredentials']({
      companyId: detail.id,
      credentials: buildCredentials(provider, fields),
    });
    setBusy(false);
    if (!res.ok) {
      setError(res.error);
      return;
    }
    setFields(EMPTY);
    setDone(savedOutcome(detail.paused));
    onReplaced();
  };

  return (
    <section
      ref={ref}
      className="card form"
      id="settings-connection"
      aria-labelledby="connection-title"
      data-testid="settings-connection"
    >
      <h2 id="connection-title">Connection</h2>
      <dl className="summary">
        <dt>HR system</dt>
        <dd>{vendor}</dd>
        <dt>Server address</dt>
        <dd className="mono">{detail.baseUrl ?? `${vendor}’s usual address`}</dd>
        <dt>Credentials stored</dt>
        <dd>
          {inputs.map((f) => f.label).join(' and ')}, {detail.secretStorage}
        </dd>
        <dt>Salaries</dt>
        <dd data-testid="permission-salaries">
          {detail.canReadSalaries
            ? 'Readable'
            : `Not readable: ${detail.salaryReason ?? 'these credentials cannot read salaries.'}`}
        </dd>
        <dt>Payslip uploads</dt>
        <dd>
          Checked with {vendor} each time payslips are sent
          {provider === 'humaans' &&
            detail.settings.sendPayslipsViaHr &&
            ': the token needs “View documents (documents:read)” and “Modify documents (documents:write)”'}
        </dd>
      </dl>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (complete) void replace();
        }}
      >
        <h3>Replace credentials</h3>
        <p className="hint">
          After a key was rotated or revoked in {vendor}. The new credentials are checked with {vendor} first; the ones
          stored now stay until {vendor} accepts the new ones.
        </p>
        {inputs.map((f) => (
          <SecretInput
            key={f.key}
            label={`New ${f.label.charAt(0).toLowerCase()}${f.label.slice(1)}`}
            secret={f.secret}
            value={fields[f.key]}
            onChange={(v) => setFields({ ...fields, [f.key]: v })}
          />
        ))}
        {error && (
          <Banner tone="error" title="Credentials not replaced" testId="replace-error">
            <p>{error.message}</p>
            {typeof howToFix === 'string' && (
              <p>
                <strong>How to fix it:</strong> {howToFix}
              </p>
            )}
          </Banner>
        )}
        {done && <Banner tone="success" title={done} testId="replace-ok" />}
        <div className="form-actions">
          <Button type="submit" variant="primary" busy={busy} disabled={!complete}>
            Check and replace credentials
          </Button>
        </div>
      </form>
    </section>
  );
}
