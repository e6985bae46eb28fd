import type { RunCounts, RunSummary } from '../../../src-main/contract/sync';
import { formatDuration } from '../../lib/format';

export const COUNT_COLUMNS: Array<{ key: keyof RunCounts; label: string }> = [
  { key: 'created', label: 'New' },
  { key: 'updated', label: 'Updated' },
  { key: 'unchanged', label: 'Unchanged' },
  { key: 'excluded', label: 'Excluded' },
  { key: 'leavers', label: 'Leavers' },
  { key: 'missing', label: 'Missing' },
  { key: 'problems', label: 'Problems' },
];

export function runDuration(run: Pick<RunSummary, 'startedAt' | 'finishedAt'>, now = Date.now()): string {
  const start = Date.parse(run.startedAt);
  const end = run.finishedAt ? Date.parse(run.finishedAt) : now;
  if (Number.isNaN(start) || Number.isNaN(end)) return '–';
  return formatDuration(end - start);
}

/** What to say under a run: its error, or its note ("Skipped: syncing is paused…"). */
export function runMessage(run: RunSummary): { tone: 'error' | 'note'; text: string } | null {
  if (run.error) return { tone: 'error', text: run.error.message };
  if (run.note) return { tone: 'note', text: run.note };
  return null;
}
