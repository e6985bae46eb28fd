import type { EmployeeRow, StatusFilter } from '../../../src-main/contract/employees';
import { PAYROLL_FIELD_LABELS } from '../../../src-main/contract/payroll';
import type { BadgeTone } from '../../ui/Badge';

export const PAGE_SIZE = 200;
/** Pages kept in memory; the list never mirrors the whole table (50,000 rows stay in SQLite). */
export const MAX_CACHED_PAGES = 24;
export const ROW_HEIGHT = 44;

export type RowStatus = Exclude<StatusFilter, 'all'>;

export const STATUS_LABELS: Record<StatusFilter, string> = {
  all: 'All',
  ready: 'Ready',
  pending: 'Pending',
  leaver: 'Leaver',
  excluded: 'Excluded',
  missing: 'Missing',
};

export const STATUS_HINTS: Record<RowStatus, string> = {
  ready: 'Ready for payroll',
  pending: 'Has problems to fix in the HR system before payroll',
  leaver: 'Has left: the HR system shows a leave date',
  excluded: 'Left out by this company’s filters',
  missing: 'No longer in the HR system’s list',
};

export const STATUS_TONES: Record<RowStatus, BadgeTone> = {
  ready: 'green',
  pending: 'amber',
  leaver: 'grey',
  excluded: 'grey',
  missing: 'grey',
};

/** One badge per row: a leaver/excluded/missing state wins over readiness. */
export function rowStatus(row: Pick<EmployeeRow, 'state' | 'readiness'>): RowStatus {
  return row.state === 'active' ? row.readiness : row.state;
}

/** Page indexes covering rows [start, end]. */
export function pagesForRange(start: number, end: number, pageSize = PAGE_SIZE): number[] {
  if (end < start) return [];
  const out: number[] = [];
  for (let p = Math.floor(start / pageSize); p <= Math.floor(end / pageSize); p++) out.push(p);
  return out;
}

/** Drops the cached pages furthest from the ones in view once the cache is over its limit. */
export function evictPages<T>(pages: Record<number, T>, keepNear: number, max = MAX_CACHED_PAGES): Record<number, T> {
  const keys = Object.keys(pages).map(Number);
  if (keys.length <= max) return pages;
  const keep = keys.sort((a, b) => Math.abs(a - keepNear) - Math.abs(b - keepNear)).slice(0, max);
  const out: Record<number, T> = {};
  for (const k of keep) out[k] = pages[k] as T;
  return out;
}

/**
 * What the list's Problems column says: the first blocking problem in words ("NI category letter missing")
 * and how many more, so the list answers "what is wrong?" without opening everyone; for someone the filters
 * leave out, the rule that does.
 */
export function problemText(
  row: Pick<EmployeeRow, 'problemCount' | 'warningCount'> &
    Partial<Pick<EmployeeRow, 'firstProblem' | 'state' | 'excludedBy'>>,
): string {
  if (row.state === 'excluded' && row.excludedBy) return row.excludedBy;
  if (row.problemCount === 0 && row.warningCount === 0) return 'None';
  const parts: string[] = [];
  if (row.problemCount && row.firstProblem) {
    const label = PAYROLL_FIELD_LABELS[row.firstProblem.field] ?? row.firstProblem.field;
    const what =
      row.firstProblem.code === 'missing'
        ? 'missing'
        : row.firstProblem.code === 'duplicate_id'
          ? 'shared with someone else'
          : 'not valid';
    parts.push(`${label} ${what}${row.problemCount > 1 ? ` +${row.problemCount - 1} more` : ''}`);
  } else if (row.problemCount) parts.push(`${row.problemCount} problem${row.problemCount === 1 ? '' : 's'}`);
  if (row.warningCount) parts.push(`${row.warningCount} warning${row.warningCount === 1 ? '' : 's'}`);
  return parts.join(', ');
}
