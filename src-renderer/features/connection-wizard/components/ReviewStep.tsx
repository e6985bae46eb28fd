import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { PAYROLL_FIELDS } from '../../../../src-main/contract/payroll';
import { PROVIDER_NAMES } from '../../../../src-main/contract/providers';
import { openCompany } from '../../../app/navStore';
import { plural } from '../../../lib/format';
import { Banner } from '../../../ui/Banner';
import { Button } from '../../../ui/Button';
import { useCompanies } from '../../companies/store';
import { SyncProgressBar } from '../../sync/components/SyncProgressBar';
import { useSetup } from '../setupStore';
import { useWizard } from '../store';
import { FirstSyncOptions } from './FirstSyncOptions';

export function ReviewStep() {
  const w = useWizard(useShallow((s) => ({ companyId: s.companyId, name: s.name, provider: s.provider })));
  const s = useSetup(
    useShallow((st) => ({
      rules: st.rules.length,
      mapping: st.mapping,
      preview: st.preview.result,
      review: st.review,
    })),
  );
  useEffect(() => {
    if (w.companyId) void useSetup.getState().loadSalaries(w.companyId);
  }, [w.companyId]);
  if (!w.companyId || !w.provider) return null;
  const companyId = w.companyId;
  const mapped = PAYROLL_FIELDS.filter((f) => s.mapping[f]).length;

  const start = async () => {
    const run = await useSetup.getState().runFirstSync(companyId);
    await useCompanies.getState().load();
    if (run && run.status !== 'failed') {
      useWizard.getState().reset();
      useSetup.getState().reset();
      openCompany(companyId);
    }
  };

  return (
    <section className="card" aria-labelledby="review-title">
      <h2 id="review-title">Review and run the first sync</h2>
      <dl className="summary">
        <dt>Company</dt>
        <dd>{w.name}</dd>
        <dt>HR system</dt>
        <dd>{PROVIDER_NAMES[w.provider]}</dd>
        <dt>Who to sync</dt>
        <dd>
          {s.rules === 0 ? 'Everyone' : plural(s.rules, 'rule')}
          {s.preview && ` · ${plural(s.preview.included, 'employee')} will sync`}
        </dd>
        <dt>Matched fields</dt>
        <dd>
          {mapped} of {PAYROLL_FIELDS.length} payroll fields
        </dd>
      </dl>
      <FirstSyncOptions companyId={companyId} provider={w.provider} disabled={s.review.status === 'running'} />
      {s.review.status === 'running' && <SyncProgressBar companyId={companyId} />}
      {s.review.status === 'error' && s.review.error && (
        <Banner tone="error" title="The first sync failed">
          {s.review.error.message}
        </Banner>
      )}
      <div className="form-actions">
        <Button onClick={() => useWizard.getState().setStep('mapping')} disabled={s.review.status === 'running'}>
          Back
        </Button>
        <Button variant="primary" busy={s.review.status === 'running'} onClick={() => void start()}>
          {s.review.status === 'error' ? 'Try the first sync again' : 'Start the first sync'}
        </Button>
      </div>
    </section>
  );
}
