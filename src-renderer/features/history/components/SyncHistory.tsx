import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { Banner } from '../../../ui/Banner';
import { Button } from '../../../ui/Button';
import { EmptyState } from '../../../ui/EmptyState';
import { Loading } from '../../../ui/Spinner';
import { SyncProgressBar } from '../../sync/components/SyncProgressBar';
import { COUNT_COLUMNS } from '../logic';
import { useHistory } from '../store';
import { RunRow } from './RunRow';

/** Every sync run of one company, newest first, with live progress while one runs. */
export function SyncHistory({ companyId, running }: { companyId: string; running: boolean }) {
  const { runs, status, error, downloadError } = useHistory(
    useShallow((s) => ({ runs: s.runs, status: s.status, error: s.error, downloadError: s.downloadError })),
  );
  const { load, dismissDownloadError } = useHistory.getState();

  useEffect(() => {
    void load(companyId);
  }, [companyId, load]);

  return (
    <div className="history" data-testid="sync-history">
      {running && (
        <div className="card">
          <SyncProgressBar companyId={companyId} />
        </div>
      )}
      {downloadError && (
        <Banner tone="error" title="Could not download the problems" onDismiss={dismissDownloadError}>
          {downloadError}
        </Banner>
      )}
      {status === 'error' && error && (
        <Banner
          tone="error"
          title="Could not read the sync history"
          action={<Button onClick={() => void load(companyId)}>Try again</Button>}
        >
          {error.message}
        </Banner>
      )}
      {status === 'loading' && <Loading label="Loading sync history…" />}
      {status === 'ready' && runs.length === 0 && (
        <EmptyState title="No syncs yet">
          This company has not been synced. Use “Sync now” to fetch its employees.
        </EmptyState>
      )}
      {runs.length > 0 && (
        <div className="table-wrap">
          <table className="table history-table">
            <thead>
              <tr>
                <th scope="col">Started</th>
                <th scope="col">Trigger</th>
                <th scope="col">Status</th>
                <th scope="col" className="num">
                  Took
                </th>
                {COUNT_COLUMNS.map((c) => (
                  <th scope="col" className="num" key={c.key}>
                    {c.label}
                  </th>
                ))}
                <th scope="col">
                  <span className="visually-hidden">Download</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {runs.map((run) => (
                <RunRow key={run.runId} run={run} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
