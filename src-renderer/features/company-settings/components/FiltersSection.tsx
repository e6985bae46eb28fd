import { useState } from 'react';
import type { CompanyDetail } from '../../../../src-main/contract/companies';
import type { AppErrorShape } from '../../../../src-main/contract/errors';
import { Banner } from '../../../ui/Banner';
import { Button } from '../../../ui/Button';
import { FilterRuleRow } from '../../connection-wizard/components/FilterRuleRow';
import { FilterPreview } from '../../connection-wizard/components/FiltersStep';
import { emptyRule, ruleFromDraft } from '../../connection-wizard/logic';
import { useSetup } from '../../connection-wizard/setupStore';
import { savedOutcome } from '../logic';

/** Settings → Who to sync: the wizard's filter builder and its live preview; nothing is saved until Save. */
export function FiltersSection({ detail }: { detail: CompanyDetail }) {
  const rules = useSetup((s) => s.rules);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string; error?: AppErrorShape } | null>(null);
  const incomplete = rules.some((r) => !ruleFromDraft(r).ok);
  const { addRule, saveFilters } = useSetup.getState();

  const save = async () => {
    setBusy(true);
    const error = await saveFilters(detail.id);
    setBusy(false);
    setOutcome(
      error ? { ok: false, text: 'Filters not saved', error } : { ok: true, text: savedOutcome(detail.paused) },
    );
  };

  return (
    <div className="two-col wide-left" id="settings-filters" data-testid="settings-filters">
      <section className="card" aria-labelledby="filters-settings-title">
        <h2 id="filters-settings-title">Who to sync</h2>
        <p className="muted">
          Everyone is synced unless you add rules. An employee is synced when they match every “Include only” rule and
          no “Exclude” rule.
        </p>
        <div className="rules">
          {rules.map((r, i) => (
            <FilterRuleRow key={i} index={i} rule={r} catalogue={detail.catalogue} />
          ))}
        </div>
        <Button size="small" onClick={() => addRule(emptyRule(detail.catalogue[0]?.key ?? ''))}>
          Add a rule
        </Button>
        {outcome && (
          <Banner tone={outcome.ok ? 'success' : 'error'} title={outcome.text} testId="filters-result">
            {outcome.error?.message}
          </Banner>
        )}
        <div className="form-actions">
          <Button variant="primary" busy={busy} disabled={incomplete} onClick={() => void save()}>
            Save filters
          </Button>
        </div>
      </section>
      <FilterPreview />
    </div>
  );
}
