import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { Banner } from '../../../ui/Banner';
import { Button } from '../../../ui/Button';
import { Loading } from '../../../ui/Spinner';
import { useNav } from '../../../app/navStore';
import { sortCompanies } from '../logic';
import { useCompanies } from '../store';
import { AttentionStrip } from './AttentionStrip';
import { CompanyRow } from './CompanyRow';
import { NoCompanies } from './NoCompanies';
import { CrossCompanySearch } from '../../search/components/CrossCompanySearch';
import { useChangesCounts } from '../../payroll-export/store';

export function CompaniesHome() {
  const { companies, status, error, notice, syncingAll, demoStarting, pausing } = useCompanies(
    useShallow((s) => ({
      companies: s.companies,
      status: s.status,
      error: s.error,
      notice: s.notice,
      syncingAll: s.syncingAll,
      demoStarting: s.demoStarting,
      pausing: s.pausing,
    })),
  );
  const { load, syncAll, pauseAll, dismissNotice } = useCompanies.getState();
  const go = useNav((s) => s.go);

  useEffect(() => {
    void load();
  }, [load]);
  // Changes awaiting the next pay run follow every sync and export (both change the companies list).
  useEffect(() => {
    if (companies.length > 0) void useChangesCounts.getState().load();
  }, [companies]);

  const anyRunning = companies.some((c) => c.running);
  const anyActive = companies.some((c) => !c.paused);
  const anyPaused = companies.some((c) => c.paused);

  return (
    <section className="page" aria-labelledby="home-title" data-testid="companies-home">
      <header className="page-header">
        <div>
          <h1 id="home-title">Client companies</h1>
          <p className="muted">
            Each company’s employees, pulled from its HR system and checked against UK payroll rules.
          </p>
        </div>
        {companies.length > 0 && (
          <div className="page-actions">
            <Button onClick={() => go({ name: 'wizard' })}>Add company</Button>
            {anyPaused && (
              <Button
                busy={pausing === 'resume'}
                disabled={pausing !== null}
                onClick={() => void pauseAll(false)}
                title="Resume syncing for every paused company"
              >
                Resume all
              </Button>
            )}
            {anyActive && (
              <Button
                busy={pausing === 'pause'}
                disabled={pausing !== null}
                onClick={() => void pauseAll(true)}
                title="Stop scheduled syncs for every company until you resume"
              >
                Pause all
              </Button>
            )}
            <Button
              variant="primary"
              busy={syncingAll}
              disabled={anyRunning && !syncingAll}
              onClick={() => void syncAll()}
            >
              {syncingAll ? 'Syncing all…' : 'Sync all now'}
            </Button>
          </div>
        )}
      </header>

      {notice && (
        <Banner tone={notice.tone} title={notice.title} onDismiss={dismissNotice} testId="home-notice">
          {notice.text}
        </Banner>
      )}

      {status === 'error' && error && (
        <Banner
          tone="error"
          title="Could not load your companies"
          action={<Button onClick={() => void load()}>Try again</Button>}
        >
          {error.message}
        </Banner>
      )}

      {(status === 'idle' || status === 'loading') && <Loading label="Loading companies…" />}

      {status === 'ready' && companies.length === 0 && <NoCompanies starting={demoStarting} />}

      {companies.length > 0 && <AttentionStrip companies={companies} />}

      {companies.length > 0 && <CrossCompanySearch />}

      {companies.length > 0 && (
        <div className="table-wrap">
          <table className="table companies-table" data-testid="companies-table">
            <thead>
              <tr>
                <th scope="col">Company</th>
                <th scope="col">HR system</th>
                <th scope="col">Last successful sync</th>
                <th scope="col">Last attempt</th>
                <th scope="col" className="num">
                  Ready
                </th>
                <th scope="col" className="num">
                  Pending
                </th>
                <th scope="col" className="num">
                  Leavers
                </th>
                <th
                  scope="col"
                  className="num"
                  title="Employees with changes awaiting the next pay run, since the last export"
                >
                  To export
                </th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {sortCompanies(companies).map((c) => (
                <CompanyRow key={c.id} company={c} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
