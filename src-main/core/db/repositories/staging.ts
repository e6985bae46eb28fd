import type { Db } from '../open';
import type { EmployeeState, Readiness } from '../../../contract/payroll';
import type { RunCounts } from '../../../contract/sync';
import { RunProblemLists } from './run-problem-lists';

/**
 * What a streaming sync decided, record by record, before any employee changes. Rows are committed page
 * by page while the HR system is still being read; `apply` then changes the employees from them in
 * set-based statements inside the run's one transaction, and removes them. The table is TEMP: it is this
 * connection's alone and needs no durability (a killed run's decisions must vanish anyway, and do with
 * the connection), so staging costs no journal or fsync, and its pages live in a temporary file.
 */
const SCHEMA = `
  CREATE TEMP TABLE IF NOT EXISTS sync_staging (
    run_id        TEXT NOT NULL,
    company_id    TEXT NOT NULL,
    seq           INTEGER NOT NULL,
    -- insert | update | same | exclude | problem
    kind          TEXT NOT NULL,
    -- the identity this record holds in the fetch (NULL when it has none): decides who is missing
    seen_identity TEXT,
    identity      TEXT NOT NULL,
    employee_id   INTEGER,
    hr_id         TEXT,
    display_name  TEXT NOT NULL,
    state         TEXT,
    readiness     TEXT,
    values_json   TEXT,
    sources_json  TEXT,
    record_json   TEXT,
    record_hash   TEXT,
    raw_hash      TEXT,
    config_hash   TEXT,
    problem_count INTEGER NOT NULL DEFAULT 0,
    warning_count INTEGER NOT NULL DEFAULT 0,
    is_leaver     INTEGER NOT NULL DEFAULT 0,
    -- exclude: whether the stored employee's state must change; same: whether only the decision hashes are rewritten
    flag          INTEGER NOT NULL DEFAULT 0,
    problems_json TEXT NOT NULL DEFAULT '[]',
    changes_json  TEXT NOT NULL DEFAULT '[]',
    -- exclude: the filter rule that leaves the person out, in words
    excluded_by   TEXT,
    -- the stored employee's identity before this run, when it was matched by HR id after an ID-field change
    rekey_from    TEXT
  );
  CREATE UNIQUE INDEX IF NOT EXISTS temp.sync_staging_by_run ON sync_staging (run_id, seq);
  CREATE INDEX IF NOT EXISTS temp.sync_staging_by_company ON sync_staging (company_id);
  -- apply's statements each pick one kind of decision: without this each scanned every staged row (~6 ms a
  -- statement at 10,000 people, most of them finding none)
  CREATE INDEX IF NOT EXISTS temp.sync_staging_by_kind ON sync_staging (run_id, kind);
`;
export type StagedKind = 'insert' | 'update' | 'same' | 'exclude' | 'problem';

export interface StagedProblem {
  field: string;
  code: string;
  severity: string;
  message: string;
  value: string | null;
}

export interface StagedRow {
  seq: number;
  kind: StagedKind;
  /** The identity the record holds in this fetch; null for a record without one. */
  seenIdentity: string | null;
  /** The identity run problems are reported under (the HR record's own id when it has no identity). */
  identity: string;
  employeeId: number | null;
  name: string;
  isLeaver: boolean;
  /** exclude: the stored employee's state must change; same: only the decision hashes are rewritten. */
  flag: boolean;
  /** Error-severity problems (what the run's "problems" count adds up). */
  problemCount: number;
  problems: StagedProblem[];
  write?: {
    hrId: string;
    state: EmployeeState;
    readiness: Readiness;
    valuesJson: string;
    sourcesJson: string;
    recordJson: string;
    recordHash: string;
    warningCount: number;
    changes: Array<{ field: string; from: string | null; to: string | null }>;
  };
  /** exclude: the filter rule that leaves the person out, in words. */
  excludedBy?: string | null;
  rawHash: string | null;
  configHash: string | null;
  /** Set when the employee was matched by the HR system's own id after the ID field changed: it takes `identity`. */
  rekeyFrom: string | null;
}

/**
 * A run that read only part of the company: the people the HR system reported as changed plus a roll call of
 * everyone's id (`presentIds`), or one employee ("Sync now" on them: `employeeId`), whose run speaks for them alone.
 */
export type PartialRead = { presentIds: string[] } | { employeeId: number };

