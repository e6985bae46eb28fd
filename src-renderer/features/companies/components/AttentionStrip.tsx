import type { CompanySummary } from '../../../../src-main/contract/companies';
import { openCompany, openConnectionSettings } from '../../../app/navStore';
import { formatCount, plural } from '../../../lib/format';
import { Button } from '../../../ui/Button';
import { RelativeTime } from '../../../ui/RelativeTime';
import { attention } from '../attention';
import { useChangesCounts, useExport } from '../../payroll-export/store';

const openExport = (companyId: string) => {
  openCompany(companyId, 'employees');
  void useExport.getState().show(companyId);
};

/** Above the companies table: what needs attention today, each item one click from where it is fixed. */
export function AttentionStrip({ companies }: { companies: CompanySummary[] }) {
  const changes = useChangesCounts((s) => s.byCompany);
  const a = attention(companies, changes);
  if (a.items.length === 0 && a.pending === 0 && a.awaiting === 0) return null;
  return (
    <section className="card attention" aria-labelledby="attention-title" data-testid="attention-strip">
      <h2 id="attention-title">Needs attention today</h2>
      <ul className="attention-list">
        {a.items.map((i) => (
          <li key={i.companyId} data-testid="attention-item">
            <strong>{i.name}</strong>:{' '}
            {i.kind === 'credentials' ? 'the credentials stopped working' : 'the last sync failed'}.{' '}
            <span className="muted">{i.message}</span>{' '}
            <span className="muted">
              Counts as of <RelativeTime at={i.asOf} />.
            </span>{' '}
            {i.kind === 'credentials' ? (
              <Button size="small" variant="primary" onClick={() => openConnectionSettings(i.companyId)}>
                Replace credentials
              </Button>
            ) : (
              <Button size="small" onClick={() => openCompany(i.companyId, 'history')}>
                See the sync history
              </Button>
            )}
          </li>
        ))}
        {a.bank.map((b) => (
          <li key={`bank-${b.companyId}`} data-testid="attention-bank">
            <strong>{b.name}</strong>: {plural(b.count, 'employee’s bank details', 'employees’ bank details')} changed
            since the last export.{' '}
            <span className="muted">
              Confirm with the employee before paying: payroll diversion fraud arrives as a bank-detail change.
            </span>{' '}
            <Button size="small" onClick={() => openExport(b.companyId)}>
              See the changes
            </Button>
          </li>
        ))}
        {a.awaiting > 0 && (
          <li data-testid="attention-awaiting">
            <strong>{plural(a.awaiting, 'employee', 'employees')}</strong> across{' '}
            {plural(a.awaitingCompanies, 'company', 'companies')} changed since the last export and await the next pay
            run (the To export column says where).
          </li>
        )}
        {a.pending > 0 && (
          <li data-testid="attention-pending">
            <strong>{formatCount(a.pending)} Pending</strong> {a.pending === 1 ? 'employee' : 'employees'} across{' '}
            {plural(a.pendingCompanies, 'company', 'companies')}: they cannot be paid from Bureau Sync’s data until
            their problems are fixed in the HR system.
          </li>
        )}
      </ul>
    </section>
  );
}
