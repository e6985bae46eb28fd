import { useEffect, useState } from 'react';
import { api } from '../../../lib/bridge';
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
  // How many backups hold this company: they are rewritten without it unless the bureau keeps them.
  const [copies, setCopies] = useState<number | null>(null);
  const [keepBackups, setKeepBackups] = useState(false);
  useEffect(() => {
    let live = true;
    void api['companies.removalCopies']({ companyId }).then((r) => live && setCopies(r.ok ? r.value.copies : null));
    return () => {
      live = false;
    };
  }, [companyId]);
  if (!company) return null;
  const hr = PROVIDER_NAMES[company.provider];
  const c = company.counts;
  const employees = c.ready + c.pending + c.leaver + c.excluded + c.missing;
  const remove = async () => {
    setBusy(true);
    setError(null);
    const res = await useCompanies.getState().removeCompany(companyId, typed, keepBackups);
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
        cannot be undone. Its data is overwritten in the database file, not only unlisted.
      </p>
      {copies !== null && copies > 0 && (
        <div className="removal-backups" data-testid="remove-company-backups">
          <p>
            {plural(copies, 'backup')} (in the backups folder beside the database) {copies === 1 ? 'holds' : 'hold'}{' '}
            {company.name}’s staff data.{' '}
            {keepBackups
              ? `${copies === 1 ? 'It stays' : 'They stay'} as ${copies === 1 ? 'it is' : 'they are'}, with that data.`
              : `${copies === 1 ? 'It is' : 'They are'} rewritten without ${company.name} (one that cannot be opened is deleted), so its staff data can be erased on request.`}
          </p>
          <label className="checkbox">
            <input type="checkbox" checked={keepBackups} onChange={(e) => setKeepBackups(e.target.checked)} />
            <span>
              Keep {copies === 1 ? 'this backup' : `these ${copies} backups`} as {copies === 1 ? 'it is' : 'they are'}
            </span>
          </label>
        </div>
      )}
      {copies === 0 && <p className="hint">No backup holds {company.name}’s data.</p>}
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