export interface ApplyParams {
  runId: string;
  companyId: string;
  /** When the run read the HR system: the employees' "last synced". */
  syncedAt: string;
  /** When the run committed: the field history's time. */
  at: string;
  idField: string;
}

export class StagingRepository {
  readonly #insert;
  readonly #lists: RunProblemLists;

  constructor(private readonly db: Db) {
    this.#lists = new RunProblemLists(db);
    db.exec(SCHEMA);
    // Staged rows are written once and read once: a small cache is enough, and it is memory the app keeps.
    db.pragma('temp.cache_size = -2000');
    this.#insert =
      db.prepare(`INSERT OR REPLACE INTO sync_staging (run_id, company_id, seq, kind, seen_identity, identity, employee_id,
        hr_id, display_name, state, readiness, values_json, sources_json, record_json, record_hash, raw_hash, config_hash,
        problem_count, warning_count, is_leaver, flag, problems_json, changes_json, excluded_by, rekey_from)
      VALUES (@runId, @companyId, @seq, @kind, @seenIdentity, @identity, @employeeId, @hrId, @name, @state, @readiness, @valuesJson,
        @sourcesJson, @recordJson, @recordHash, @rawHash, @configHash, @problemCount, @warningCount, @isLeaver, @flag,
        @problemsJson, @changesJson, @excludedBy, @rekeyFrom)`);
  }

  /** Discards what earlier runs of this company left behind (killed or failed before their final transaction). */
  discardStale(companyId: string, keepRunId: string): void {
    this.db.prepare('DELETE FROM sync_staging WHERE company_id = ? AND run_id != ?').run(companyId, keepRunId);
  }

  discard(runId: string): void {
    const others = this.db.prepare('SELECT 1 FROM sync_staging WHERE run_id != ? LIMIT 1').get(runId);
    // Without a WHERE clause SQLite empties the table at once instead of deleting row by row.
    this.db
      .prepare(others ? 'DELETE FROM sync_staging WHERE run_id = ?' : 'DELETE FROM sync_staging')
      .run(...(others ? [runId] : []));
  }

