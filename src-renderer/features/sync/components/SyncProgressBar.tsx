import { ProgressBar } from '../../../ui/ProgressBar';
import { Spinner } from '../../../ui/Spinner';
import { progressText } from '../logic';
import { useSync } from '../store';

/** "Syncing…" with the live phase and count for one company, fed by sync.progress events. */
export function SyncProgressBar({ companyId, compact = false }: { companyId: string; compact?: boolean }) {
  const p = useSync((s) => s.progress[companyId]);
  const text = progressText(p);
  return (
    <div className={`sync-progress${compact ? ' compact' : ''}`} data-testid="sync-progress">
      <div className="sync-progress-text" role="status" aria-live="polite">
        <Spinner small /> <strong>Syncing…</strong> <span className="muted">{text}</span>
      </div>
      <ProgressBar value={p?.processed ?? 0} total={p?.total ?? null} label={`Sync progress: ${text}`} />
    </div>
  );
}
