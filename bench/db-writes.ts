import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';

/**
 * What a sync wrote, seen from outside the app: a second, read-only connection fingerprints every
 * column of every employees row (so a touched last_synced_at counts) and counts field_changes and
 * run_problems (the problem list each run keeps), before and after. total_changes() would only see this
 * connection's own writes, hence the snapshots.
 */
export interface DbSnapshot {
  /** Per employee id: one short fingerprint per column. */
  rows: Map<number, Map<string, string>>;
  fieldChanges: number;
  runProblems: number;
}

const fingerprint = (v: unknown) =>
  createHash('sha1')
    .update(JSON.stringify(v ?? null))
    .digest('base64')
    .slice(0, 12);

export function snapshot(dbFile: string, companyId: string): DbSnapshot {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    const rows = new Map<number, Map<string, string>>();
    const stmt = db.prepare('SELECT * FROM employees WHERE company_id = ?');
    for (const row of stmt.iterate(companyId) as IterableIterator<Record<string, unknown> & { id: number }>) {
      rows.set(row.id, new Map(Object.entries(row).map(([k, v]) => [k, fingerprint(v)])));
    }
    const fieldChanges = (
      db.prepare('SELECT COUNT(*) AS n FROM field_changes WHERE company_id = ?').get(companyId) as { n: number }
    ).n;
    const runProblems = (
      db
        .prepare('SELECT COUNT(*) AS n FROM run_problems p JOIN sync_runs r ON r.id = p.run_id WHERE r.company_id = ?')
        .get(companyId) as { n: number }
    ).n;
    return { rows, fieldChanges, runProblems };
  } finally {
    db.close();
  }
}

export interface Writes {
  /** employees rows inserted, deleted or with any column changed. */
  employeeRows: number;
  fieldChangesAdded: number;
  runProblemsAdded: number;
  /** What the targets call "rows written". */
  total: number;
  /** How many rows each column changed in: says which write the engine could skip. */
  columns: Record<string, number>;
}

export function writesBetween(before: DbSnapshot, after: DbSnapshot): Writes {
  let employeeRows = 0;
  const columns: Record<string, number> = {};
  for (const [id, cols] of after.rows) {
    const old = before.rows.get(id);
    let changed = !old;
    for (const [col, sum] of cols) {
      if (old && old.get(col) !== sum) {
        changed = true;
        columns[col] = (columns[col] ?? 0) + 1;
      }
    }
    if (changed) employeeRows += 1;
  }
  for (const id of before.rows.keys()) if (!after.rows.has(id)) employeeRows += 1;
  const fieldChangesAdded = after.fieldChanges - before.fieldChanges;
  const runProblemsAdded = after.runProblems - before.runProblems;
  return {
    employeeRows,
    fieldChangesAdded,
    runProblemsAdded,
    total: employeeRows + fieldChangesAdded + runProblemsAdded,
    columns,
  };
}

export function describeColumns(columns: Record<string, number>): string {
  const list = Object.entries(columns).sort((a, b) => b[1] - a[1]);
  return list.length ? ` (columns: ${list.map(([c, n]) => `${c} ×${n}`).join(', ')})` : '';
}