  /** One page of decisions, committed on its own (a later replacement of the same seq overwrites it). */
  add(runId: string, companyId: string, rows: StagedRow[]): void {
    this.db.transaction(() => {
      for (const r of rows) {
        const w = r.write;
        this.#insert.run({
          runId,
          companyId,
          seq: r.seq,
          kind: r.kind,
          seenIdentity: r.seenIdentity,
          identity: r.identity,
          employeeId: r.employeeId,
          hrId: w?.hrId ?? null,
          name: r.name,
          state: w?.state ?? null,
          readiness: w?.readiness ?? null,
          valuesJson: w?.valuesJson ?? null,
          sourcesJson: w?.sourcesJson ?? null,
          recordJson: w?.recordJson ?? null,
          recordHash: w?.recordHash ?? null,
          rawHash: r.rawHash,
          configHash: r.configHash,
          problemCount: r.problemCount,
          warningCount: w?.warningCount ?? 0,
          isLeaver: r.isLeaver ? 1 : 0,
          flag: r.flag ? 1 : 0,
          problemsJson: JSON.stringify(r.problems),
          changesJson: JSON.stringify(w?.changes ?? []),
          excludedBy: r.excludedBy ?? null,
          rekeyFrom: r.rekeyFrom,
        });
      }
    })();
  }

  /**
   * Applies a complete run's decisions to the employees and records its run problems; the caller wraps
   * this in the run's one transaction. Returns the run's counts.
   */
  apply(p: ApplyParams, partial: PartialRead | null = null): RunCounts {
    const run = (sql: string) => this.db.prepare(sql).run(p);
    const staged = (kinds: string) => `FROM sync_staging s WHERE s.run_id = @runId AND s.kind IN (${kinds})`;
    const totals = this.db
      .prepare<[string], { kind: StagedKind; n: number; leavers: number; problems: number; changed: number }>(
        `SELECT kind, COUNT(*) AS n, SUM(is_leaver) AS leavers, SUM(problem_count) AS problems, SUM(changes_json != '[]') AS changed
        FROM sync_staging WHERE run_id = ? GROUP BY kind`,
      )
      .all(p.runId);
    const n = (k: StagedKind) => totals.find((t) => t.kind === k)?.n ?? 0;
    const changed = totals.find((t) => t.kind === 'update')?.changed ?? 0;
    const roll = partial && 'presentIds' in partial ? partial : null;
    const one = partial && 'employeeId' in partial ? partial.employeeId : null;

    // After an ID-field change: employees matched by HR id take their new identity first, through a placeholder
    // so that two employees swapping identities never collide on the (company, identity) key.
    run(`UPDATE employees SET identity = char(0) || 'rekey:' || id WHERE id IN (
        SELECT s.employee_id FROM sync_staging s WHERE s.run_id = @runId AND s.rekey_from IS NOT NULL)`);
    run(`UPDATE employees SET identity = s.identity
      FROM sync_staging s WHERE s.run_id = @runId AND s.rekey_from IS NOT NULL AND s.employee_id = employees.id`);
    // New employees, and people the filters leave out from their first sync on (listed, with the rule, no payroll fields).
    run(`INSERT INTO employees (company_id, identity, hr_id, display_name, state, readiness, values_json, sources_json, record_json,
        record_hash, problem_count, warning_count, first_synced_at, last_synced_at, last_run_id, raw_hash, config_hash, id_field, excluded_by)
      SELECT @companyId, identity, hr_id, display_name, state, readiness, values_json, sources_json, record_json, record_hash,
        problem_count, warning_count, @syncedAt, @syncedAt, @runId, raw_hash, config_hash, @idField, excluded_by
      FROM sync_staging s WHERE s.run_id = @runId
        AND (s.kind = 'insert' OR (s.kind = 'exclude' AND s.employee_id IS NULL AND s.record_json IS NOT NULL)) ORDER BY s.seq`);
    run(`UPDATE employees SET hr_id = s.hr_id, display_name = s.display_name, state = s.state, readiness = s.readiness,
        values_json = s.values_json, sources_json = s.sources_json, record_json = s.record_json, record_hash = s.record_hash,
        problem_count = s.problem_count, warning_count = s.warning_count, last_synced_at = @syncedAt, last_run_id = @runId,
        raw_hash = s.raw_hash, config_hash = s.config_hash, id_field = @idField, excluded_by = NULL
      FROM sync_staging s WHERE s.run_id = @runId AND s.kind = 'update' AND s.employee_id = employees.id`);
    run(`DELETE FROM employee_problems WHERE employee_id IN (SELECT s.employee_id ${staged("'update'")})`);
    run(`INSERT INTO employee_problems (employee_id, field, code, severity, message, value)
      SELECT e.id, j.value ->> 'field', j.value ->> 'code', j.value ->> 'severity', j.value ->> 'message', j.value ->> 'value'
      FROM sync_staging s JOIN employees e ON e.company_id = @companyId AND e.identity = s.identity, json_each(s.problems_json) j
      WHERE s.run_id = @runId AND s.kind IN ('insert', 'update') ORDER BY s.seq, j.key`);
    run(`INSERT INTO field_changes (company_id, employee_id, field, from_value, to_value, run_id, at)
      SELECT @companyId, s.employee_id, j.value ->> 'field', j.value ->> 'from', j.value ->> 'to', @runId, @at
      FROM sync_staging s, json_each(s.changes_json) j WHERE s.run_id = @runId AND s.kind = 'update' ORDER BY s.seq, j.key`);
    run(`UPDATE employees SET state = 'excluded', last_run_id = @runId
      WHERE id IN (SELECT s.employee_id ${staged("'exclude'")} AND s.flag = 1)`);
    // The rule in words, also for someone already excluded whose rules were since rewritten.
    run(`UPDATE employees SET excluded_by = s.excluded_by
      FROM sync_staging s WHERE s.run_id = @runId AND s.kind = 'exclude' AND s.employee_id = employees.id AND employees.excluded_by IS NOT s.excluded_by`);
    run(`UPDATE employees SET raw_hash = s.raw_hash, config_hash = s.config_hash, id_field = @idField
      FROM sync_staging s WHERE s.run_id = @runId AND s.kind = 'same' AND s.flag = 1 AND s.employee_id = employees.id`);
    const notStaged = `identity NOT IN (SELECT s.seen_identity FROM sync_staging s WHERE s.run_id = @runId AND s.seen_identity IS NOT NULL)`;
    // A partial read staged only the people who changed: the roll call says who else is still there.
    // One employee's read speaks for that employee alone.
    const missing = this.db
      .prepare(
        `UPDATE employees SET state = 'missing', last_run_id = @runId WHERE company_id = @companyId AND state != 'missing' AND ${notStaged}` +
          (roll ? ` AND identity NOT IN (SELECT value FROM json_each(@present))` : '') +
          (one !== null ? ' AND id = @one' : ''),
      )
      .run({
        ...p,
        ...(roll ? { present: JSON.stringify(roll.presentIds) } : {}),
        ...(one !== null ? { one } : {}),
      }).changes;
    // Someone asked for this one employee: even when nothing changed, "last synced" must say it was checked now.
    if (one !== null) {
      this.db
        .prepare(
          `UPDATE employees SET last_synced_at = @syncedAt, last_run_id = @runId WHERE id = @one AND state != 'missing' AND last_run_id IS NOT @runId`,
        )
        .run({ ...p, one });
    }
    const rest = roll ? this.#unstagedCurrent(p) : { n: 0, leavers: 0, problems: 0 };
    // The run's problem list: the staged records' problems in the order the HR system listed them, then, for a
    // partial read, those of everyone it did not stage, so the list describes the whole company as a full read's would.
    const list = `FROM (
        SELECT 0 AS part, s.seq AS k1, j.key AS k2, s.identity AS identity, s.display_name AS name, j.value ->> 'field' AS field,
          j.value ->> 'code' AS code, j.value ->> 'severity' AS severity, j.value ->> 'message' AS message, j.value ->> 'value' AS value
        FROM sync_staging s, json_each(s.problems_json) j WHERE s.run_id = @runId AND s.kind != 'same'
        UNION ALL
        SELECT 0, s.seq, p.rowid, s.identity, e.display_name, p.field, p.code, p.severity, p.message, p.value
        FROM sync_staging s JOIN employees e ON e.id = s.employee_id JOIN employee_problems p ON p.employee_id = s.employee_id
        WHERE s.run_id = @runId AND s.kind = 'same'
        ${
          roll
            ? `UNION ALL
        SELECT 1, e.id, p.rowid, e.identity, e.display_name, p.field, p.code, p.severity, p.message, p.value
        FROM employees e JOIN employee_problems p ON p.employee_id = e.id
        WHERE e.company_id = @companyId AND e.state IN ('active', 'leaver') AND e.${notStaged}`
            : ''
        }
      ) ORDER BY part, k1, k2`;
    // Nobody changed: the list may well be the last run's, which is then shared rather than copied.
    const changedNobody = n('insert') + n('update') === 0 && missing === 0;
    this.#lists.record(p.runId, p.companyId, list, { runId: p.runId, companyId: p.companyId }, changedNobody);
    this.discard(p.runId);

    const sum = (pick: (t: (typeof totals)[number]) => number, kinds: StagedKind[]) =>
      totals.filter((t) => kinds.includes(t.kind)).reduce((a, t) => a + (pick(t) ?? 0), 0);
    return {
      created: n('insert'),
      // "Updated" is who has a field change recorded in this run (the change history lists each of them); a
      // rewrite that changed no payroll value (a new HR record, a setting that reads more) is unchanged to the bureau.
      updated: changed,
      unchanged: n('same') + n('update') - changed + rest.n,
      excluded: n('exclude'),
      leavers: sum((t) => t.leavers, ['insert', 'update', 'same']) + rest.leavers,
      missing,
      problems: sum((t) => t.problems, ['insert', 'update', 'same', 'problem']) + rest.problems,
    };
  }

  /** Current employees a partial read did not stage: unchanged, by the HR system's own account. */
  #unstagedCurrent(p: ApplyParams): { n: number; leavers: number; problems: number } {
    const r = this.db
      .prepare<ApplyParams, { n: number; leavers: number | null; problems: number | null }>(
        `SELECT COUNT(*) AS n, SUM(state = 'leaver') AS leavers, SUM(problem_count) AS problems FROM employees
        WHERE company_id = @companyId AND state IN ('active', 'leaver')
          AND identity NOT IN (SELECT s.seen_identity FROM sync_staging s WHERE s.run_id = @runId AND s.seen_identity IS NOT NULL)`,
      )
      .get(p);
    return { n: r?.n ?? 0, leavers: r?.leavers ?? 0, problems: r?.problems ?? 0 };
  }
}
