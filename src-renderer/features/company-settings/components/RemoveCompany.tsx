import { useState } from 'react';
import { confirmsCompanyName } from '../../../../src-main/contract/companies';
import { PROVIDER_NAMES } from '../../../../src-main/contract/providers';
import { plural } from '../../../lib/format';
import { Banner } from '../../../ui/Banner';
import { Button } from '../../../ui/Button';
import { useCompanies } from '../../companies/store';

/**
 * Removing a client company for good: what goes is spelt out, and the button only works once the company's
 * name has been typed (the core checks it again), so the wrong client is not removed by a slip.
 */
export function RemoveCompany({ companyId }: { companyId: string }) {
  const company = useCompanies((s) => s.companies.find((c) => c.id === companyId));
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!company) return null;
  const hr = PROVIDER_NAMES[company.provider];
  const c = company.counts;
  const employees = c.ready + c.pending + c.leaver + c.excluded + c.missing;
  const remove = async () => {
    setBusy(true);
    setError(null);
    const res = await useCompanies.getState().removeCompany(companyId, typed);
    if (!res.ok) {
      setBusy(false);
      setError(res.message);
    }
  };

  return (
    <section className="card form remove-company" aria-labelledby="remove-company-title" data-testid="remove-company">
      <h2 id="remove-company-title">Remove this company</h2>
      <p>
        Removes {company.name} from Bureau Sync: its {plural(employees, 'employee')} with their problems and change
        history, its sync history and its payslip delivery records
        {company.provider === 'demo' ? '' : `, and deletes its stored ${hr} credentials`}. Nothing changes in {hr}. This
        cannot be undone. Backups the app made before its own updates (the backups folder beside the database) are left
        as they are.
      </p>
      <div className="form-field">
        <label htmlFor="remove-company-name">Type the company’s name to confirm</label>
        <input
          id="remove-company-name"
          value={typed}
          autoComplete="off"
          spellCheck={false}
          placeholder={company.name}
          onChange={(e) => {
            setTyped(e.target.value);
            setError(null);
          }}
        />
      </div>
      {company.running && (
        <p className="hint">{company.name} is syncing: it can be removed once the sync has finished.</p>
      )}
      {error && (
        <Banner tone="error" title="Not removed" testId="remove-company-error">
          {error}
        </Banner>
      )}
      <div className="form-actions">
        <Button
          variant="danger"
          busy={busy}
          disabled={!confirmsCompanyName(typed, company.name) || company.running}
          onClick={() => void remove()}
        >
          Remove {company.name}
        </Button>
      </div>
    </section>
  );
}
