import type { CompanySummary } from '../../../../src-main/contract/companies';
import { Badge } from '../../../ui/Badge';
import { RelativeTime } from '../../../ui/RelativeTime';
import { RUN_STATUS_LABELS, RUN_STATUS_TONES } from '../../sync/logic';
import { openConnectionSettings } from '../../../app/navStore';
import { credentialsFailed } from '../logic';

/** The last attempt's outcome; a failure says why, in words. */
export function LastAttemptCell({ company: c }: { company: CompanySummary }) {
  const a = c.lastAttempt;
  if (!a) return <span className="muted">{c.reviewed ? 'No sync yet' : 'Not synced yet'}</span>;
  return (
    <div className="attempt">
      <div className="attempt-line">
        <Badge tone={RUN_STATUS_TONES[a.status]}>{RUN_STATUS_LABELS[a.status]}</Badge> <RelativeTime at={a.at} />
      </div>
      {a.error && (
        <p className="attempt-error" data-testid="last-attempt-error">
          {a.error.message}
        </p>
      )}
      {a.status === 'failed' && a.error && credentialsFailed(a.error.code) && c.provider !== 'demo' && (
        <button type="button" className="link-button" onClick={() => openConnectionSettings(c.id)}>
          Replace credentials
        </button>
      )}
    </div>
  );
}
