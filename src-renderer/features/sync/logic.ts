import type { RunStatus, SyncPhase, SyncProgress } from '../../../src-main/contract/sync';
import type { BadgeTone } from '../../ui/Badge';
import { formatCount } from '../../lib/format';

export const PHASE_LABELS: Record<SyncPhase, string> = {
  connecting: 'Connecting to the HR system',
  fetching: 'Fetching employees',
  checking: 'Checking payroll rules',
  writing: 'Saving',
};

/** "Fetching employees: 120 of 320" */
export function progressText(p: SyncProgress | undefined): string {
  if (!p) return 'Starting…';
  const phase = PHASE_LABELS[p.phase];
  if (p.total !== null && p.total > 0) return `${phase}: ${formatCount(p.processed)} of ${formatCount(p.total)}`;
  if (p.processed > 0) return `${phase}: ${formatCount(p.processed)} so far`;
  return `${phase}…`;
}

export const RUN_STATUS_LABELS: Record<RunStatus, string> = {
  running: 'Running',
  succeeded: 'Succeeded',
  failed: 'Failed',
  skipped: 'Skipped',
  cancelled: 'Cancelled',
};

export const RUN_STATUS_TONES: Record<RunStatus, BadgeTone> = {
  running: 'blue',
  succeeded: 'green',
  failed: 'red',
  skipped: 'grey',
  cancelled: 'grey',
};
