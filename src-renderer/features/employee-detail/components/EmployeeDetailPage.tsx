import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { Badge } from '../../../ui/Badge';
import { Banner } from '../../../ui/Banner';
import { Button } from '../../../ui/Button';
import { Loading } from '../../../ui/Spinner';
import { RelativeTime } from '../../../ui/RelativeTime';
import { openCompany } from '../../../app/navStore';
import { STATUS_HINTS, STATUS_LABELS, STATUS_TONES, rowStatus } from '../../employees/logic';
import { useEmployees } from '../../employees/store';
import { useEmployeeDetail } from '../store';
import { ChangeHistory } from './ChangeHistory';
import { FieldTable } from './FieldTable';
import { ProblemList } from './ProblemList';

export function EmployeeDetailPage({ companyId, employeeId }: { companyId: string; employeeId: number }) {
  const { detail, status, error } = useEmployeeDetail(
    useShallow((s) => ({ detail: s.detail, status: s.status, error: s.error })),
  );
  const load = useEmployeeDetail((s) => s.load);
  const { syncing, notice } = useEmployees(useShallow((s) => ({ syncing: !!s.syncing[employeeId], notice: s.notice })));
  const { syncEmployee, dismissNotice } = useEmployees.getState();

  useEffect(() => {
    void load(companyId, employeeId);
  }, [companyId, employeeId, load]);

  const back = (
    <button type="button" className="link-button back-link" onClick={() => openCompany(companyId, 'employees')}>
      ← All employees
    </button>
  );

  if (status === 'error' && error) {
    return (
      <section className="page">
        {back}
        <Banner
          tone="error"
          title="Could not open this employee"
          action={<Button onClick={() => void load(companyId, employeeId)}>Try again</Button>}
        >
          {error.message}
        </Banner>
      </section>
    );
  }
  if (!detail) {
    return (
      <section className="page">
        {back}
        <Loading label="Loading employee…" />
      </section>
    );
  }

  const st = rowStatus(detail);
  return (
    <section className="page employee-detail" aria-labelledby="employee-title" data-testid="employee-detail">
      {back}
      <header className="page-header">
        <div>
          <h1 id="employee-title">
            {detail.name}{' '}
            <Badge tone={STATUS_TONES[st]} title={STATUS_HINTS[st]}>
              {STATUS_LABELS[st]}
            </Badge>
          </h1>
          <p className="muted">
            Employee ID <span className="mono">{detail.shownId}</span>
            {detail.hrId !== detail.shownId && (
              <>
                {' '}
                · HR system ID <span className="mono">{detail.hrId}</span>
              </>
            )}{' '}
            · Last synced <RelativeTime at={detail.lastSyncedAt} testId="detail-synced" />
          </p>
        </div>
        <div className="page-actions">
          <Button variant="primary" busy={syncing} onClick={() => void syncEmployee(detail)}>
            {syncing ? 'Syncing…' : 'Sync now'}
          </Button>
        </div>
      </header>
      {notice && (
        <Banner tone={notice.tone} title={notice.title} onDismiss={dismissNotice} testId="employee-notice">
          {notice.text}
        </Banner>
      )}
      {detail.state === 'excluded' && (
        <Banner tone="info" title="Left out of payroll by the company’s filters" testId="excluded-by">
          {detail.excludedBy ?? 'A filter rule leaves this person out; the next sync names which one.'} Their payroll
          fields are not stored. To include them, change the rules in Settings → Who to sync.
        </Banner>
      )}
      <ProblemList problems={detail.problems} />
      <FieldTable detail={detail} />
      <ChangeHistory changes={detail.changes} />
    </section>
  );
}
