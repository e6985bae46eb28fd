import type { CompanySummary } from '../../../../src-main/contract/companies';
import { openCompany, openConnectionSettings } from '../../../app/navStore';
import { formatCount, plural } from '../../../lib/format';
import { Button } from '../../../ui/Button';
import { RelativeTime } from '../../../ui/RelativeTime';
import { attention } from '../attention';

/** Above the companies table: what needs attention today, each item one click from where it is fixed. */
export function AttentionStrip({ companies }: { companies: CompanySummary[] }) {
  const a = attention(companies);
  if (a.items.length === 0 && a.pending === 0) return null;
  return (
    <section className="card attention" aria-labelledby="attention-title" data-testid="attention-strip">
      <h2 id="attention-title">Needs attention today</h2>
      <ul className="attention-list">
        {a.items.map((i) => (
          <li key={i.companyId} data-testid="attention-item">
            <strong>{i.name}</strong>: {i.kind === 'credentials' ? 'the credentials stopped working' : 'the last sync failed'}. <span className="muted">{i.message}</span>{' '}
            <span className="muted">Counts as of <RelativeTime at={i.asOf} />.</span>{' '}
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
        {a.pending > 0 && (
          <li data-testid="attention-pending">
            <strong>{formatCount(a.pending)} Pending</strong> {a.pending === 1 ? 'employee' : 'employees'} across {plural(a.pendingCompanies, 'company', 'companies')}: they
            cannot be paid from Bureau Sync’s data until their problems are fixed in the HR system.
          </li>
        )}
      </ul>
    </section>
  );
}
