import { useEffect } from 'react';
import { Badge } from '../../../ui/Badge';
import { Banner } from '../../../ui/Banner';
import { Button } from '../../../ui/Button';
import { Loading } from '../../../ui/Spinner';
import { RelativeTime } from '../../../ui/RelativeTime';
import { goHome, openConnectionSettings, type CompanyTab } from '../../../app/navStore';
import { credentialsFailed } from '../logic';
import { EmployeesPanel } from '../../employees/components/EmployeesPanel';
import { ExportsHistory } from '../../payroll-export/components/ExportsHistory';
import { SyncHistory } from '../../history/components/SyncHistory';
import { PayslipsPanel } from '../../payslips/components/PayslipsPanel';
import { resumeSetup } from '../../connection-wizard/resume';
import { SyncProgressBar } from '../../sync/components/SyncProgressBar';
import { providerName } from '../logic';
import { useCompanies } from '../store';
import { CompanyTabs } from './CompanyTabs';
import { CompanySettingsPanel } from './CompanySettingsPanel';

export function CompanyPage({ companyId, tab }: { companyId: string; tab: CompanyTab }) {
  const company = useCompanies((s) => s.companies.find((c) => c.id === companyId));
  const status = useCompanies((s) => s.status);
  const requested = useCompanies((s) => s.requested[companyId] ?? false);
  const notice = useCompanies((s) => s.notice);
  const { load, syncCompany, dismissNotice } = useCompanies.getState();

  useEffect(() => {
    if (status === 'idle') void load();
  }, [status, load]);

  const back = (
    <button type="button" className="link-button back-link" onClick={goHome}>
      ← All companies
    </button>
  );
  if (!company) {
    return (
      <section className="page">
        {back}
        {status === 'ready' ? (
          <Banner tone="error" title="This company is no longer in Bureau Sync">
            It may have been removed.
          </Banner>
        ) : (
          <Loading label="Loading company…" />
        )}
      </section>
    );
  }
  const syncing = company.running || requested;
  const attempt = company.lastAttempt;

  return (
    <section className="page" aria-labelledby="company-title" data-testid="company-page">
      {back}
      <header className="page-header">
        <div>
          <h1 id="company-title">
            {company.name} {company.paused && <Badge tone="grey">Paused</Badge>}
          </h1>
          <p className="muted">
            {providerName(company)} · Last successful sync <RelativeTime at={company.lastSuccessfulSyncAt} />
            {company.nextSyncAt && !company.paused && (
              <>
                {' '}
                · Next sync <RelativeTime at={company.nextSyncAt} />
              </>
            )}
          </p>
        </div>
        <div className="page-actions">
          <Button
            variant="primary"
            busy={requested}
            disabled={company.running}
            onClick={() => void syncCompany(companyId)}
          >
            {syncing ? 'Syncing…' : 'Sync now'}
          </Button>
        </div>
      </header>
      {syncing && tab !== 'history' && <SyncProgressBar companyId={companyId} />}
      {notice && (
        <Banner tone={notice.tone} title={notice.title} onDismiss={dismissNotice}>
          {notice.text}
        </Banner>
      )}
      {!company.reviewed && company.provider !== 'demo' && (
        <Banner
          tone="warning"
          title="Set-up not finished"
          action={
            <Button variant="primary" onClick={() => resumeSetup(company)}>
              Resume set-up
            </Button>
          }
        >
          Choose who to sync and match the fields, then run the first sync. Until then nothing syncs for this company.
        </Banner>
      )}
      {!syncing && attempt?.status === 'failed' && attempt.error && (
        <Banner
          tone="error"
          title={credentialsFailed(attempt.error.code) ? 'The credentials stopped working' : 'The last sync failed'}
          testId="last-sync-failed"
          action={
            credentialsFailed(attempt.error.code) && company.provider !== 'demo' ? (
              <Button variant="primary" onClick={() => openConnectionSettings(companyId)}>
                Replace credentials
              </Button>
            ) : undefined
          }
        >
          {attempt.error.message}
        </Banner>
      )}
      <CompanyTabs companyId={companyId} tab={tab} />
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} className="tabpanel">
        {tab === 'employees' && <EmployeesPanel companyId={companyId} />}
        {tab === 'exports' && <ExportsHistory companyId={companyId} />}
        {tab === 'history' && <SyncHistory companyId={companyId} running={syncing} />}
        {tab === 'payslips' && <PayslipsPanel companyId={companyId} />}
        {tab === 'settings' && <CompanySettingsPanel companyId={companyId} />}
      </div>
    </section>
  );
}
