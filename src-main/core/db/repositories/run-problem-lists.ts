import { createHash } from 'node:crypto';
import type { Db } from '../open';

/**
 * Each whole-company run keeps the company's full problem list as it stood (run_problems), so its history
 * and its CSV say what was wrong at that hour. An hourly run in which nothing changed finds the very list
 * the run before it kept, so it does not copy it again. A copy would be every problem of the company, every
 * hour: 31,000 rows an hour for a 10,000-person PeopleHR company in the bench, with no end to the file's
 * growth. Such a run points at the run whose rows hold that list instead (sync_runs.problems_run_id). Lists
 * are compared by a digest of their rows in order, worked out the first time it is needed and then kept.
 */
export const RUN_PROBLEM_COLUMNS = 'identity, name, field, code, severity, message, value';

/** The digest of a problem list: its rows, in order, each as the JSON of its column values. */
export function digestRows(rows: Iterable<unknown[]>): string {
  const h = createHash('sha1');
  for (const r of rows) h.update(JSON.stringify(r)).update('\n');
  return h.digest('hex');
}

export class RunProblemLists {
  constructor(private readonly db: Db) {}

  /**
   * Keeps a run's list, given as the FROM … ORDER BY of a query whose rows have RUN_PROBLEM_COLUMNS, in the
   * list's order (its named parameters in `params`). `mayRepeat`: the run changed nobody, so its list may be
   * the previous run's. Only then are the two compared, because a comparison reads the list once more (its
   * columns alone: the digest needs no run id, and slicing one off every row cost ~35 ms at 31,000 problems).
   */
  record(runId: string, companyId: string, from: string, params: Record<string, unknown>, mayRepeat: boolean): void {
    let digest: string | null = null;
    if (mayRepeat) {
      const prev = this.#previous(runId, companyId);
      if (prev) {
        const rows = this.db.prepare(`SELECT ${RUN_PROBLEM_COLUMNS} ${from}`).raw(true).iterate(params);
        digest = digestRows(rows as Iterable<unknown[]>);
        if (digest === (prev.digest ?? this.#digestOf(prev.id, prev.holder))) {
          this.db
            .prepare('UPDATE sync_runs SET problems_run_id = ?, problems_digest = ? WHERE id = ?')
            .run(prev.holder, digest, runId);
          return;
        }
      }
    }
    // The SELECT's own ORDER BY sets the rows' order (their rowids), which is the list's order.
    this.db
      .prepare(
        `INSERT INTO run_problems (run_id, ${RUN_PROBLEM_COLUMNS}) SELECT @runId, ${RUN_PROBLEM_COLUMNS} ${from}`,
      )
      .run({ ...params, runId });
    // Worked out already (a list that differed after all): kept, so the next run need not read it back.
    if (digest !== null) this.db.prepare('UPDATE sync_runs SET problems_digest = ? WHERE id = ?').run(digest, runId);
  }

  /** Gives `runId` the very list `fromRunId` has, shared with it (a run that repeats that run's outcome). */
  share(runId: string, fromRunId: string): void {
    this.db
      .prepare(
        `UPDATE sync_runs SET (problems_run_id, problems_digest) =
          (SELECT COALESCE(problems_run_id, id), problems_digest FROM sync_runs WHERE id = @from)
        WHERE id = @runId`,
      )
      .run({ runId, from: fromRunId });
  }

  /** The run whose rows hold `runId`'s list: itself, or the earlier run it shares its list with. */
  holderOf(runId: string): string {
    const r = this.db
      .prepare<[string], { holder: string }>(
        'SELECT COALESCE(problems_run_id, id) AS holder FROM sync_runs WHERE id = ?',
      )
      .get(runId);
    return r?.holder ?? runId;
  }

  /** The company's last successful whole-company run before this one: the list this run may repeat. */
  #previous(runId: string, companyId: string): { id: string; holder: string; digest: string | null } | undefined {
    return this.db
      .prepare<[string, string], { id: string; holder: string; digest: string | null }>(
        `SELECT id, COALESCE(problems_run_id, id) AS holder, problems_digest AS digest FROM sync_runs
        WHERE company_id = ? AND id != ? AND status = 'succeeded' AND trigger != 'employee'
        ORDER BY started_at DESC, rowid DESC LIMIT 1`,
      )
      .get(companyId, runId);
  }

  /** Works out (and keeps) the digest of a run's list from the rows that hold it. */
  #digestOf(runId: string, holder: string): string {
    const rows = this.db
      .prepare(`SELECT ${RUN_PROBLEM_COLUMNS} FROM run_problems WHERE run_id = ? ORDER BY rowid`)
      .raw(true)
      .iterate(holder);
    const digest = digestRows(rows as Iterable<unknown[]>);
    this.db.prepare('UPDATE sync_runs SET problems_digest = ? WHERE id = ?').run(digest, runId);
    return digest;
  }
}
