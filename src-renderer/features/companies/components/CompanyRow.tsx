import type { CompanySummary } from '../../../../src-main/contract/companies';
import { formatCount } from '../../../lib/format';
import { Badge } from '../../../ui/Badge';
import { Button } from '../../../ui/Button';
import { RelativeTime } from '../../../ui/RelativeTime';
import { openCompany } from '../../../app/navStore';
import { resumeSetup } from '../../connection-wizard/resume';
import { SyncProgressBar } from '../../sync/components/SyncProgressBar';
import { neverSynced, providerName } from '../logic';
import { useCompanies } from '../store';
import { countsAreOld } from '../attention';
import { LastAttemptCell } from './LastAttemptCell';
import { ChangesCountCell } from '../../payroll-export/components/ChangesCountCell';

export function CompanyRow({ company: c }: { company: CompanySummary }) {
  const requested = useCompanies((s) => s.requested[c.id] ?? false);
  const syncCompany = useCompanies((s) => s.syncCompany);
  const syncing = c.running || requested;
  return (
    <tr data-testid="company-row" data-company-id={c.id} aria-busy={syncing || undefined}>
      <th scope="row" className="company-name-cell">
        <button type="button" className="link-button company-name" onClick={() => openCompany(c.id)}>
          {c.name}
        </button>
        <span className="badges">
          {c.paused && (
            <Badge tone="grey" title="Scheduled syncs are paused for this company">
              Paused
            </Badge>
          )}
          {!c.reviewed && (
            <Badge tone="amber" title="Finish setting up this company to start syncing">
              Set-up not finished
            </Badge>
          )}
        </span>
      </th>
      <td>{providerName(c)}</td>
      <td>
        <RelativeTime at={c.lastSuccessfulSyncAt} testId="last-success" />
      </td>
      <td className="attempt-cell">
        {syncing ? <SyncProgressBar companyId={c.id} compact /> : <LastAttemptCell company={c} />}
      </td>
      {neverSynced(c) ? (
        <>
          <NotSyncedCell testId="count-ready" />
          <NotSyncedCell testId="count-pending" />
          <NotSyncedCell testId="count-leaver" />
          <NotSyncedCell testId="count-changes" />
        </>
      ) : (
        <>
          <td className="num">
            <button
              type="button"
              className="count-link count-ready"
              data-testid="count-ready"
              onClick={() => openCompany(c.id)}
              aria-label={`${formatCount(c.counts.ready)} ready`}
            >
              {formatCount(c.counts.ready)}
            </button>
          </td>
          <td className="num">
            <button
              type="button"
              className="count-link count-pending"
              data-testid="count-pending"
              onClick={() => openCompany(c.id)}
              aria-label={`${formatCount(c.counts.pending)} pending`}
            >
              {formatCount(c.counts.pending)}
            </button>
          </td>
          <td className="num" data-testid="count-leaver">
            {formatCount(c.counts.leaver)}
            {countsAreOld(c) && (
              // The last attempt failed: these counts are what the last successful sync found, not now.
              <span className="counts-as-of muted small" data-testid="counts-as-of">
                as of <RelativeTime at={c.lastSuccessfulSyncAt} />
              </span>
            )}
          </td>
          <ChangesCountCell companyId={c.id} name={c.name} />
        </>
      )}
      <td className="actions-cell">
        {c.reviewed || c.provider === 'demo' ? (
          <Button
            size="small"
            busy={requested}
            disabled={c.running}
            onClick={() => void syncCompany(c.id)}
            aria-label={`Sync ${c.name} now`}
          >
            Sync now
          </Button>
        ) : (
          <Button
            size="small"
            variant="primary"
            onClick={() => resumeSetup(c)}
            aria-label={`Resume set-up of ${c.name}`}
          >
            Resume set-up
          </Button>
        )}
      </td>
    </tr>
  );
}

/** A count for a company that has never synced: not zero, just not known yet. */
function NotSyncedCell({ testId }: { testId: string }) {
  return (
    <td className="num muted" data-testid={testId} title="Not synced yet">
      <span aria-hidden="true">—</span>
      <span className="visually-hidden">Not synced yet</span>
    </td>
  );
}
