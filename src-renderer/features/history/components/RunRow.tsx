import { Fragment } from 'react';
import { TRIGGER_LABELS, type RunSummary } from '../../../../src-main/contract/sync';
import { formatCount, formatDateTime } from '../../../lib/format';
import { useNow } from '../../../lib/useNow';
import { Badge } from '../../../ui/Badge';
import { Button } from '../../../ui/Button';
import { RelativeTime } from '../../../ui/RelativeTime';
import { RUN_STATUS_LABELS, RUN_STATUS_TONES } from '../../sync/logic';
import { COUNT_COLUMNS, runDuration, runMessage } from '../logic';
import { useHistory } from '../store';

export function RunRow({ run }: { run: RunSummary }) {
  const now = useNow();
  const busy = useHistory((s) => !!s.downloading[run.runId]);
  const download = useHistory((s) => s.downloadProblems);
  const msg = runMessage(run);
  return (
    <Fragment>
      <tr data-testid="run-row" data-status={run.status} className={msg ? 'has-message' : undefined}>
        <td className="nowrap">
          {formatDateTime(run.startedAt)}
          <div className="muted small">
            <RelativeTime at={run.startedAt} />
          </div>
        </td>
        <td className="trigger">
          {TRIGGER_LABELS[run.trigger]}
          {run.employeeHrId && <div className="muted small">Employee {run.employeeHrId}</div>}
        </td>
        <td>
          <Badge tone={RUN_STATUS_TONES[run.status]}>{RUN_STATUS_LABELS[run.status]}</Badge>
        </td>
        <td className="num nowrap">{runDuration(run, now)}</td>
        {COUNT_COLUMNS.map((c) => (
          <td className={`num${c.key === 'problems' && run.counts.problems > 0 ? ' has-problems' : ''}`} key={c.key}>
            {formatCount(run.counts[c.key])}
          </td>
        ))}
        <td className="actions-cell">
          {run.status !== 'running' && (
            <Button
              size="small"
              busy={busy}
              disabled={run.counts.problems === 0}
              title={run.counts.problems === 0 ? 'This run found no problems' : undefined}
              onClick={() => void download(run.runId)}
              aria-label={`Download problems (CSV) for the run started ${formatDateTime(run.startedAt)}`}
            >
              Download problems (CSV)
            </Button>
          )}
        </td>
      </tr>
      {msg && (
        <tr className="run-message-row">
          <td
            colSpan={5 + COUNT_COLUMNS.length}
            className={msg.tone === 'error' ? 'run-error' : 'muted'}
            data-testid="run-message"
          >
            {msg.text}
          </td>
        </tr>
      )}
    </Fragment>
  );
}
