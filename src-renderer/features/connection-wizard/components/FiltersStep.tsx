import { useEffect } from 'react';
import { plural } from '../../../lib/format';
import { Banner } from '../../../ui/Banner';
import { Button } from '../../../ui/Button';
import { Spinner } from '../../../ui/Spinner';
import { emptyRule, ruleFromDraft } from '../logic';
import { useSetup } from '../setupStore';
import { useWizard } from '../store';
import { FilterRuleRow } from './FilterRuleRow';

/** Which employees to sync, with a live count of who the rules let through. */
export function FiltersStep() {
  const companyId = useWizard((s) => s.companyId);
  const catalogue = useWizard((s) => s.catalogue);
  const resumeError = useWizard((s) => s.resumeError);
  const rules = useSetup((s) => s.rules);
  const { loadFilters, loadFieldValues, addRule, applyFilters, loadMapping } = useSetup.getState();

  useEffect(() => {
    if (!companyId) return;
    void loadFilters(companyId);
    // The values each field holds, so rules are built by picking rather than typing; once per company.
    void loadFieldValues(companyId);
  }, [companyId, loadFilters, loadFieldValues]);

  if (!companyId) return null;
  const incomplete = rules.some((r) => !ruleFromDraft(r).ok);
  const next = async () => {
    if (await applyFilters(companyId)) {
      void loadMapping(companyId);
      useWizard.getState().setStep('mapping');
    }
  };

  return (
    <div className="two-col wide-left">
      <section className="card" aria-labelledby="filters-title">
        <h2 id="filters-title">Who to sync</h2>
        {resumeError && (
          <Banner tone="error" title="Could not read the HR system’s fields">
            {resumeError.message}
          </Banner>
        )}
        <p className="muted">
          Everyone is synced unless you add rules. An employee is synced when they match every “Include only” rule and
          no “Exclude” rule.
        </p>
        <div className="rules">
          {rules.map((r, i) => (
            <FilterRuleRow key={i} index={i} rule={r} catalogue={catalogue} />
          ))}
        </div>
        <Button size="small" onClick={() => addRule(emptyRule(catalogue[0]?.key ?? ''))}>
          Add a rule
        </Button>
        <div className="form-actions">
          <Button variant="primary" disabled={incomplete} onClick={() => void next()}>
            Continue to matching fields
          </Button>
        </div>
      </section>
      <FilterPreview />
    </div>
  );
}

/** The live preview beside the rules: how many are in and out, and why each left-out person is. */
export function FilterPreview() {
  const preview = useSetup((s) => s.preview);
  return (
    <section className="card" aria-labelledby="preview-title" aria-live="polite" data-testid="filter-preview">
      <h2 id="preview-title">Preview {preview.status === 'loading' && <Spinner small />}</h2>
      {preview.status === 'error' && preview.error && (
        <Banner tone="error" title="The preview failed">
          {preview.error.message}
        </Banner>
      )}
      {preview.result && (
        <>
          <p className="preview-counts">
            <strong data-testid="preview-included">{plural(preview.result.included, 'employee')}</strong> will sync ·{' '}
            <span data-testid="preview-excluded">{preview.result.excluded}</span> left out
          </p>
          {!preview.result.complete && <p className="hint">Based on part of the HR system’s list.</p>}
          <ul className="preview-list">
            {/* Who is left out, and why, is what the user is checking: show them first. */}
            {[...preview.result.employees]
              .sort((a, b) => Number(a.included) - Number(b.included))
              .slice(0, 12)
              .map((e) => (
                <li key={e.externalId} className={e.included ? '' : 'muted'}>
                  {e.name} <span className="small">{e.included ? '' : `— ${e.reason}`}</span>
                </li>
              ))}
          </ul>
        </>
      )}
      {preview.status === 'idle' && !preview.result && (
        <p className="muted">Finish the rule to see who it lets through.</p>
      )}
    </section>
  );
}
